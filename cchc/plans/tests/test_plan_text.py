import datetime
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.plans.importers.plan_text import (
    MESSAGES,
    Area,
    NodeKind,
    ParsedPlan,
    PlanNode,
    area_of,
    deadline_hint,
    find_targets,
    fold,
    parse_plan_text,
    walk,
)
from cchc.plans.importers.vi_repair import PHRASES, has_lost_marks, repair

HERE = Path(__file__).resolve()
SAMPLE = HERE.parents[1] / "importers" / "samples" / "ke_hoach_cchc_2023_skhcn.txt"
SEED = HERE.parents[3].parent / "shared" / "seed" / "000_aa6e5662294e371a.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    for path in (SAMPLE, SEED):
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip(f"seed plan not found at {SAMPLE} or {SEED}")


@pytest.fixture(scope="module")
def plan(seed_text: str) -> ParsedPlan:
    return parse_plan_text(seed_text)


def node(plan: ParsedPlan, path: str) -> PlanNode:
    """The node at "II.3.e": labels from the top."""
    nodes, found = plan.sections, None
    for label in path.split("."):
        found = next(n for n in nodes if n.label == label)
        nodes = found.children
    assert found is not None
    return found


def labels(nodes: list[PlanNode]) -> list[str]:
    return [n.label for n in nodes]


def squash(text: str) -> str:
    return " ".join(fold(text).split())


# --- the seed: a real OCR'd plan ------------------------------------------------------------------


def test_it_finds_the_three_parts(plan):
    assert labels(plan.sections) == ["I", "II", "III"]
    assert all(part.kind is NodeKind.PART for part in plan.sections)
    assert [squash(part.text.split("\n")[0]) for part in plan.sections] == [
        "muc tieu, yeu cau",
        "noi dung, nhiem vu cu the",
        "to chuc thu'c hien",
    ]


def test_it_puts_goals_and_requirements_with_their_bullets_under_part_one(plan):
    goals, requirements = node(plan, "I").children
    assert (goals.label, goals.title, goals.kind) == ("1", "Mục tiêu", NodeKind.ITEM)
    assert (requirements.label, requirements.title) == ("2", "Yêu cầu")
    assert labels(goals.children) == ["-"] * 4
    assert labels(requirements.children) == ["-"] * 3
    assert all(child.kind is NodeKind.BULLET for child in goals.children + requirements.children)


def test_it_finds_the_seven_areas_of_part_two(plan):
    items = node(plan, "II").children
    assert labels(items) == ["1", "2", "3", "4", "5", "6", "7"]
    assert [item.area for item in items] == [
        Area.DIRECTION,
        Area.INSTITUTIONS,
        Area.PROCEDURES,
        Area.ORGANISATION,
        Area.CIVIL_SERVICE,
        Area.PUBLIC_FINANCE,
        Area.DIGITAL_GOVERNMENT,
    ]
    # Only the items of the content part get an area; their points inherit nothing.
    others = [n for n in walk(plan.sections) if n not in items]
    assert all(n.area is None for n in others)


@pytest.mark.parametrize(
    ("item", "letters"),
    [
        ("1", "a b c d đ e"),
        ("2", "a b c d"),
        ("3", "a b c d đ e g"),
        ("4", "a b"),
        ("5", "a b c d đ"),
        ("6", "a b c d đ"),
        ("7", "a b c d đ"),
    ],
)
def test_it_puts_every_lettered_point_under_its_area(plan, item, letters):
    points = node(plan, f"II.{item}").children
    assert labels(points) == letters.split()
    assert all(point.kind is NodeKind.LETTER and not point.children for point in points)


def test_it_reads_ocr_look_alikes_of_the_labels(plan):
    # "¢)" is c), "@)" is đ), a second "d)" is đ), " d) Ban hành" starts with a space, "l." is 1.
    assert node(plan, "II.1.c").text.startswith("Tiép tuc nghién ciru")
    assert node(plan, "II.3.đ").text.startswith("Trién khai Dé an")
    assert node(plan, "II.3.e").text.startswith("Tang cuong giai quyét TTHC")  # OCR wrote "¢)" for e)
    assert node(plan, "II.6.đ").text.startswith("Ban hanh Chuong trinh")
    assert node(plan, "II.6.đ").line == 221
    assert node(plan, "III.1").text.startswith("Truong phong")


def test_it_joins_wrapped_lines_across_blank_lines_and_page_numbers(plan):
    before_page, after_page = node(plan, "II.2.a"), node(plan, "II.2.b")
    assert before_page.text.endswith("kinh té - x4 hoi cua dia phuong.")
    assert after_page.text.startswith("Pay manh cong tic ra soat")
    assert after_page.text.endswith("quy dinh cta phéap luat hién hanh.")
    assert "\n" not in after_page.text
    assert plan.page_numbers == [3]
    assert "quy pham phap luat c6 lién quan" in node(plan, "II.3.a").text  # a blank line mid-sentence
    assert "hoan thanh, ¢ bang ching phu hop" in node(plan, "III.1").text
    assert "4655/QPb-UBND" in node(plan, "I.1").children[2].text  # a code broken after its hyphen


def test_it_keeps_the_appendix_note_in_part_two(plan):
    assert "(Kém theo Phu luc cdc nhiém vu cu thé)." in node(plan, "II").text
    assert "Phu luc" not in node(plan, "II.7.đ").text


def test_it_reads_part_three_and_its_closing_paragraph(plan):
    part = node(plan, "III")
    assert labels(part.children) == ["1", "2", "3"]
    assert part.text.endswith("chi dao thuc hién./.")
    assert "Trong qua trinh thuc hién" in part.text
    assert "Trong qua trinh" not in node(plan, "III.3").text


def test_it_reads_the_targets(plan):
    values = {target.indicator: target.value for target in plan.targets}
    assert values == {
        "satisfaction": 87,
        "on_time": 98,
        "online_usage": 70,
        "digitised_results": 100,
        "time_cut": 40,
    }
    by_indicator = {target.indicator: target for target in plan.targets}
    goal_text = node(plan, "I.1").children[3].text
    assert all(by_indicator[name].text in goal_text for name in ("satisfaction", "on_time", "online_usage"))
    assert by_indicator["digitised_results"].text in node(plan, "II.3.e").text
    assert by_indicator["time_cut"].text in node(plan, "II.3.g").text
    assert "35-40%" in by_indicator["time_cut"].text


def test_it_reads_the_header(plan):
    header = plan.header
    assert header.number == "64/KH-SKHCN"
    assert header.date == datetime.date(2022, 12, 30)
    assert header.year == 2023
    assert "KHOA HOC VA CONG NGHE" in fold(header.issuer or "").upper()
    assert fold(header.parent_issuer or "").startswith("ubnd tinh")
    assert header.place == "Bà Rịa - Vũng Tàu"
    assert header.title == "Kế hoạch Công tác cải cách hành chính năm 2023 của Sở Khoa học và Công nghệ"
    assert header.signer == "Pham Quang Nhat"
    assert len(header.legal_basis) == 1
    assert header.legal_basis[0].startswith("Can ct Quyét dinh s6 4655/QD-UBND")
    assert header.legal_basis[0].endswith("Ba Ria - Viing Tau nam 2023,")
    assert (header.preamble or "").endswith("véi ndi dung nhu sau:")
    assert header.recipients == ["S& Noi vu (B/c);", "Gb, PGP S¢;", "Cac phong, don vi;", "Luu: VT nnp."]


def test_it_accounts_for_every_line_of_the_seed(plan, seed_text):
    pieces = [*plan.header.source, *plan.unplaced, *map(str, plan.page_numbers)]
    pieces += [n.text for n in walk(plan.sections)]
    haystack = squash(" ".join(pieces))
    label = re.compile(r"^(\S{1,4}[.)]|[-+•])\s+")
    missing = [
        line for line in seed_text.splitlines() if line.strip() and squash(label.sub("", line.strip())) not in haystack
    ]
    assert missing == []
    assert plan.unplaced == []
    assert plan.warnings == []


def test_it_gives_a_deadline_only_where_the_text_names_one(plan):
    assert node(plan, "II.3.e").deadline_hint == datetime.date(2023, 12, 31)  # "đến hết năm 2023"
    # II.3.d only cites decrees "ngày 23/4/2018": dates of documents, not deadlines.
    assert node(plan, "II.3.d").deadline_hint is None
    assert [n.label for n in walk(plan.sections) if n.deadline_hint] == ["e"]


def test_it_repairs_titles_but_keeps_the_original_text(plan):
    institutions = node(plan, "II.2")
    assert institutions.title == "Cải cách thể chế"
    assert institutions.text == "Cai cach thé ché"
    assert node(plan, "II.7").title == "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"
    assert node(plan, "II.1.a").title == "Đẩy mạnh công tác tuyên truyền muc dich, y nghia, néi dung CCHC"


def test_it_serialises_to_json(plan):
    data = json.loads(json.dumps(plan.to_dict(), ensure_ascii=False))
    assert data["header"]["date"] == "2022-12-30"
    part_two = data["sections"][1]
    assert part_two["kind"] == "part"
    assert part_two["children"][6]["area"] == "digital_government"
    assert part_two["children"][2]["children"][5]["deadline_hint"] == "2023-12-31"
    assert set(part_two) >= {"label", "kind", "title", "text", "area", "deadline_hint", "line", "children"}
    assert data["targets"][0] == {"text": plan.targets[0].text, "value": 87.0, "indicator": "satisfaction"}
    assert data["unplaced"] == []
    assert data["warnings"] == []


def test_it_parses_the_seed_in_one_go(seed_text):
    # No timing assertion; the seed (275 lines) parses in a few milliseconds, run it a few times.
    for _ in range(20):
        assert len(parse_plan_text(seed_text).sections) == 3


# --- small synthetic plans --------------------------------------------------------------------------

CLEAN_PLAN = """\
ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU
SỞ NỘI VỤ
Số: 12/KH-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bà Rịa - Vũng Tàu, ngày 05 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024 của Sở Nội vụ

Căn cứ Quyết định số 4655/QĐ-UBND ngày 08/12/2021 của Chủ tịch UBND tỉnh;
Căn cứ Quyết định số 4047/QĐ-UBND ngày 30/12/2022 của Chủ tịch UBND tỉnh,

Sở Nội vụ ban hành Kế hoạch cải cách hành chính năm 2024 như sau:

I. MỤC TIÊU, YÊU CẦU
1. Mục tiêu
- Mức độ hài lòng của người dân đạt trên 90%.
2. Yêu cầu
- Bảo đảm triển khai nghiêm túc, hiệu quả.
II. NỘI DUNG, NHIỆM VỤ
1. Công tác chỉ đạo, điều hành cải cách hành chính
a) Ban hành kế hoạch kiểm tra trước ngày 31/3/2024.
b) Báo cáo quý I, 6 tháng và năm.
c) Tuyên truyền về cải cách hành chính.
d) Kiểm tra công tác cải cách hành chính.
đ) Khảo sát sự hài lòng.
e) Tự chấm điểm chỉ số cải cách hành chính.
g) Khen thưởng kịp thời.
h) Tổng kết cuối năm.
2. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật.
3. Cải cách thủ tục hành chính
a) 100% hồ sơ được số hóa kết quả giải quyết.
4. Cải cách tổ chức bộ máy hành chính nhà nước
5. Cải cách chế độ công vụ
6. Cải cách tài chính công
7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc thực hiện Kế hoạch này./.

Nơi nhận:
- Sở Nội vụ;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn An
"""


def test_it_reads_a_clean_plan():
    plan = parse_plan_text(CLEAN_PLAN)
    assert plan.warnings == []
    assert plan.unplaced == []
    header = plan.header
    assert (header.parent_issuer, header.issuer) == ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "SỞ NỘI VỤ")
    assert (header.number, header.date, header.year) == ("12/KH-SNV", datetime.date(2024, 1, 5), 2024)
    assert header.title == "Kế hoạch Cải cách hành chính năm 2024 của Sở Nội vụ"
    assert len(header.legal_basis) == 2
    assert header.preamble == "Sở Nội vụ ban hành Kế hoạch cải cách hành chính năm 2024 như sau:"
    assert (header.signer_title, header.signer) == ("GIÁM ĐỐC", "Nguyễn Văn An")
    assert header.recipients == ["Sở Nội vụ;", "Lưu: VT."]
    assert labels(node(plan, "II.1").children) == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert [item.area for item in node(plan, "II").children] == list(Area)
    assert node(plan, "II.1.a").deadline_hint == datetime.date(2024, 3, 31)
    assert node(plan, "II.1.b").deadline_hint == datetime.date(2024, 3, 31)  # quý I, the first named
    assert node(plan, "II.1.h").deadline_hint == datetime.date(2024, 12, 31)  # cuối năm
    assert node(plan, "III").text == "TỔ CHỨC THỰC HIỆN\nVăn phòng Sở theo dõi, đôn đốc thực hiện Kế hoạch này./."
    assert [(t.indicator, t.value) for t in plan.targets] == [
        ("satisfaction", 90),
        ("digitised_results", 100),
    ]


def test_it_reads_a_header_whose_columns_a_pdf_text_layer_interleaved():
    # pdftotext output for CLEAN_PLAN's header laid out as a two-column table.
    top = """CỘNG HÒA XÃ HỘI CHỦ
ỦY BAN NHÂN DÂN TỈNH BÀ RỊA
NGHĨA VIỆT NAM
- VŨNG TÀU
Độc lập - Tự do - Hạnh phúc
SỞ NỘI VỤ
Bà Rịa - Vũng Tàu, ngày 05 tháng
Số: 12/KH-SNV
01 năm 2024
"""
    plan = parse_plan_text(top + CLEAN_PLAN[CLEAN_PLAN.index("KẾ HOẠCH") :])
    header = plan.header
    assert (header.parent_issuer, header.issuer) == ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "SỞ NỘI VỤ")
    assert (header.number, header.place, header.date) == ("12/KH-SNV", "Bà Rịa - Vũng Tàu", datetime.date(2024, 1, 5))
    assert plan.unplaced == []
    assert plan.warnings == []


def test_it_builds_the_tree_without_a_header():
    body = CLEAN_PLAN[CLEAN_PLAN.index("I. MỤC TIÊU") :]
    plan = parse_plan_text(body)
    assert labels(plan.sections) == ["I", "II", "III"]
    assert len(node(plan, "II").children) == 7
    assert plan.header.number is None
    assert plan.warnings == [
        MESSAGES["header_missing"].format(fields="số hiệu, ngày ban hành, cơ quan ban hành, tên kế hoạch")
    ]
    assert node(plan, "II.1.b").deadline_hint is None  # no plan year: "quý I" of which year?


@pytest.mark.parametrize("text", ["", "  \n\n\t\n", "-----\n____"])
def test_it_returns_an_empty_result_for_empty_text(text):
    plan = parse_plan_text(text)
    assert (plan.sections, plan.targets, plan.unplaced) == ([], [], [])
    assert plan.warnings == ["Văn bản trống, không có nội dung để nhận dạng."]


def test_it_puts_text_that_is_not_a_plan_in_unplaced():
    recipe = "Phở bò\n\nNguyên liệu:\n- 500g bánh phở\n- Thịt bò\n"
    recipe += "Cách làm:\n1. Ninh xương 6 tiếng.\n2. Trụng bánh.\n3\n"
    plan = parse_plan_text(recipe)
    assert plan.sections == []
    assert plan.warnings == ["Không nhận ra cấu trúc kế hoạch (không thấy các phần I, II, III)."]
    unplaced = "\n".join(plan.unplaced)
    assert all(line in unplaced for line in recipe.splitlines() if line)


def test_it_warns_when_a_letter_is_out_of_order():
    plan = parse_plan_text("I. NHIỆM VỤ\n1. Cải cách thể chế\na) Một.\nb) Hai.\nk) Ba.\n")
    assert labels(node(plan, "I.1").children) == ["a", "b", "k"]
    assert plan.warnings[-1] == "Dòng 5: điểm “k)” không đúng thứ tự, lẽ ra là “c)”."


def test_it_does_not_take_a_wrapped_hyphen_for_a_bullet():
    plan = parse_plan_text("I. MỤC TIÊU\n1. Mục tiêu\n- Phát triển kinh tế\n- xã hội của tỉnh.\n")
    bullet = node(plan, "I.1").children
    assert [b.text for b in bullet] == ["Phát triển kinh tế - xã hội của tỉnh."]


def test_it_nests_plus_bullets_under_dash_bullets():
    plan = parse_plan_text("I. NHIỆM VỤ\n1. Cải cách thể chế\n- Rà soát:\n+ Văn bản A.\n+ Văn bản B.\n- Kiểm tra.\n")
    dashes = node(plan, "I.1").children
    assert labels(dashes) == ["-", "-"]
    assert labels(dashes[0].children) == ["+", "+"]


@pytest.mark.parametrize(
    ("title", "area"),
    [
        ("Công tác chỉ đạo, điều hành cải cách hành chính", Area.DIRECTION),
        ("Cải cách thể chế", Area.INSTITUTIONS),
        ("Cải cách thủ tục hành chính trên môi trường điện tử", Area.PROCEDURES),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", Area.ORGANISATION),
        ("Cải cách chế độ công vụ, công chức", Area.CIVIL_SERVICE),
        ("Cải cách tài chính công", Area.PUBLIC_FINANCE),
        ("Hiện đại hóa hành chính", Area.DIGITAL_GOVERNMENT),
        ("Xây dựng Chính phủ điện tử", Area.DIGITAL_GOVERNMENT),
        ("Mục tiêu", None),
    ],
)
def test_it_names_the_area_of_a_heading(title, area):
    assert area_of(title) == area


# --- helpers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Hoàn thành trước ngày 15/11/2023.", None, datetime.date(2023, 11, 15)),
        ("Hoàn thành trước ngày 30/6.", 2024, datetime.date(2024, 6, 30)),
        ("Báo cáo quý II.", 2024, datetime.date(2024, 6, 30)),
        ("Sơ kết 6 tháng đầu năm.", 2024, datetime.date(2024, 6, 30)),
        ("Báo cáo 6 tháng cuối năm.", 2024, datetime.date(2024, 12, 31)),
        ("Tổ chức trong tháng 9.", 2024, datetime.date(2024, 9, 30)),
        ("Tổ chức trong tháng 02/2025.", 2024, datetime.date(2025, 2, 28)),
        ("Phấn đấu đến hết năm 2023 đạt 100%.", None, datetime.date(2023, 12, 31)),
        ("Theo Quyết định số 4655/QĐ-UBND ngày 08/12/2021 của UBND tỉnh.", 2023, None),
        ("Theo Quyết định số 468/QĐ- TTg ngày 27/3/2021.", 2023, None),
        ("Theo Kế hoạch số 5/KH-UBND ngày 10 tháng 01 năm 2023.", 2023, None),
        ("Thực hiện đúng quy định.", 2023, None),
        ("Báo cáo quý I.", None, None),
    ],
)
def test_it_reads_deadline_hints(text, year, expected):
    assert deadline_hint(text, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỷ lệ hài lòng của người dân đạt trên 90%.", [("satisfaction", 90.0)]),
        ("95% hồ sơ được giải quyết đúng hạn.", [("on_time", 95.0)]),
        (
            "Tỷ lệ hồ sơ trực tuyến đạt 80,5%; rút ngắn 30% thời gian.",
            [("online_usage", 80.5), ("time_cut", 30.0)],
        ),
        ("Giải ngân đạt 95%.", [(None, 95.0)]),
        ("Không có chỉ tiêu.", []),
    ],
)
def test_it_reads_percent_targets(text, expected):
    assert [(t.indicator, t.value) for t in find_targets(text)] == expected


def test_it_folds_accents_and_keeps_positions():
    text = "Đẩy mạnh CẢI CÁCH hành chính"
    assert fold(text) == "day manh cai cach hanh chinh"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("ocr", "repaired"),
    [
        ("Cong tac cai cach hanh chinh nam 2023", "Công tác cải cách hành chính năm 2023"),
        ("Cai cach to chirc, bd may", "Cải cách tổ chức, bộ máy"),
        ("Cai cach ché d9 cong vu", "Cải cách chế độ công vụ"),
        ("SO KHOA HQC VA CONG NGHE", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        ("TO CHUC THU'C HIEN", "TỔ CHỨC THỰC HIỆN"),
        ("co che mot cira", "cơ chế một cửa"),
        ("Cải cách hành chính", "Cải cách hành chính"),  # already right
        ("Vé, vẻ, ve", "Vé, vẻ, về"),  # a single word only when written without marks
        ("hanh chinh. Cai", "hành chính. Cai"),  # a full stop ends the phrase
        ("ctia", "ctia"),  # OCR guesses are used inside phrases only
        ("Ngay Chuyen doi so Viet Nam 2023", "Ngay Chuyen doi so Viet Nam 2023"),
    ],
)
def test_it_repairs_frequent_ocr_phrases(ocr, repaired):
    assert repair(ocr) == repaired
    assert repair(repaired) == repaired


def test_it_repairs_only_text_that_lost_its_marks():
    assert has_lost_marks("Cong tac cai cach hanh chinh cua Sé Khoa hoc")
    assert not has_lost_marks("Có nhiều cái cách để cải cách hành chính")
    plan = parse_plan_text("I. MỤC TIÊU\n1. Tìm cái cách làm hay\n")
    assert node(plan, "I.1").title == "Tìm cái cách làm hay"


def test_it_keeps_the_repair_dictionary_word_for_word():
    assert all(len(key.split()) == len(value.split()) and fold(value) == key for key, value in PHRASES.items())


# --- never lose text ------------------------------------------------------------------------------

_LINES = st.one_of(
    st.sampled_from(["I. MỤC TIÊU", "II. NỘI DUNG", "III. TỔ CHỨC", "Il. NOI DUNG", "", "3", "Nơi nhận:"]),
    st.builds(
        "{} {}".format,
        st.sampled_from(["1.", "2.", "l.", "a)", "d)", "¢)", "@)", "-", "+", "Căn cứ", "KẾ HOẠCH", ""]),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_it_never_drops_a_word(lines):
    text = unicodedata.normalize("NFC", "\n".join(lines))
    plan = parse_plan_text(text)
    haystack = squash(" ".join(_strings(json.loads(json.dumps(plan.to_dict())))))
    for word in re.findall(r"[^\W_]{4,}", squash(text)):
        assert word in haystack


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value is not None else []
