"""The one-stop rule sets CCHC ships (legal.md §0, §1): data, versioned by the date they took effect.

Administrators can adjust them in the admin; `ensure_rule_sets()` only creates missing ones, so an
edited rule set is never overwritten.
"""

from datetime import date
from typing import Any

RULE_SETS: list[dict[str, Any]] = [
    {
        "key": "nd61-2018",
        "name": "Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP",
        "legal_basis": (
            "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ (sửa đổi bởi Nghị định số 107/2021/NĐ-CP);\n"
            "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ."
        ),
        "effective_from": date(2018, 6, 21),
        "form_set": "tt01_2018",
        "supplement_rounds": 1,
        "supplement_clock": "restart",
        "supplement_within_days": 3,
        "apology_lead_days": 1,
        "extensions_allowed": 1,
        "note": "Điều 19 khoản 4: thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ.",
    },
    {
        "key": "nd118-2025",
        "name": "Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP",
        "legal_basis": (
            "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế "
            "một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;\n"
            "Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ."
        ),
        "effective_from": date(2025, 7, 1),
        "form_set": "tt03_2025",
        "supplement_rounds": 1,
        "supplement_clock": "restart",
        "supplement_within_days": 3,
        "apology_lead_days": 1,
        "extensions_allowed": 1,
        "note": (
            "Ngày hiệu lực và các tham số giữ như Nghị định 61/2018 cho đến khi đối chiếu được toàn văn "
            "Nghị định 118/2025 và Thông tư 03/2025 (legal.md §12); quản trị viên có thể điều chỉnh."
        ),
    },
]


def ensure_rule_sets(model: Any) -> None:
    """Create the shipped rule sets that are missing (`model` is RuleSet, or its historical version)."""
    for values in RULE_SETS:
        model.objects.get_or_create(key=values["key"], defaults={k: v for k, v in values.items() if k != "key"})
