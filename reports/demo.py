"""Demo: the committee's interim review of Directive 05-CT/TW over 15/05/2016–30/06/2020.

Its figures come from the other apps' demo records; only the sections people write
(positive changes, limitations, causes, the nine directions) are written here, in our own words.
"""

import datetime as dt

from core import demo
from core.actors import SYSTEM
from documents.models import Document
from documents.services import document_create

from . import services

PERIOD = (dt.date(2016, 5, 15), dt.date(2020, 6, 30))
NUMBER = "15-BC/ĐU"

POSITIVE = "\n".join(
    [
        (
            "Nhận thức của cán bộ, đảng viên, công chức, viên chức và người lao động về ý "
            "nghĩa của việc học tập và làm theo Bác được nâng lên rõ rệt; việc học tập đã "
            "đi vào nền nếp, gắn với nhiệm vụ chuyên môn của từng cơ quan, đơn vị."
        ),
        (
            "Người đứng đầu các phòng, đơn vị gương mẫu trong lời nói và việc làm; tác "
            "phong làm việc khoa học, đúng giờ, tận tụy với công việc được duy trì."
        ),
        (
            "Thái độ phục vụ tổ chức, doanh nghiệp và người dân khi đến liên hệ giải quyết "
            "thủ tục hành chính có chuyển biến tốt; các nhiệm vụ do Thành ủy, HĐND, UBND "
            "Thành phố giao được triển khai nghiêm túc, đúng tiến độ."
        ),
        (
            "Kỷ luật, kỷ cương hành chính và văn hóa ứng xử nơi công sở được củng cố, góp "
            "phần xây dựng Đảng bộ trong sạch, vững mạnh."
        ),
    ]
)

LESSONS = "\n".join(
    [
        "Một là, cấp ủy, người đứng đầu phải gương mẫu, nói đi đôi với làm; cụ thể hóa nội dung "
        "học tập thành chuẩn mực sát với nhiệm vụ của từng đơn vị.",
        "Hai là, gắn việc học tập và làm theo với sinh hoạt chi bộ định kỳ, kiểm điểm, đánh giá "
        "xếp loại đảng viên hằng năm.",
        "Ba là, thường xuyên kiểm tra, giám sát, kịp thời biểu dương điển hình và chấn chỉnh "
        "những biểu hiện hình thức.",
    ]
)
PROPOSALS = (
    "Đề nghị Ban Tuyên giáo Thành ủy tiếp tục cung cấp tài liệu chuyên đề hằng năm kịp thời và "
    "tổ chức tập huấn cho đội ngũ báo cáo viên cơ sở."
)
LIMITATIONS = "\n".join(
    [
        (
            "Ở một số chi bộ, nội dung sinh hoạt chuyên đề còn chung chung, chưa gắn chặt "
            "với nhiệm vụ chính trị của đơn vị; có buổi sinh hoạt còn nặng về đọc tài liệu, "
            "ít trao đổi, thảo luận."
        ),
        (
            "Việc cụ thể hóa chuẩn mực đạo đức thành tiêu chí để đánh giá cán bộ, đảng viên "
            "hằng tháng ở một vài đơn vị chưa thường xuyên."
        ),
        (
            "Việc phát hiện, bồi dưỡng và nhân rộng các tập thể, cá nhân điển hình tiên "
            "tiến còn chậm; công tác tuyên truyền gương người tốt, việc tốt chưa phong phú."
        ),
        (
            "Năm 2020, do ảnh hưởng của dịch Covid-19, một số hoạt động tập trung đông "
            "người phải tạm dừng hoặc chuyển hình thức."
        ),
    ]
)

CAUSES = "\n".join(
    [
        (
            "Một số cấp ủy chi bộ chưa dành thời gian thỏa đáng cho việc chuẩn bị nội dung "
            "sinh hoạt chuyên đề; cách làm còn hình thức ở nơi này, nơi khác."
        ),
        (
            "Khối lượng công việc chuyên môn lớn, nhiều đơn vị sự nghiệp hoạt động biểu "
            "diễn, lưu động nên việc bố trí thời gian sinh hoạt chung gặp khó khăn."
        ),
        (
            "Công tác kiểm tra, giám sát của cấp ủy ở một số nơi chưa thường xuyên, chưa "
            "kịp thời đôn đốc khắc phục hạn chế."
        ),
    ]
)

DIRECTIONS = "\n".join(
    [
        (
            "1. Tiếp tục quán triệt sâu rộng Chỉ thị số 05-CT/TW và các chuyên đề hằng năm "
            "đến toàn thể cán bộ, đảng viên, công chức, viên chức và người lao động."
        ),
        (
            "2. Nâng cao chất lượng sinh hoạt chuyên đề của chi bộ: chuẩn bị nội dung sát "
            "thực tế đơn vị, khuyến khích đảng viên trao đổi, liên hệ bản thân."
        ),
        (
            "3. Gắn việc học tập và làm theo Bác với thực hiện Nghị quyết Trung ương 4 khóa "
            "XII về xây dựng, chỉnh đốn Đảng."
        ),
        (
            "4. Rà soát, bổ sung chuẩn mực chung và chuẩn mực riêng của từng chi bộ; lấy đó "
            "làm căn cứ đánh giá, xếp loại cán bộ, đảng viên hằng năm."
        ),
        ("5. Đề cao trách nhiệm nêu gương của người đứng đầu và cán bộ lãnh đạo chủ chốt các cấp."),
        (
            "6. Đẩy mạnh cải cách hành chính, xây dựng văn hóa công sở và quy tắc ứng xử "
            "trong toàn ngành Văn hóa và Thể thao."
        ),
        (
            "7. Phát huy vai trò của Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Hội "
            "Phụ nữ trong các phong trào tình nguyện, nhân đạo, từ thiện."
        ),
        (
            "8. Tăng cường kiểm tra, giám sát việc thực hiện Chỉ thị; kịp thời biểu dương "
            "cách làm hay và chấn chỉnh những nơi làm chưa tốt."
        ),
        (
            "9. Phát hiện, bồi dưỡng, khen thưởng và nhân rộng các điển hình tiên tiến; làm "
            "tốt công tác tuyên truyền gương người tốt, việc tốt."
        ),
    ]
)


def _directive() -> Document:
    directive = Document.objects.filter(number_symbol="05-CT/TW").first()
    if directive is None:
        directive = document_create(
            user=SYSTEM,
            number_symbol="05-CT/TW",
            kind=Document.Kind.DIRECTIVE,
            issued_on=dt.date(2016, 5, 15),
            issuer="Bộ Chính trị",
            summary="về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        )
    return directive


@demo.register(order=85)
def build_review(ctx: demo.DemoContext) -> None:
    user = ctx.users.get("office")
    review = services.review_create(
        committee=ctx.committee,
        directive=_directive(),
        kind="interim",
        period_from=PERIOD[0],
        period_to=PERIOD[1],
        number_symbol=NUMBER,
        place=ctx.committee.place or "Hà Nội",
        issued_on=dt.date(2020, 6, 30),
        signer_name="Nguyễn Thị Thanh Hương",
        recipients="Ban Tuyên giáo Thành ủy\nĐảng ủy Khối các cơ quan Thành phố\n"
        "Các đồng chí Đảng ủy viên\nCác chi bộ trực thuộc",
        user=user,
    )
    for key, text in (
        ("positive", POSITIVE),
        ("limitations", LIMITATIONS),
        ("causes", CAUSES),
        ("directions", DIRECTIONS),
        ("lessons", LESSONS),
        ("proposals", PROPOSALS),
    ):  # the breakthrough section is drafted from the committee's plans (plans.reporting)
        review = services.review_section_save(review=review, key=key, text=text, user=user)
    ctx.data["review"] = review
    article, _created = services.review_publish(review=review, user=user)
    ctx.log(f"  báo cáo {NUMBER}, bản tin nháp “{article.title[:60]}…”")
