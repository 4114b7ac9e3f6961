"""Demo pledges, plans and standards for 2016–2020 (order 40).

Every year, every party member on the roll at the year's roll date pledges (the article's
"100% đảng viên đăng ký bản cam kết"), dated between the start of the review period (or the
year, or the day he joined) and the roll date; most mass-organisation members who are not party
members pledge too; most members write a personal plan; the committee adopts common standards
and every cell its specific ones each year.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from core import demo
from core.actors import SYSTEM
from core.services import save_many
from organisation.selectors import people_on, roll_on

from .models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate
from .selectors import DEFAULT_TEMPLATE

PERIOD_START = dt.date(2016, 5, 15)
YEARS = range(2016, 2021)

COMMON_ITEMS = [
    "Trung thành với Đảng, chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước.",
    "Gương mẫu thực hiện quy tắc ứng xử “Văn hóa công sở” gắn với học tập và làm theo tấm "
    "gương đạo đức Hồ Chí Minh.",
    "Cần, kiệm, liêm, chính, chí công vô tư; chống tham nhũng, lãng phí.",
    "Tận tụy phục vụ tổ chức, doanh nghiệp và người dân đến liên hệ công tác.",
    "Thực hành dân chủ cơ sở; đoàn kết, giúp đỡ đồng nghiệp.",
]
SPECIFIC_POOL = [
    "Đúng giờ, đủ ngày công; không làm việc riêng trong giờ hành chính.",
    "Giải quyết hồ sơ, thủ tục hành chính đúng hạn, không gây phiền hà.",
    "Trang phục gọn gàng, đeo thẻ công chức khi làm việc.",
    "Giữ gìn tài sản cơ quan; tiết kiệm điện, nước, văn phòng phẩm.",
    "Tích cực tham gia phong trào văn hóa, văn nghệ, thể dục thể thao của đơn vị.",
    "Bảo tồn, phát huy giá trị di sản văn hóa được giao quản lý.",
    "Phục vụ khán giả tận tình, văn minh, lịch sự.",
    "Chủ động học tập nâng cao trình độ chuyên môn, lý luận chính trị.",
    "Nói không với quà biếu, phong bì trong thực thi công vụ.",
    "Không sử dụng đồ uống có cồn trong giờ làm việc, giờ nghỉ trưa.",
]
PLAN_POOL = [
    "Học tập, quán triệt chuyên đề năm và liên hệ với nhiệm vụ được giao.",
    "Hoàn thành 100% nhiệm vụ chuyên môn đúng tiến độ.",
    "Tham gia đầy đủ sinh hoạt chi bộ định kỳ và chuyên đề.",
    "Đọc và trao đổi ít nhất một tác phẩm của Chủ tịch Hồ Chí Minh.",
    "Cải tiến một quy trình công việc để phục vụ người dân tốt hơn.",
    "Tham gia hiến máu tình nguyện hoặc một hoạt động từ thiện.",
    "Giúp đỡ một đồng nghiệp trẻ về chuyên môn, nghiệp vụ.",
    "Thực hành tiết kiệm, chống lãng phí tại bộ phận.",
]


def roll_date_of(year: int) -> dt.date:
    return dt.date(2020, 6, 30) if year == 2020 else dt.date(year, 12, 31)


def _pick_date(rng, lower: dt.date, upper: dt.date) -> dt.date:
    # Most pledges are registered in the first weeks of the year (or of the period).
    span = (upper - lower).days
    return lower + dt.timedelta(days=rng.randint(0, min(span, 75)))


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


@demo.register(order=40)
def build_pledges(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("pledges")
    committee, cells = ctx.committee, ctx.cells
    templates, standards = [], []
    for year in YEARS:
        templates.append(PledgeTemplate(unit=committee, year=year, text=DEFAULT_TEMPLATE))
        standards.append(
            ConductStandard(
                unit=committee,
                year=year,
                kind=ConductStandard.Kind.COMMON,
                items="\n".join(COMMON_ITEMS),
            )
        )
        for cell in cells:
            items = rng.sample(SPECIFIC_POOL, rng.randint(3, 5))
            standards.append(
                ConductStandard(
                    unit=cell, year=year, kind=ConductStandard.Kind.SPECIFIC, items="\n".join(items)
                )
            )
    save_many(SYSTEM, templates)
    save_many(SYSTEM, standards)

    secretary = ctx.users.get("secretary")
    pledges: list[Pledge] = []
    plans: list[PersonalPlan] = []
    for year in YEARS:
        roll_date = roll_date_of(year)
        start = max(PERIOD_START, dt.date(year, 1, 1))
        text = DEFAULT_TEMPLATE.replace("{year}", str(year))
        members = list(
            roll_on(committee, roll_date).order_by("code").values_list("pk", "party_joined_on")
        )
        member_ids = {pk for pk, _ in members}
        for pk, joined in members:  # on the roll: joined is set
            day = _pick_date(rng, max(start, joined or start), roll_date)
            pledges.append(_pledge(rng, pk, year, day, text, roll_date, secretary))
            if rng.random() < 0.9:
                plans.append(
                    PersonalPlan(
                        person_id=pk,
                        year=year,
                        content=f"Kế hoạch cá nhân năm {year} thực hiện Chỉ thị 05-CT/TW.",
                        items="\n".join(rng.sample(PLAN_POOL, rng.randint(3, 5))),
                    )
                )
        others = (
            people_on(committee, roll_date)
            .filter(mass_organisations__isnull=False)
            .exclude(pk__in=member_ids)
            .exclude(party_joined_on__lte=roll_date)
            .distinct()
            .order_by("code")
            .values_list("pk", flat=True)
        )
        for pk in others:
            if rng.random() < 0.85:
                day = _pick_date(rng, start, roll_date)
                pledges.append(_pledge(rng, pk, year, day, text, roll_date, secretary))
    save_many(SYSTEM, pledges)
    save_many(SYSTEM, plans)
    ctx.data["pledges"] = len(pledges)
    ctx.log(f"  {len(pledges)} bản cam kết, {len(plans)} kế hoạch cá nhân")


def _pledge(rng, person_id: int, year: int, day: dt.date, text: str, roll_date, secretary):
    confirmed = year < 2020 or rng.random() < 0.95
    confirm_day = min(day + dt.timedelta(days=rng.randint(1, 10)), roll_date)
    return Pledge(
        person_id=person_id,
        year=year,
        registered_on=day,
        content=text,
        source=Pledge.Source.PAPER if rng.random() < 0.3 else Pledge.Source.ONLINE,
        confirmed_at=_aware(confirm_day) if confirmed else None,
        confirmed_by=secretary if confirmed else None,
    )
