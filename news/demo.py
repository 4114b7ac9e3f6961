"""Demo news: categories, a few articles written for the demo, photos drawn with Pillow,
approved comments with one reply from the editors — and the review report's article.

The reports app's builder (order 85) creates the review report's article as a draft through
`news.services.article_create(origin="report:<id>", ...)`. When it exists, this builder gives
it the shape of the source article — a photo with its caption, the author and source lines —
and publishes it. The texts below are the demo's own.
"""

import datetime as dt
import io
import math
import zoneinfo
from typing import TypedDict

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from core import demo
from core.actors import SYSTEM

from . import richtext, services
from .models import Article, Category, Comment

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


class ArticleSpec(TypedDict):
    category: str  # a slug of CATEGORIES
    title: str
    lead: str
    body: str  # plain text, paragraphs split by a blank line
    author: str
    source: str
    published: dt.datetime
    caption: str  # of the photo; none when blank


CATEGORIES = [
    ("Tin ngành", "tin-nganh", "Tin hoạt động của Đảng bộ và ngành.", 10),
    ("Hoạt động chi bộ", "hoat-dong-chi-bo", "Sinh hoạt, học tập của các chi bộ.", 20),
    ("Đoàn thể", "doan-the", "Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Hội Phụ nữ.", 30),
    ("Thông báo", "thong-bao", "Lịch sinh hoạt, thông báo của Văn phòng Đảng ủy.", 40),
]

ARTICLES: list[ArticleSpec] = [
    {
        "category": "tin-nganh",
        "title": "Quán triệt chuyên đề năm 2020 đến toàn thể đảng viên trong Đảng bộ",
        "lead": (
            "Các chi bộ trực thuộc đã đưa chuyên đề năm vào buổi sinh hoạt thường kỳ, kết hợp "
            "trao đổi về việc làm cụ thể của từng đảng viên tại cơ quan."
        ),
        "body": (
            "Trong bối cảnh phải hạn chế tụ tập đông người, Văn phòng Đảng ủy gửi tài liệu "
            "chuyên đề tới các chi bộ từ đầu tháng, kèm gợi ý câu hỏi thảo luận để bí thư chi "
            "bộ chủ động dẫn dắt buổi sinh hoạt.\n\n"
            "Mỗi chi bộ dành một phần thời lượng cho đảng viên nêu một việc làm cụ thể mình sẽ "
            "thực hiện trong năm: rút ngắn thời gian xử lý hồ sơ, hướng dẫn tận tình người dân "
            "đến làm việc, tiết kiệm điện nước nơi công sở.\n\n"
            "Biên bản các buổi sinh hoạt được gửi về Văn phòng Đảng ủy để tổng hợp, làm căn cứ "
            "cho việc đánh giá, xếp loại chất lượng cuối năm."
        ),
        "author": "Minh Thư",
        "source": "Theo Văn phòng Đảng ủy",
        "published": dt.datetime(2020, 4, 2, 8, 30, tzinfo=HANOI),
        "caption": "Đảng viên trao đổi tại buổi sinh hoạt chuyên đề.",
    },
    {
        "category": "doan-the",
        "title": "Đoàn Thanh niên Sở tổ chức ngày hội hiến máu tình nguyện",
        "lead": "Gần năm mươi đoàn viên, thanh niên đăng ký tham gia ngày hội lần này.",
        "body": (
            "Ngày hội được tổ chức tại hội trường của Sở, với sự phối hợp của Viện Huyết học "
            "– Truyền máu Trung ương.\n\n"
            "Ban tổ chức bố trí khu vực khám sàng lọc, nghỉ ngơi sau hiến máu và phát tài liệu "
            "hướng dẫn chăm sóc sức khỏe cho người tham gia.\n\n"
            "Đoàn Thanh niên Sở cho biết sẽ duy trì hoạt động này hằng năm và mở rộng tới các "
            "đơn vị sự nghiệp trực thuộc."
        ),
        "author": "Quốc Anh",
        "source": "Theo Đoàn Thanh niên Sở",
        "published": dt.datetime(2020, 5, 18, 15, 0, tzinfo=HANOI),
        "caption": "Đoàn viên đăng ký hiến máu tại hội trường.",
    },
    {
        "category": "hoat-dong-chi-bo",
        "title": "Chi bộ Văn phòng Sở sinh hoạt chuyên đề về văn hóa công sở",
        "lead": (
            "Buổi sinh hoạt tập trung vào những việc nhỏ, dễ làm nhưng tạo thay đổi thấy được "
            "trong giao tiếp hằng ngày tại cơ quan."
        ),
        "body": (
            "Đồng chí Bí thư Chi bộ mở đầu bằng việc điểm lại các ý kiến góp ý của người dân "
            "qua hòm thư và đường dây nóng trong quý.\n\n"
            "Các đảng viên thống nhất ba việc: trả lời mọi văn bản đúng hạn, niêm yết công khai "
            "quy trình tiếp nhận hồ sơ và giữ thái độ niềm nở khi tiếp khách.\n\n"
            "Chi bộ giao tổ đảng theo dõi, báo cáo kết quả tại buổi sinh hoạt định kỳ tháng sau."
        ),
        "author": "Thanh Hương",
        "source": "Theo Chi bộ Văn phòng Sở",
        "published": dt.datetime(2020, 6, 20, 9, 15, tzinfo=HANOI),
        "caption": "",
    },
    {
        "category": "thong-bao",
        "title": "Lịch sinh hoạt chi bộ định kỳ tháng 7 năm 2020",
        "lead": "Văn phòng Đảng ủy thông báo lịch sinh hoạt định kỳ của các chi bộ trực thuộc.",
        "body": (
            "Các chi bộ sinh hoạt định kỳ trong tuần đầu của tháng, thời lượng tối thiểu theo "
            "hướng dẫn hiện hành.\n\n"
            "Tài liệu sinh hoạt được gửi tới đảng viên ít nhất một ngày trước buổi sinh hoạt. "
            "Bí thư chi bộ gửi biên bản về Văn phòng Đảng ủy chậm nhất ngày 10 hằng tháng."
        ),
        "author": "",
        "source": "Văn phòng Đảng ủy",
        "published": dt.datetime(2020, 6, 29, 7, 0, tzinfo=HANOI),
        "caption": "",
    },
]

COMMENTS = [
    # (article index, name, email, body)
    (
        0,
        "Lê Thị Hạnh",
        "hanh.le@example.org",
        "Cách đưa việc làm cụ thể vào buổi sinh hoạt rất thiết thực, chi bộ chúng tôi sẽ học tập.",
    ),
    (
        0,
        "Phạm Văn Dũng",
        "dung.pham@example.org",
        "Đề nghị Văn phòng Đảng ủy chia sẻ mẫu biên bản để các chi bộ dùng thống nhất.",
    ),
    (
        1,
        "Nguyễn Minh Khoa",
        "khoa.nguyen@example.org",
        "Một hoạt động ý nghĩa. Chúc các bạn đoàn viên luôn khỏe!",
    ),
]
REPORT_CAPTION = "Hội nghị sơ kết của Đảng bộ, với sự tham dự của cán bộ, đảng viên toàn Sở."
REPORT_AUTHOR = "Minh Thư"
REPORT_SOURCE = "Theo Văn phòng Đảng ủy"
REPORT_PUBLISHED = dt.datetime(2020, 7, 3, 9, 0, tzinfo=HANOI)  # after the report (30/6/2020)


def demo_photo(rng, *, hue: tuple[int, int, int] = (165, 14, 14)) -> bytes:
    """A conference hall seen from the back: a red stage with a star, and rows of heads."""
    width, height = 1600, 900
    image = Image.new("RGB", (width, height), (236, 228, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 420), fill=hue)
    draw.rectangle((0, 80, width, 140), fill=(hue[0] - 30, 0, 0))
    cx, cy, radius = width // 2, 270, 95
    points = []
    for index in range(10):
        angle = -math.pi / 2 + index * math.pi / 5
        r = radius if index % 2 == 0 else radius * 0.4
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=(255, 214, 0))
    draw.rectangle((200, 400, width - 200, 470), fill=(120, 70, 40))
    for row in range(6):
        y = 520 + row * 70
        size = 18 + row * 5
        count = 18 - row
        step = width / count
        for seat in range(count):
            x = step * seat + step / 2 + rng.uniform(-8, 8)
            shade = rng.randint(20, 70)
            draw.ellipse((x - size, y - size, x + size, y + size), fill=(shade, shade, shade))
            draw.rectangle(
                (x - size * 1.6, y + size, x + size * 1.6, y + size * 3),
                fill=(rng.choice([(30, 50, 90), (240, 240, 240), (60, 60, 60)])),
            )
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _upload(rng, name: str, hue=(165, 14, 14)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, demo_photo(rng, hue=hue), content_type="image/png")


@demo.register(order=90)
def build_news(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("news")
    editor = ctx.users.get("editor")
    categories = {
        slug: services.category_save(
            category=Category.objects.filter(slug=slug).first(),
            name=name,
            slug=slug,
            description=description,
            order=order,
            user=editor,
        )
        for name, slug, description, order in CATEGORIES
    }
    articles = []
    for index, spec in enumerate(ARTICLES):
        article = services.article_save(
            title=spec["title"],
            lead=spec["lead"],
            body_html=richtext.text_to_html(spec["body"]),
            category=categories[spec["category"]],
            author=spec["author"],
            source=spec["source"],
            user=editor,
        )
        if spec["caption"]:
            services.image_add(
                article=article,
                upload=_upload(rng, f"demo-{index}.png", hue=(150 + index * 20, 20, 20)),
                caption=spec["caption"],
                position=1,
                user=editor,
            )
        services.article_publish(article=article, user=editor, at=spec["published"])
        articles.append(article)
    comments = []
    for position, (index, name, email, body) in enumerate(COMMENTS):
        comment = services.comment_submit(
            article=articles[index], name=name, email=email, body=body
        )
        services.comment_backdate(
            comment=comment,
            at=ARTICLES[index]["published"] + dt.timedelta(hours=3 + position),
            user=SYSTEM,
        )
        services.comment_moderate(comment=comment, status=Comment.Status.APPROVED, user=editor)
        comments.append(comment)
    reply = services.comment_reply(
        parent=comments[1],
        body="Cảm ơn đồng chí. Mẫu biên bản đã được gửi kèm hướng dẫn tới các chi bộ.",
        user=editor,
    )
    services.comment_backdate(
        comment=reply, at=ARTICLES[0]["published"] + dt.timedelta(days=1), user=SYSTEM
    )
    # One comment still waits, so that the moderation queue shows how it works.
    services.comment_submit(
        article=articles[2],
        name="Trần Quang Huy",
        email="huy.tran@example.org",
        body="Chi bộ có thể chia sẻ thêm cách theo dõi ba việc đã thống nhất không?",
    )
    _publish_report_article(rng, editor, ctx)
    ctx.log(f"  {len(articles)} bài viết, {len(comments) + 2} bình luận")


def _source_line(source: str) -> str:
    """The source line reads "Theo …", as in the source article."""
    source = source.strip()
    if not source:
        return REPORT_SOURCE
    return source if source.lower().startswith("theo ") else f"Theo {source}"


def _publish_report_article(rng, editor, ctx: demo.DemoContext) -> None:
    """Give the review report's draft article its photo, author and source, and publish it."""
    for article in Article.objects.filter(origin__startswith="report:").order_by("pk"):
        if not article.images.exists():
            services.image_add(
                article=article,
                upload=_upload(rng, "demo-so-ket.png"),
                caption=REPORT_CAPTION,
                position=1,
                user=editor,
            )
        services.article_save(
            article=article,
            title=article.title,
            lead=article.lead,
            body_html=article.body,
            category=article.category,
            author=article.author or REPORT_AUTHOR,
            source=_source_line(article.source),
            user=editor,
        )
        if article.status != Article.Status.PUBLISHED:
            services.article_publish(article=article, user=editor, at=REPORT_PUBLISHED)
        ctx.log(f"  đã đăng bài sơ kết: {article.title}")
