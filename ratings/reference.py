"""Reference data: the four rating rule sets of rules.md.

The migration 0003 loads them; `rule_sets_ensure` loads them again into an emptied database
(`load_demo --reset` flushes every table, data migrations included).
"""

from decimal import Decimal

RULE_SETS = [
    {
        "code": "QD132-2018",
        "name": "Quy định 132-QĐ/TW (2018)",
        "first_year": 2018,
        "last_year": 2018,
        "documents": "Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị\n"
        "Hướng dẫn 16-HD/BTCTW ngày 24/9/2018 của Ban Tổ chức Trung ương",
        "scored": False,
        "quota_percent": Decimal("20"),
        "self_fixed_exempt": False,
        "note": "Áp dụng cả cho các năm trước 2018 (mặc định hợp lý).",
    },
    {
        "code": "HD21-2019",
        "name": "Hướng dẫn 21-HD/BTCTW (2019–2022)",
        "first_year": 2019,
        "last_year": 2022,
        "documents": "Hướng dẫn 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương",
        "scored": False,
        "quota_percent": Decimal("20"),
        "self_fixed_exempt": False,
        "note": "Không quá 20% số được xếp loại HTTNV ở mỗi tổ chức cơ sở đảng.",
    },
    {
        "code": "QD124-2023",
        "name": "Quy định 124-QĐ/TW (2023–2024)",
        "first_year": 2023,
        "last_year": 2024,
        "documents": "Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị",
        "scored": False,
        "quota_percent": Decimal("20"),
        "self_fixed_exempt": True,
        "note": "",
    },
    {
        "code": "QD366-2025",
        "name": "Quy định 366-QĐ/TW (từ 2025)",
        "first_year": 2025,
        "last_year": None,
        "documents": "Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị",
        "scored": True,
        "excellent_min_score": Decimal("90"),
        "good_min_score": Decimal("70"),
        "complete_min_score": Decimal("50"),
        "excellent_beyond_target_percent": Decimal("30"),
        "quota_percent": Decimal("20"),
        "self_fixed_exempt": True,
        "note": "Chấm điểm trên thang 100.",
    },
]


def rule_sets_ensure(model=None) -> int:
    """Create the reference rule sets when the table is empty; returns how many were made."""
    if model is None:
        from .models import RuleSet as model
    if model.objects.exists():
        return 0
    model.objects.bulk_create([model(**values) for values in RULE_SETS])
    return len(RULE_SETS)
