"""Reference data of the meetings app: the default meeting rules (rules.md, "configurable").

These rows are loaded into `MeetingRules` by a data migration and by the demo; from then on
they are data that the committee office edits. They live here only so that the migration, the
demo and an empty database agree on the same starting point.
"""

import datetime as dt

DEFAULT_RULES = [
    {
        "effective_from": dt.date(2016, 1, 1),
        "source": "Hướng dẫn 12-HD/BTCTW (2018); Điều lệ Đảng, Điều 8",
        "min_minutes": None,
        "min_minutes_combined": None,
        "thematic_per_quarter": 1,
        "absence_months": 3,
    },
    {
        "effective_from": dt.date(2025, 7, 23),
        "source": "Chỉ thị 50-CT/TW (23/7/2025); Hướng dẫn 42-HD/BTCTW (28/10/2025)",
        "min_minutes": 90,
        "min_minutes_combined": 120,
        "thematic_per_quarter": 1,
        "absence_months": 3,
    },
]

# The labels of the workbook's "Hội nghị" and "Tham dự" sheets (interchange.md): a contract,
# never translated.
KIND_LABELS = {
    "briefing": "Hội nghị quán triệt",
    "regular": "Sinh hoạt định kỳ",
    "thematic": "Sinh hoạt chuyên đề",
    "study": "Học tập",
}
STATUS_LABELS = {
    "present": "Có",
    "excused": "Vắng có lý do",
    "absent": "Vắng không lý do",
}
# Short letters used in generated meeting codes.
KIND_LETTERS = {"briefing": "QT", "regular": "DK", "thematic": "CD", "study": "HT"}
