"""Demo documents: the committee's plans and guidance of 2016–2020, sent to every cell.

The reference topics are loaded again first, because `load_demo --reset` empties the
database that the data migration had filled.
"""

import datetime as dt

from core import demo
from core.actors import SYSTEM
from core.services import save_many

from .models import Document, DocumentDelivery, StudyTopic
from .reference import load_reference

PERIOD_END = dt.date(2020, 6, 30)
K = Document.Kind
CT05 = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"

# (number and symbol, kind, date issued, summary). Numbers run on through the 2015–2020 term.
COMMITTEE_DOCUMENTS = [
    (
        "12-KH/ĐU",
        K.PLAN,
        dt.date(2016, 6, 20),
        f"Thực hiện {CT05} về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ Chí Minh",
    ),
    (
        "05-HD/ĐU",
        K.GUIDANCE,
        dt.date(2016, 7, 8),
        "Nội dung sinh hoạt chuyên đề toàn khóa “Những nội dung cơ bản của tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh” tại các chi bộ",
    ),
    (
        "06-HD/ĐU",
        K.GUIDANCE,
        dt.date(2016, 8, 15),
        f"Xây dựng kế hoạch cá nhân thực hiện {CT05} “về đẩy mạnh học tập và làm theo tư tưởng, "
        "đạo đức, phong cách Hồ Chí Minh”",
    ),
    (
        "16-KH/ĐU",
        K.PLAN,
        dt.date(2016, 9, 5),
        f"Kiểm tra, giám sát việc triển khai thực hiện {CT05} tại các chi bộ 6 tháng cuối năm 2016",
    ),
    (
        "08-HD/ĐU",
        K.GUIDANCE,
        dt.date(2016, 10, 10),
        "Xây dựng tiêu chí, chuẩn mực chung và chuẩn mực riêng đối với cán bộ, đảng viên, công "
        "chức, viên chức theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "09-HD/ĐU",
        K.GUIDANCE,
        dt.date(2016, 11, 21),
        "Đăng ký bản cam kết tu dưỡng, rèn luyện học tập và làm theo tấm gương đạo đức của Chủ "
        "tịch Hồ Chí Minh của cán bộ, đảng viên",
    ),
]
YEARLY = {
    2017: ("21", "24", "11", "12"),
    2018: ("33", "36", "15", "16"),
    2019: ("45", "48", "19", "20"),
}
TOPIC_OF_YEAR = {
    2017: "CD-2017",
    2018: "CD-2018",
    2019: "CD-2019",
    2020: "CD-2020",
}


def _yearly_documents(titles: dict[str, str]) -> list[tuple[str, str, dt.date, str]]:
    rows: list[tuple[str, str, dt.date, str]] = []
    for year, (inspection, plan, thematic, personal) in YEARLY.items():
        rows += [
            (
                f"{inspection}-KH/ĐU",
                K.PLAN,
                dt.date(year, 1, 10),
                f"Kiểm tra, giám sát năm {year} của Đảng ủy Sở: việc học tập và làm theo tư "
                "tưởng, đạo đức, phong cách Hồ Chí Minh; việc khắc phục khuyết điểm, hạn chế "
                "theo tinh thần Nghị quyết Trung ương 4 (khóa XII) tại các chi bộ",
            ),
            (
                f"{plan}-KH/ĐU",
                K.PLAN,
                dt.date(year, 2, 20),
                f"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {year}",
            ),
            (
                f"{thematic}-HD/ĐU",
                K.GUIDANCE,
                dt.date(year, 3, 6),
                f"Nội dung sinh hoạt chuyên đề năm {year} "
                f"“{titles[TOPIC_OF_YEAR[year]]}” tại các chi bộ",
            ),
            (
                f"{personal}-HD/ĐU",
                K.GUIDANCE,
                dt.date(year, 3, 20),
                f"Xây dựng kế hoạch cá nhân và đăng ký bản cam kết tu dưỡng, rèn luyện năm {year}",
            ),
        ]
    rows += [
        (
            "57-KH/ĐU",
            K.PLAN,
            dt.date(2020, 1, 9),
            "Kiểm tra, giám sát năm 2020 của Đảng ủy Sở: việc học tập và làm theo tư tưởng, đạo "
            "đức, phong cách Hồ Chí Minh; việc khắc phục khuyết điểm, hạn chế theo tinh thần Nghị "
            "quyết Trung ương 4 (khóa XII) tại các chi bộ",
        ),
        (
            "23-HD/ĐU",
            K.GUIDANCE,
            dt.date(2020, 2, 25),
            f"Học tập chuyên đề năm 2020 “{titles['CD-2020']}” tại buổi sinh hoạt chi bộ định kỳ "
            "tháng 3/2020 (phòng, chống dịch Covid-19)",
        ),
        (
            "24-HD/ĐU",
            K.GUIDANCE,
            dt.date(2020, 3, 16),
            "Xây dựng kế hoạch cá nhân và đăng ký bản cam kết tu dưỡng, rèn luyện năm 2020",
        ),
        (
            "61-KH/ĐU",
            K.PLAN,
            dt.date(2020, 4, 2),
            f"Sơ kết 4 năm thực hiện {CT05} “về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
            "phong cách Hồ Chí Minh”",
        ),
    ]
    return rows


@demo.register(order=20)
def build_documents(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("documents")
    topics = load_reference(Document, StudyTopic)
    committee = ctx.committee
    issuer = committee.name.replace("Đảng bộ", "Đảng ủy", 1)
    titles = {code: topic.title for code, topic in topics.items()}
    rows = COMMITTEE_DOCUMENTS + _yearly_documents(titles)
    documents = [
        Document(
            number_symbol=number,
            kind=kind,
            issued_on=issued_on,
            issuer=issuer,
            summary=summary,
            issued_by=committee,
        )
        for number, kind, issued_on, summary in sorted(rows, key=lambda row: row[2])
    ]
    for document in documents:
        document.fill_keys()
    save_many(SYSTEM, documents)
    documents = list(Document.objects.filter(issued_by=committee).order_by("issued_on"))
    deliveries = []
    for document in documents:
        sent_on = min(document.issued_on + dt.timedelta(days=rng.randint(1, 4)), PERIOD_END)
        deliveries += [
            DocumentDelivery(document=document, unit=cell, sent_on=sent_on) for cell in ctx.cells
        ]
    save_many(SYSTEM, deliveries)
    by_number = {document.number_symbol: document for document in Document.objects.all()}
    ctx.data["documents"] = by_number
    ctx.data["topics"] = topics
    ctx.log(f"  {len(documents)} văn bản của Đảng ủy, {len(deliveries)} lượt gửi chi bộ")
