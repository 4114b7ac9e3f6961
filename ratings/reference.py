"""Reference data: the rating rule sets of rules.md, from Hướng dẫn 27 (2014) on.

The migrations 0003 and 0005 load them; `rule_sets_ensure` loads them again into an emptied database
(`load_demo --reset` flushes every table, data migrations included).
"""

from decimal import Decimal

HD27_MEMBER_NAMES = (
    "Đảng viên đủ tư cách, hoàn thành xuất sắc nhiệm vụ\n"
    "Đảng viên đủ tư cách, hoàn thành tốt nhiệm vụ\n"
    "Đảng viên đủ tư cách, hoàn thành nhiệm vụ nhưng còn hạn chế\n"
    "Đảng viên vi phạm tư cách hoặc không hoàn thành nhiệm vụ"
)
HD27_UNIT_NAMES = "Trong sạch, vững mạnh\nHoàn thành tốt nhiệm vụ\nHoàn thành nhiệm vụ\nYếu kém"

# Each condition's citation, by rule-set field (rules.md; docs/decisions.md says how each was
# read). The order of the round — persons before their cell — holds in every rule set.
_ORDER = "thứ tự: đảng viên trước, chi bộ sau"
RULE_SETS = [
    {
        "code": "HD27-2014",
        "name": "Hướng dẫn 27-HD/BTCTW (2014–2017)",
        "first_year": 2014,
        "last_year": 2017,
        "documents": "Hướng dẫn 27-HD/BTCTW ngày 25/9/2014 của Ban Tổ chức Trung ương "
        "(kiểm điểm tập thể, cá nhân và đánh giá, phân loại chất lượng tổ chức cơ sở đảng, "
        "đảng viên hằng năm)",
        "scored": False,
        "quota_percent": Decimal("20"),
        "self_fixed_exempt": False,
        "level_names": HD27_MEMBER_NAMES,
        "unit_level_names": HD27_UNIT_NAMES,
        "unit_after_members": True,
        "citations": {
            "quota": "Hướng dẫn 27-HD/BTCTW (2014), phân loại đảng viên: tỷ lệ xuất sắc",
            "caps": "Hướng dẫn 27-HD/BTCTW (2014), đảng viên vi phạm tư cách",
            "unit_after_members": f"Hướng dẫn 27-HD/BTCTW (2014), {_ORDER}",
            "review_window": "Hướng dẫn 27-HD/BTCTW (2014), kiểm điểm vào dịp cuối năm",
        },
        "note": "Tên mức của năm 2014–2017 khác hiện nay; báo cáo quy về bốn mức theo thứ tự.",
    },
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
        "unit_after_members": True,
        "citations": {
            "quota": "Hướng dẫn 16-HD/BTCTW (2018): không quá 20% số được xếp loại HTTNV",
            "caps": "Hướng dẫn 16-HD/BTCTW (2018), khung tiêu chuẩn mức KHTNV",
            "unit_after_members": f"Hướng dẫn 16-HD/BTCTW (2018), {_ORDER}",
            "review_window": "Quy định 132-QĐ/TW (2018): kiểm điểm, đánh giá vào dịp cuối năm",
        },
        "note": "",
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
        "job_rating_caps": True,
        "unit_after_members": True,
        "unit_excellent_no_disciplined": True,
        "citations": {
            "quota": "Hướng dẫn 21-HD/BTCTW (2019), mục 2.3.a: không quá 20% số HTTNV "
            "trong từng tổ chức cơ sở đảng",
            "caps": "Hướng dẫn 21-HD/BTCTW (2019), mục 2.3.d: mức KHTNV",
            "job_rating_caps": "Hướng dẫn 21-HD/BTCTW (2019), mục 2.3.d: đảng viên là "
            "CBCCVC xếp loại KHTNV ở cơ quan",
            "unit_after_members": f"Hướng dẫn 21-HD/BTCTW (2019), {_ORDER}",
            "unit_excellent_no_disciplined": "Hướng dẫn 21-HD/BTCTW (2019), khung tiêu chuẩn "
            "tổ chức đảng HTXSNV",
            "review_window": "Hướng dẫn 21-HD/BTCTW (2019): thời điểm kiểm điểm cuối năm",
        },
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
        "job_rating_caps": True,
        "unit_after_members": True,
        "unit_excellent_no_disciplined": True,
        "citations": {
            "quota": "Quy định 124-QĐ/TW (2023): không quá 20% số HTTNV",
            "caps": "Quy định 124-QĐ/TW (2023), tiêu chí mức KHTNV",
            "job_rating_caps": "Quy định 124-QĐ/TW (2023), đảng viên là CBCCVC xếp loại KHTNV",
            "unit_after_members": f"Quy định 124-QĐ/TW (2023), {_ORDER}",
            "unit_excellent_no_disciplined": "Quy định 124-QĐ/TW (2023), tiêu chí tổ chức "
            "đảng HTXSNV",
            "review_window": "Quy định 124-QĐ/TW (2023): kiểm điểm cuối năm",
        },
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
        "good_needs_on_time": True,
        "excellent_needs_shortcomings_fixed": True,
        "decision_follows_score": True,
        "job_rating_caps": True,
        "unit_after_members": True,
        "unit_excellent_no_disciplined": True,
        "citations": {
            "quota": "Quy định 366-QĐ/TW (2025): không quá 20% số HTTNV",
            "caps": "Quy định 366-QĐ/TW (2025), mức KHTNV",
            "good_needs_on_time": "Quy định 366-QĐ/TW (2025): HTTNV phải hoàn thành 100% "
            "nhiệm vụ đúng tiến độ",
            "excellent_needs_shortcomings_fixed": "Quy định 366-QĐ/TW (2025): HTXSNV phải khắc "
            "phục hết hạn chế, khuyết điểm được chỉ ra trong năm",
            "decision_follows_score": "Quy định 366-QĐ/TW (2025): HTXSNV từ 90 điểm, hoàn "
            "thành 100% nhiệm vụ đúng hạn, ≥ 30% vượt mức, khắc phục hết hạn chế; HTTNV "
            "70 đến dưới 90 điểm, 100% nhiệm vụ đúng hạn; HTNV 50 đến dưới 70; KHTNV dưới 50",
            "job_rating_caps": "Quy định 366-QĐ/TW (2025), đảng viên là CBCCVC xếp loại KHTNV",
            "unit_after_members": f"Quy định 366-QĐ/TW (2025), {_ORDER}",
            "unit_excellent_no_disciplined": "Quy định 366-QĐ/TW (2025), Điều 11: không xếp "
            "HTXSNV khi có thành viên bị kỷ luật trong năm",
            "review_window": "Quy định 366-QĐ/TW (2025): đánh giá cuối năm",
        },
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
