"""Reference data preloaded by a data migration: the study topics of rules.md (2016–2025)
and the documents they implement. Later topics are entered by users.

`load_reference` takes the model classes so that the migration can pass its historical models
and the demo (which starts from an emptied database) the real ones.
"""

import datetime as dt
from typing import Any

from core import vn

POLITBURO = "Bộ Chính trị"

# (number and symbol, kind, date issued, issuer, summary)
DOCUMENTS = [
    (
        "05-CT/TW",
        "directive",
        dt.date(2016, 5, 15),
        POLITBURO,
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "01-KL/TW",
        "conclusion",
        dt.date(2021, 5, 18),
        POLITBURO,
        "về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII "
        "“Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
    ),
]

# (code, title, kind, first year, last year, number and symbol of its document)
TOPICS = [
    (
        "CD-TK-XII",
        "Những nội dung cơ bản của tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "term",
        2016,
        2021,
        "05-CT/TW",
    ),
    (
        "CD-2017",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phòng, chống suy thoái "
        'tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ',
        "annual",
        2017,
        2017,
        "05-CT/TW",
    ),
    (
        "CD-2018",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng phong cách, "
        "tác phong công tác của người đứng đầu, của cán bộ, đảng viên",
        "annual",
        2018,
        2018,
        "05-CT/TW",
    ),
    (
        "CD-2019",
        "Xây dựng ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân theo "
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "annual",
        2019,
        2019,
        "05-CT/TW",
    ),
    (
        "CD-2020",
        "Tăng cường khối đại đoàn kết toàn dân tộc, xây dựng Đảng và hệ thống chính trị trong "
        "sạch, vững mạnh theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "annual",
        2020,
        2020,
        "05-CT/TW",
    ),
    (
        "CD-TK-XIII",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường "
        "và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
        "term",
        2021,
        2025,
        "01-KL/TW",
    ),
]


def load_reference(document_model: Any, topic_model: Any) -> dict[str, Any]:
    """Create the reference documents and topics that are missing; never overwrite a user's
    edits. Returns the topics by code."""
    documents = {}
    for number, kind, issued_on, issuer, summary in DOCUMENTS:
        document = document_model.objects.filter(
            number_symbol__iexact=number, issuer__iexact=issuer
        ).first()
        if document is None:
            document = document_model.objects.create(
                number_symbol=number,
                kind=kind,
                issued_on=issued_on,
                issuer=issuer,
                summary=summary,
                search_key=vn.search_key(f"{number} {summary} {issuer}")[:500],
            )
        documents[number] = document
    topics = {}
    for code, title, kind, start, end, number in TOPICS:
        topic, _created = topic_model.objects.get_or_create(
            code=code,
            defaults={
                "title": title,
                "kind": kind,
                "start_year": start,
                "end_year": end,
                "document": documents[number],
                "search_key": vn.search_key(f"{code} {title}")[:500],
            },
        )
        topics[code] = topic
    return topics
