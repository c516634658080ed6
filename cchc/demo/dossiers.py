"""A year of demo dossiers, built through the dossier services at past moments (`clock.at`).

Every dossier therefore has the events, due dates, checks and documents a real one would have:
counter, post, online and national-portal submissions across the sample catalogue; most returned
on time, some late, some supplemented, a few refused at intake or after appraisal, apologies,
withdrawals, consultations and fee payments; the most recent still open, a few of them overdue now;
ratings for about a third of the results returned. Applicants are generated from common Vietnamese
family, middle and given names, streets and wards (no external data).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cchc.catalog.demo import load_sample_catalogue
from cchc.catalog.models import Procedure
from cchc.core import clock
from cchc.core.audit import acting_as
from cchc.core.errors import RuleViolation
from cchc.dossiers import services
from cchc.dossiers.applicant import ApplicantInput
from cchc.dossiers.documents_service import document_upload
from cchc.dossiers.models import Dossier, DossierDocument
from cchc.org import services as org_services
from cchc.org.models import Unit, User
from cchc.org.roles import Role
from cchc.workdays.calendar import OfficeHours, WorkCalendar, add_working_hours
from cchc.workdays.services import get_calendar, office_hours

# About 1,500 dossiers take some 40 s on a 2-core machine (see docs/development.md): a
# department of science and technology receives a few thousand a year, so this is a realistic year
# for the first `./dev run` without making it slow.
DEFAULT_COUNT = 1500
KEY_PREFIX = "demo:"

# --- names and places ------------------------------------------------------------------------------

# Family names with their approximate share of the population.
FAMILY = (
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Hoàng", 3),
    ("Huỳnh", 2.5),
    ("Phan", 4.5),
    ("Vũ", 2),
    ("Võ", 2),
    ("Đặng", 2.1),
    ("Bùi", 2),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
    ("Trương", 0.6),
    ("Đinh", 0.5),
    ("Mai", 0.4),
    ("Tạ", 0.3),
)
MIDDLE_MALE = ("Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Xuân", "Hoàng", "Anh", "Trọng")
MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hoài", "Kim", "Phương", "Thùy", "Bích", "Mỹ")
GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Kiên",
    "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Thắng", "Thành",
    "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
)  # fmt: skip
GIVEN_FEMALE = (
    "Anh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hồng", "Hương", "Lan",
    "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
    "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến",
)  # fmt: skip
STREETS = (
    "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Thái Học", "Hoàng Hoa Thám", "Ba Cu", "Lê Hồng Phong", "Nguyễn An Ninh",
    "30 Tháng 4", "Võ Thị Sáu", "Thùy Vân", "Trương Công Định", "Nam Kỳ Khởi Nghĩa", "Hùng Vương",
    "Cách Mạng Tháng Tám", "Độc Lập", "Nguyễn Hữu Cảnh", "Phạm Văn Đồng", "Lê Quý Đôn", "Trần Phú",
    "Nguyễn Văn Trỗi", "Bình Giã", "Lưu Chí Hiếu", "Nguyễn Tất Thành", "Điện Biên Phủ", "Quang Trung",
)  # fmt: skip
WARDS = (
    "phường Vũng Tàu", "phường Tam Thắng", "phường Rạch Dừa", "phường Phước Thắng", "phường Bà Rịa",
    "phường Long Hương", "phường Tam Long", "phường Phú Mỹ", "phường Tân Thành", "phường Tân Phước",
    "xã Châu Pha", "xã Long Hải", "xã Đất Đỏ", "xã Xuyên Mộc", "xã Hồ Tràm", "xã Ngãi Giao", "xã Long Điền",
)  # fmt: skip
PROVINCE = "TP Hồ Chí Minh"
COMPANY_FORMS = ("Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Doanh nghiệp tư nhân")
COMPANY_WORDS = (
    "Kỹ thuật", "Công nghệ", "Thiết bị Y tế", "Kiểm định", "Thương mại và Dịch vụ", "Xây dựng", "Dầu khí",
    "Thực phẩm", "Điện tử", "Môi trường", "Cơ khí", "Hóa chất", "Vật liệu mới", "Thủy sản", "Đo lường",
)  # fmt: skip
PLACE_WORDS = ("Vũng Tàu", "Bà Rịa", "Phú Mỹ", "Miền Nam", "Đông Nam Bộ", "Sao Mai", "Hải Đăng", "Long Sơn", "Côn Đảo")
CLINICS = (
    "Phòng khám Đa khoa",
    "Phòng khám Nha khoa",
    "Bệnh viện Đa khoa",
    "Trung tâm Y tế",
    "Phòng khám Chẩn đoán hình ảnh",
)
PHONE_PREFIXES = ("090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "070", "076", "077", "079",
                  "081", "083", "084", "085", "032", "033", "034", "035", "037", "038", "039")  # fmt: skip

# Extra staff so that every division's steps are worked by people of that division. They cannot
# sign in (no password); the demo sign-ins are the personas of personas.py.
EXTRA_STAFF = (
    ("qlkh", Role.SPECIALIST, "cv.qlkh", "Đặng Thị Hương", "Chuyên viên"),
    ("qlkh", Role.UNIT_HEAD, "tp.qlkh", "Nguyễn Văn Hải", "Trưởng phòng Quản lý Khoa học"),
    ("qlcn", Role.SPECIALIST, "cv.qlcn", "Phan Quốc Bảo", "Chuyên viên"),
    ("qlcn", Role.UNIT_HEAD, "tp.qlcn", "Trương Thị Mỹ Linh", "Trưởng phòng Quản lý Công nghệ"),
    ("ttud", Role.SPECIALIST, "cv.ttud", "Ngô Văn Thịnh", "Viên chức"),
    ("ttud", Role.UNIT_HEAD, "gd.ttud", "Đinh Thị Lụa", "Giám đốc Trung tâm"),
    ("cctdc", Role.UNIT_HEAD, "ccth.tdc", "Trịnh Quang Huy", "Chi cục trưởng"),
    ("khtc", Role.SPECIALIST, "cv.khtc", "Vũ Thị Ngân", "Chuyên viên"),
)

REFUSALS_AT_INTAKE = (
    "Thủ tục không thuộc thẩm quyền giải quyết của Sở; đề nghị nộp tại Bộ Khoa học và Công nghệ.",
    "Hồ sơ nộp trực tuyến thiếu tờ khai theo mẫu và không có chữ ký số của tổ chức.",
    "Người nộp không phải là người đại diện theo pháp luật và không có giấy ủy quyền.",
)
REFUSALS = (
    "Kết quả kiểm tra thực tế cho thấy thiết bị không đạt yêu cầu an toàn bức xạ.",
    "Tổ chức chưa đáp ứng điều kiện về nhân lực theo quy định.",
    "Sản phẩm chưa được chứng nhận phù hợp quy chuẩn kỹ thuật tương ứng.",
    "Hồ sơ không đáp ứng điều kiện quy định tại văn bản quy phạm pháp luật.",
)
MISSING = (
    "Bản sao chứng thực Giấy chứng nhận đăng ký doanh nghiệp",
    "Chứng chỉ nhân viên bức xạ của người phụ trách an toàn",
    "Báo cáo đánh giá an toàn có chữ ký của người đứng đầu",
    "Bản thuyết minh kỹ thuật của thiết bị",
    "Giấy ủy quyền cho người nộp hồ sơ",
)
APOLOGIES = (
    "Cần thêm thời gian kiểm tra thực tế tại cơ sở.",
    "Phải chờ ý kiến chuyên môn của cơ quan có liên quan.",
    "Khối lượng hồ sơ tăng đột biến trong kỳ.",
)
WITHDRAWALS = (
    "Người nộp có đơn xin rút hồ sơ để bổ sung, hoàn thiện và nộp lại sau.",
    "Tổ chức thay đổi kế hoạch đầu tư, xin rút hồ sơ.",
)

# A one-page PDF: what a scanner or the result's signing tool would produce (content is not read).
SCAN_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 1/Kids[3 0 R]>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class _Future(Exception):
    """The next action would happen after now: the dossier stays where it is (still open)."""


@dataclass(slots=True)
class _People:
    desk: list[User]
    director: User
    by_role: dict[tuple[int, str], User] = field(default_factory=dict)  # (unit id, role) → person
    consultable: list[tuple[Unit, User]] = field(default_factory=list)

    def for_step(self, step: dict[str, object] | None) -> User:
        if step is None:
            return self.director
        unit_id, role = int(str(step["unit_id"])), str(step["role"])
        if role == Role.ONE_STOP_OFFICER:
            return self.desk[0]
        if role == Role.DIRECTOR:
            return self.director
        return self.by_role.get((unit_id, role)) or self.by_role.get((unit_id, Role.UNIT_HEAD)) or self.director

    def head_of(self, unit_id: int) -> User:
        return self.by_role.get((unit_id, Role.UNIT_HEAD), self.director)


def _staff(units: dict[str, Unit]) -> _People:
    """The demo personas, plus (created once) a specialist and a head for each division."""
    with acting_as(None):
        for key, role, username, full_name, position in EXTRA_STAFF:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = org_services.user_create(
                    username=username, full_name=full_name, unit=units[key], position=position,
                    email=f"{username}@example.gov.vn",
                )  # fmt: skip
            org_services.membership_grant(user=user, unit=units[key], role=role)
    people = _People(desk=[User.objects.get(username="motcua")], director=User.objects.get(username="giamdoc"))
    for user in User.objects.filter(is_active=True).prefetch_related("memberships"):
        for membership in user.memberships.all():
            if membership.role in {Role.SPECIALIST, Role.UNIT_HEAD}:
                people.by_role.setdefault((membership.unit_id, membership.role), user)
    for key in ("khtc", "qlkh", "qlcn", "qlcng", "cctdc", "ttud"):
        specialist = people.by_role.get((units[key].pk, Role.SPECIALIST))
        if specialist is not None:
            people.consultable.append((units[key], specialist))
    return people


# --- applicants -------------------------------------------------------------------------------------


def _person_name(rng: random.Random) -> tuple[str, bool]:
    family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
    male = rng.random() < 0.52
    middle = rng.choice(MIDDLE_MALE if male else MIDDLE_FEMALE)
    given = rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
    if rng.random() < 0.25:  # four-part names are common
        middle = f"{middle} {rng.choice(MIDDLE_MALE[2:] if male else MIDDLE_FEMALE[3:])}"
    return f"{family} {middle} {given}", male


def _address(rng: random.Random) -> str:
    number = rng.randint(1, 420)
    house = f"{number}/{rng.randint(1, 40)}" if rng.random() < 0.2 else str(number)
    return f"{house} {rng.choice(STREETS)}, {rng.choice(WARDS)}, {PROVINCE}"


def _phone(rng: random.Random) -> str:
    return rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 9_999_999):07d}"


def _applicant(rng: random.Random, procedure: Procedure) -> ApplicantInput:
    medical = "X-quang" in procedure.name or "y tế" in procedure.name
    if rng.random() < (0.7 if "Công nhận" not in procedure.name else 0.9):
        if medical:
            name = f"{rng.choice(CLINICS)} {rng.choice(PLACE_WORDS)}"
        else:
            name = f"{rng.choice(COMPANY_FORMS)} {rng.choice(COMPANY_WORDS)} {rng.choice(PLACE_WORDS)}"
        tax = f"35{rng.randint(0, 99_999_999):08d}"
        if rng.random() < 0.1:
            tax += f"-{rng.randint(1, 9):03d}"
        domain = "example.com.vn"
        return ApplicantInput(
            kind="organisation", name=name, id_number=tax, phone=_phone(rng), address=_address(rng),
            email=f"lienhe{rng.randint(1, 999)}@{domain}" if rng.random() < 0.7 else "",
        )  # fmt: skip
    name, male = _person_name(rng)
    born = rng.randint(1960, 2003)
    century = (0 if born < 2000 else 2) + (0 if male else 1)
    citizen_id = f"077{century}{born % 100:02d}{rng.randint(0, 999_999):06d}"
    return ApplicantInput(
        kind="person", name=name, id_number=citizen_id, phone=_phone(rng), address=_address(rng),
        email=f"nguoidan{rng.randint(1, 9999)}@example.com" if rng.random() < 0.4 else "",
    )  # fmt: skip


# --- time -----------------------------------------------------------------------------------------------


class _Time:
    """Office-time arithmetic in local wall-clock time (the calendar works on naive local times)."""

    def __init__(self, rng: random.Random, calendar: WorkCalendar, office: OfficeHours) -> None:
        self.rng, self.calendar, self.office = rng, calendar, office
        self.tz = ZoneInfo(settings.TIME_ZONE)

    def local(self, moment: datetime) -> datetime:
        return timezone.localtime(moment, self.tz).replace(tzinfo=None)

    def aware(self, local: datetime) -> datetime:
        return local.replace(tzinfo=self.tz, second=0, microsecond=0)

    def after(self, moment: datetime, hours: float) -> datetime:
        """`hours` of office time after `moment`, plus a few minutes of human irregularity."""
        local = add_working_hours(self.calendar, self.local(moment), max(0.05, hours), self.office)
        return self.snap(self.aware(local) + timedelta(minutes=self.rng.randint(0, 25)))

    def snap(self, moment: datetime) -> datetime:
        """The moment itself when the office is open, otherwise soon after it opens again."""
        local = self.local(moment)
        day, now = local.date(), local.time()
        while True:
            if self.calendar.is_working_day(day):
                for start, end in self.office.periods:
                    if now < start:
                        minutes = self.rng.randint(2, 50)
                        return self.aware(datetime.combine(day, start) + timedelta(minutes=minutes))
                    if now < end:
                        return self.aware(datetime.combine(day, now))
            day += timedelta(days=1)
            now = time(0, 0)

    def working_hours_between(self, start: datetime, end: datetime) -> float:
        a, b = self.local(start).date(), self.local(end).date()
        return max(0.5, self.calendar.working_days_between(a, b) * self.office.hours_per_day)


# --- one dossier ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fate:
    refuse_intake: bool = False
    supplement: bool = False
    consult: bool = False
    payment: bool = False
    apology: bool = False
    refuse: bool = False
    withdraw: bool = False
    late: bool = False
    rate: bool = False


def _fate(rng: random.Random, online: bool, has_fee: bool) -> _Fate:
    roll = rng.random()
    return _Fate(
        refuse_intake=online and roll < 0.04,
        withdraw=0.04 <= roll < 0.055,
        refuse=0.055 <= roll < 0.085,
        apology=0.085 <= roll < 0.10,
        late=0.10 <= roll < 0.16,
        supplement=rng.random() < 0.09,
        consult=rng.random() < 0.04,
        payment=has_fee and rng.random() < 0.5,
        rate=rng.random() < 0.35,
    )


class _Builder:
    def __init__(self, rng: random.Random, people: _People, times: _Time, now: datetime, unit: Unit) -> None:
        self.rng, self.people, self.t, self.now, self.unit = rng, people, times, now, unit
        self.refused = 0

    def _do(self, moment: datetime, service: Callable[..., Dossier], **arguments: Any) -> Dossier:
        """`service(**arguments)` as it happened at `moment`; _Future when that is after now."""
        if moment >= self.now:
            raise _Future
        with clock.at(moment):
            return service(**arguments)

    def build(self, number: int, procedure: Procedure, channel: str, submitted: datetime) -> None:
        rng, people = self.rng, self.people
        online = channel in {"online", "national_portal"}
        fate = _fate(rng, online, procedure.fees.exists())
        desk = rng.choice(people.desk)
        documents = [
            services.DocumentInput(name=d.name, form=d.kind, count=d.count, required_document_id=d.pk)
            for d in procedure.required_documents.all()
        ]
        applicant = _applicant(rng, procedure)
        with clock.at(submitted):
            dossier = services.dossier_intake(
                actor=None if online else desk,
                receiving_unit=self.unit,
                procedure=procedure,
                applicant=applicant,
                channel=channel,
                documents=documents,
                idempotency_key=f"{KEY_PREFIX}{number}",
                receive=not online,
            ).dossier
        try:
            self._life(dossier, fate, desk, submitted, online)
        except _Future:
            pass  # still open now
        except RuleViolation:
            # A rule refused a generated step (an edge of the calendar, say): the dossier stays as
            # the services left it, as a real one would. Counted so that tests see it stays rare.
            self.refused += 1

    def _upload(self, *, dossier: Dossier, desk: User, role: str) -> Dossier:
        entry = dossier.documents.filter(role=role, file="").first() if role == DossierDocument.Role.INPUT else None
        name = "" if entry else "Kết quả giải quyết (bản điện tử có chữ ký số)"
        document_upload(
            dossier=dossier, actor=desk, data=SCAN_PDF, filename=f"{dossier.code}.pdf",
            role=role, name=name, document=entry,
        )  # fmt: skip
        return dossier

    def _life(self, d: Dossier, fate: _Fate, desk: User, submitted: datetime, online: bool) -> None:
        rng, people, t, do = self.rng, self.people, self.t, self._do
        moment = submitted
        if online:
            moment = t.after(t.snap(submitted), rng.uniform(0.2, 6))
            if fate.refuse_intake:
                reason = rng.choice(REFUSALS_AT_INTAKE)
                do(moment, services.dossier_refuse_intake, dossier=d, actor=desk, reason=reason)
                return
            d = do(moment, services.dossier_receive, dossier=d, actor=desk)
        if rng.random() < (0.9 if online else 0.6):
            scanned = moment + timedelta(minutes=rng.randint(3, 20))
            do(scanned, self._upload, dossier=d, desk=desk, role=DossierDocument.Role.INPUT)
        if fate.withdraw and rng.random() < 0.3:
            moment = t.after(moment, rng.uniform(0.5, 6))
            do(moment, services.dossier_withdraw, dossier=d, actor=desk, reason=rng.choice(WITHDRAWALS))
            return
        specialist = people.for_step(d.step(2))
        moment = t.after(moment, rng.uniform(0.3, 4))
        d = do(moment, services.dossier_transfer, dossier=d, actor=desk, assignee=specialist)
        if fate.supplement:
            moment = t.after(moment, rng.uniform(1, 14))
            missing = rng.sample(MISSING, rng.randint(1, 2))
            reason = "Hồ sơ chưa đầy đủ theo quy định, đề nghị bổ sung."
            d = do(
                moment, services.dossier_request_supplement, dossier=d, actor=specialist, missing=missing, reason=reason
            )
            moment = t.after(moment, rng.uniform(1.5, 8) * t.office.hours_per_day)
            d = do(moment, services.dossier_supplement_received, dossier=d, actor=desk)
        others = [c for c in people.consultable if c[0].pk != d.current_unit_id]
        if fate.consult and others:
            unit, answerer = rng.choice(others)
            moment = t.after(moment, rng.uniform(1, 6))
            question = "Đề nghị cho ý kiến chuyên môn về hồ sơ."
            d = do(moment, services.dossier_consult, dossier=d, actor=specialist, unit=unit, question=question)
            moment = t.after(moment, rng.uniform(4, 14))
            answer = "Thống nhất với đề xuất của phòng chủ trì."
            d = do(moment, services.dossier_answer, dossier=d, actor=answerer, answer=answer)
        if fate.payment:
            amount = sum(f.amount_vnd for f in d.procedure.fees.all()) or 500_000
            moment = t.after(moment, rng.uniform(1, 6))
            reason = "Nộp phí thẩm định theo quy định."
            d = do(
                moment, services.dossier_request_payment, dossier=d, actor=specialist, amount_vnd=amount, reason=reason
            )
            moment = t.after(moment, rng.uniform(1, 12))
            d = do(moment, services.dossier_payment_received, dossier=d, actor=desk)
        if fate.withdraw:
            moment = t.after(moment, rng.uniform(1, 8))
            do(moment, services.dossier_withdraw, dossier=d, actor=desk, reason=rng.choice(WITHDRAWALS))
            return
        self._handle(d, fate, desk, moment)

    def _handle(self, d: Dossier, fate: _Fate, desk: User, moment: datetime) -> None:
        """The processing steps up to the result, spread over the time left until the due date."""
        rng, people, t, do = self.rng, self.people, self.t, self._do
        assert d.due_at is not None  # noqa: S101 - received
        if fate.apology:
            due_day = t.local(d.due_at).date()
            last = due_day - timedelta(days=1)
            while not t.calendar.is_working_day(last):
                last -= timedelta(days=1)
            apology_at = t.aware(datetime.combine(last, time(9, rng.randint(0, 59))))
            if apology_at > moment:
                new_due = t.calendar.add_working_days(due_day, rng.randint(3, 7))
                head, reason = people.head_of(d.handling_unit_id), rng.choice(APOLOGIES)
                d = do(apology_at, services.dossier_apologise, dossier=d, actor=head, reason=reason, new_due=new_due)
                moment = apology_at
        assert d.due_at is not None  # noqa: S101
        hours_left = t.working_hours_between(moment, d.due_at)
        share = rng.uniform(1.1, 1.8) if fate.late else rng.uniform(0.4, 0.95)
        budget = hours_left * share
        remaining_steps = max(1, len(d.steps) - d.current_step)
        for _ in range(remaining_steps):
            actor = people.for_step(d.step())
            moment = t.after(moment, budget / remaining_steps * rng.uniform(0.6, 1.2))
            if fate.refuse and d.current_step >= len(d.steps) - 2:
                # A refusal must go out within the deadline (NĐ 61/2018 Art. 19(3)).
                refuse_at = min(moment, d.due_at - timedelta(hours=1))
                if refuse_at > _last_event_at(d):
                    head, reason = people.head_of(d.handling_unit_id), rng.choice(REFUSALS)
                    do(refuse_at, services.dossier_refuse, dossier=d, actor=head, reason=reason)
                    return
            if d.is_last_processing_step:
                d = do(moment, services.dossier_approve, dossier=d, actor=actor)
                break
            d = do(moment, services.dossier_forward, dossier=d, actor=actor)
        if rng.random() < 0.85:
            signed = moment + timedelta(minutes=rng.randint(10, 90))
            do(signed, self._upload, dossier=d, desk=desk, role=DossierDocument.Role.RESULT)
        moment = t.after(moment, rng.uniform(1, 20))
        scores = _rating(rng) if fate.rate else None
        comment = _comment(rng, scores)
        do(moment, services.dossier_return_result, dossier=d, actor=desk, rating=scores, comment=comment)


def _last_event_at(d: Dossier) -> datetime:
    """The moment of the dossier's last event: nothing can happen before it."""
    last = d.events.order_by("-at").values_list("at", flat=True).first()
    return last or d.submitted_at


def _rating(rng: random.Random) -> dict[str, int]:
    mood = rng.random()
    scores = {}
    for i in range(1, 10):
        roll = rng.random()
        scores[f"c{i}"] = 2 if roll < (0.93 if mood > 0.15 else 0.6) else (1 if roll < 0.985 else 0)
    return scores


def _comment(rng: random.Random, scores: dict[str, int] | None) -> str:
    if scores is None or rng.random() < 0.6:
        return ""
    if sum(scores.values()) >= 17:
        return rng.choice(("Cán bộ hướng dẫn tận tình, chu đáo.", "Giải quyết nhanh, đúng hẹn.", "Rất hài lòng."))
    return rng.choice(("Thời gian chờ còn lâu.", "Đề nghị hướng dẫn rõ hơn về thành phần hồ sơ."))


# --- the year -------------------------------------------------------------------------------------------


def _weight(procedure: Procedure) -> float:
    name = procedure.name
    if "hợp quy" in name or "nhập khẩu" in name:
        return 5
    if "X-quang" in name or "bức xạ" in name:
        return 3.5
    if "dấu định lượng" in name or "đo lường" in name.lower():
        return 1.5
    if "giải thưởng" in name or "Thẩm định kết quả" in name:
        return 0.3
    return 1


def _channel(rng: random.Random, procedure: Procedure) -> str:
    online_share = {"full": 0.8, "partial": 0.6, "none": 0.0}.get(procedure.online_level, 0.0)
    if rng.random() < online_share:
        return "national_portal" if rng.random() < 0.25 else "online"
    return "post" if rng.random() < 0.15 else "counter"


def _submission_moments(rng: random.Random, times: _Time, now: datetime, count: int) -> list[datetime]:
    """`count` moments over the past year: counter hours on working days, online at any hour."""
    today = times.local(now).date()
    days = [today - timedelta(days=k) for k in range(1, 366)]
    working = [d for d in days if times.calendar.is_working_day(d)]
    moments = []
    for _ in range(count):
        day = rng.choice(working)
        minute = rng.randint(7 * 60 + 35, 16 * 60 + 50)
        if 11 * 60 + 30 <= minute < 13 * 60 + 30:
            minute += 120
        moments.append(times.aware(datetime.combine(day, time(minute // 60, minute % 60))))
    return sorted(moments)


def load_demo_catalogue(units: dict[str, Unit]) -> bool:
    """The sample catalogue, once: importing it again would replace the procedures' required
    documents, and the demo dossiers' checklists point at them."""
    if Procedure.objects.exists():
        return False
    load_sample_catalogue(units)
    return True


@contextmanager
def _without_query_log() -> Iterator[None]:
    """With DEBUG on, Django logs every query, and on SQLite each logged query costs a second one to
    quote its parameters: that more than doubles the time the demo year takes."""
    previous = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = previous


def demo_dossiers_exist() -> bool:
    return Dossier.objects.filter(idempotency_key__startswith=KEY_PREFIX).exists()


@dataclass(frozen=True, slots=True)
class DemoYear:
    made: int
    stalled: int  # dossiers left where a service refused a generated step (should stay near 0)


def load_demo_dossiers(
    units: dict[str, Unit], *, count: int = DEFAULT_COUNT, seed: int = 2026, now: datetime | None = None
) -> DemoYear:
    """A year of dossiers up to `now`, through the services (none when the demo dossiers exist
    already: it never adds a second year). The same seed and `now` give the same year."""
    if count <= 0 or demo_dossiers_exist():
        return DemoYear(0, 0)
    rng = random.Random(seed)
    now = now or timezone.now()
    people = _staff(units)
    calendar = get_calendar(through_year=timezone.localtime(now).year + 2)
    times = _Time(rng, calendar, office_hours())
    procedures = list(
        Procedure.objects.filter(status=Procedure.Status.ACTIVE)
        .select_related("handling_unit")
        .prefetch_related("required_documents", "fees", "steps")
        .order_by("code")
    )
    weights = [_weight(p) for p in procedures]
    builder = _Builder(rng, people, times, now, units["so"])
    with _without_query_log(), transaction.atomic(), acting_as(None):
        for number, submitted in enumerate(_submission_moments(rng, times, now, count), start=1):
            procedure = rng.choices(procedures, weights=weights)[0]
            channel = _channel(rng, procedure)
            if channel in {"online", "national_portal"} and rng.random() < 0.35:
                # Online submissions also come in the evening and at weekends.
                submitted = times.aware(
                    datetime.combine(times.local(submitted).date(), time(rng.randint(18, 22), rng.randint(0, 59)))
                )
                submitted = min(submitted, now - timedelta(minutes=5))
            builder.build(number, procedure, channel, submitted)
    return DemoYear(count, builder.refused)
