"""The demo department: the units of a provincial Department of Science and Technology and one
person per role. Tests build the same personas (tests/conftest.py), so demo and tests agree.

The identifier codes are demonstration values in the shape of QCVN 102:2016 codes, not official ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.org.roles import Role

DEMO_PASSWORD = "cchc@2026"  # noqa: S105 - printed on purpose by ./dev run; demo data is refused in production


@dataclass(frozen=True, slots=True)
class DemoUnit:
    key: str
    name: str
    short_name: str
    code: str
    kind: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class DemoPerson:
    username: str
    full_name: str
    position: str
    unit: str | None
    roles: tuple[tuple[Role, str], ...]  # (role, unit key)
    email: str


UNITS: tuple[DemoUnit, ...] = (
    DemoUnit("so", "Sở Khoa học và Công nghệ", "Sở KH&CN", "000.00.26.H56", "department", None),
    DemoUnit("vp", "Văn phòng Sở", "Văn phòng", "000.01.26.H56", "office", "so"),
    DemoUnit("ttra", "Thanh tra Sở", "Thanh tra", "000.02.26.H56", "inspectorate", "so"),
    DemoUnit("khtc", "Phòng Kế hoạch - Tài chính", "Phòng KH-TC", "000.03.26.H56", "division", "so"),
    DemoUnit("qlkh", "Phòng Quản lý Khoa học", "Phòng QLKH", "000.04.26.H56", "division", "so"),
    DemoUnit(
        "qlcn",
        "Phòng Quản lý Công nghệ và Thị trường công nghệ",
        "Phòng QLCN",
        "000.05.26.H56",
        "division",
        "so",
    ),
    DemoUnit("qlcng", "Phòng Quản lý Chuyên ngành", "Phòng QLCNg", "000.06.26.H56", "division", "so"),
    DemoUnit(
        "cctdc",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Chi cục TĐC",
        "000.07.26.H56",
        "sub_department",
        "so",
    ),
    DemoUnit(
        "cctdc-ql",
        "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng",
        "Phòng QL TĐC",
        "001.07.26.H56",
        "division",
        "cctdc",
    ),
    DemoUnit(
        "ttud",
        "Trung tâm Thông tin và Ứng dụng khoa học công nghệ",
        "Trung tâm TT&ƯD",
        "000.08.26.H56",
        "centre",
        "so",
    ),
)

PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "motcua",
        "Nguyễn Thị Mai",
        "Cán bộ Bộ phận Một cửa",
        "vp",
        ((Role.ONE_STOP_OFFICER, "so"),),
        "motcua@example.gov.vn",
    ),
    DemoPerson(
        "chuyenvien",
        "Trần Văn Bình",
        "Chuyên viên",
        "qlcng",
        ((Role.SPECIALIST, "qlcng"),),
        "chuyenvien@example.gov.vn",
    ),
    DemoPerson(
        "truongphong",
        "Lê Thị Hoa",
        "Trưởng phòng Quản lý Chuyên ngành",
        "qlcng",
        ((Role.UNIT_HEAD, "qlcng"),),
        "truongphong@example.gov.vn",
    ),
    DemoPerson("giamdoc", "Võ Minh Tuấn", "Giám đốc Sở", "so", ((Role.DIRECTOR, "so"),), "giamdoc@example.gov.vn"),
    DemoPerson(
        "cchc",
        "Đỗ Thu Hà",
        "Chuyên viên Văn phòng, đầu mối CCHC",
        "vp",
        ((Role.CCHC_OFFICER, "so"),),
        "cchc@example.gov.vn",
    ),
    DemoPerson(
        "thamdinh",
        "Hoàng Văn Long",
        "Chuyên viên Sở Nội vụ",
        None,
        ((Role.APPRAISER, "so"),),
        "thamdinh@example.gov.vn",
    ),
    DemoPerson(
        "quantri",
        "Phan Thanh Sơn",
        "Quản trị hệ thống",
        "vp",
        ((Role.ADMINISTRATOR, "so"),),
        "quantri@example.gov.vn",
    ),
    DemoPerson(
        "chuyenvien.tdc",
        "Bùi Ngọc Lan",
        "Chuyên viên",
        "cctdc-ql",
        ((Role.SPECIALIST, "cctdc"),),
        "tdc@example.gov.vn",
    ),
)
