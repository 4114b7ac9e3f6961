"""Demo activities and commendations, 2016–2020 (order 45).

The Youth Union's activities the article lists — the volunteer team removing illegal
advertising and banners, Youth Month (March), charity, gifts to families in hardship, blood
donation — every year with plausible numbers, plus a few activities of the trade union, the
Women's Union and the Veterans' Association, and commendations of exemplary models in
"học tập và làm theo". Everything is dated inside the review period 15/05/2016–30/06/2020.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core import demo
from core.actors import SYSTEM
from core.services import save_many
from organisation.models import Person
from organisation.selectors import people_on, roll_on

from .models import Activity, ActivityKind, Commendation
from .services import activity_kinds_ensure

PERIOD_START, PERIOD_END = dt.date(2016, 5, 15), dt.date(2020, 6, 30)
YEARS = range(2016, 2021)


def _day(rng, year: int, month: int, *, fixed: bool = False) -> dt.date | None:
    """A day of the month inside the review period. An activity whose month falls outside it
    moves to a month inside (2016 starts in May, 2020 ends in June), unless its month is
    part of what it is (Youth Month is March): then None."""
    first = max(PERIOD_START, dt.date(year, 1, 1))
    last = min(PERIOD_END, dt.date(year, 12, 31))
    if not first <= dt.date(year, month, 1) <= last and not fixed:
        month = rng.randint(first.month + 1 if first.day > 1 else first.month, last.month)
    day = dt.date(year, month, rng.randint(1, 28))
    return day if first <= day <= last else None


def _youth_union(rng, year: int) -> list[tuple]:
    """(kind, month, title, participants, quantity, unit) for the Youth Union's year."""
    plans: list[tuple] = []
    for month in rng.sample([3, 5, 7, 8, 9, 10, 11], 4):
        people = rng.randint(20, 45)
        plans.append(
            (
                "Tình nguyện",
                month,
                "Đội thanh niên xung kích tình nguyện bóc, xóa quảng cáo, băng rôn trái phép "
                "trên địa bàn Thành phố",
                people,
                Decimal(people * rng.randint(12, 25)),
                "quảng cáo, băng rôn",
            )
        )
    plans.append(
        (
            "Tình nguyện",
            3,
            f"Ra quân Tháng Thanh niên năm {year}: ngày Chủ nhật xanh",
            rng.randint(60, 120),
            None,
            "",
        )
    )
    plans.append(
        (
            "Văn nghệ - Thể thao",
            3,
            f"Giải bóng đá Tháng Thanh niên năm {year}",
            rng.randint(80, 160),
            None,
            "",
        )
    )
    plans.append(
        (
            "Từ thiện",
            rng.choice([6, 7, 8, 10]),
            'Chương trình thiện nguyện "Áo ấm cho em" tại vùng cao',
            rng.randint(15, 30),
            Decimal(rng.randint(20, 60) * 500_000),
            "đồng",
        )
    )
    plans.append(
        (
            "Trao quà",
            rng.choice([1, 6, 9, 12]),
            "Trao quà cho gia đình đoàn viên, thanh niên có hoàn cảnh khó khăn",
            rng.randint(10, 25),
            Decimal(rng.randint(10, 30)),
            "suất quà",
        )
    )
    for month in rng.sample([1, 4, 6, 8, 11], 2):
        people = rng.randint(35, 80)
        plans.append(
            (
                "Hiến máu",
                month,
                'Ngày hội hiến máu tình nguyện "Giọt hồng Văn hóa"',
                people,
                Decimal(int(people * rng.uniform(0.8, 0.95))),
                "đơn vị máu",
            )
        )
    return plans


# Short name → (kind, month, title, participants from–to, quantity from–to or None, unit).
Spec = tuple[str, int, str, tuple[int, int], tuple[int, int] | None, str]
OTHERS: dict[str, list[Spec]] = {
    "CĐ": [
        (
            "Văn nghệ - Thể thao",
            5,
            "Hội diễn văn nghệ chào mừng ngày sinh Chủ tịch Hồ Chí Minh",
            (120, 220),
            None,
            "",
        ),
        (
            "Trao quà",
            1,
            "Trao quà Tết cho đoàn viên công đoàn có hoàn cảnh khó khăn",
            (20, 40),
            (30, 60),
            "suất quà",
        ),
    ],
    "HPN": [
        (
            "Văn nghệ - Thể thao",
            10,
            "Giao lưu văn nghệ chào mừng ngày Phụ nữ Việt Nam 20/10",
            (60, 110),
            None,
            "",
        ),
        (
            "Từ thiện",
            6,
            "Quyên góp ủng hộ phụ nữ, trẻ em có hoàn cảnh khó khăn",
            (40, 90),
            (10, 30),
            "đồng",
        ),
    ],
    "CCB": [
        (
            "Khác",
            12,
            "Gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam 22/12",
            (25, 45),
            None,
            "",
        ),
    ],
}


@demo.register(order=45)
def build_activities(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("activities")
    organisations = ctx.data["mass_organisations"]
    activity_kinds_ensure(user=SYSTEM)  # `load_demo --reset` flushes the preloaded kinds too
    kinds = {kind.name: kind for kind in ActivityKind.objects.all()}
    committee, cells = ctx.committee, ctx.cells
    activities: list[Activity] = []
    counters: dict[int, int] = {}

    def add(org: str, unit, kind: str, day: dt.date, title: str, people: int, quantity, measure):
        counters[day.year] = counters.get(day.year, 0) + 1
        activity = Activity(
            code=f"HD{day.year}-{counters[day.year]:03d}",
            organisation=organisations[org],
            unit=unit,
            kind=kinds[kind],
            date=day,
            title=title,
            participants=people,
            quantity=quantity,
            measure_unit=measure,
        )
        activity.fill_keys()
        activities.append(activity)

    for year in YEARS:
        for kind, month, title, people, quantity, measure in _youth_union(rng, year):
            day = _day(rng, year, month, fixed="Tháng Thanh niên" in title)
            if day:
                add("ĐTN", committee, kind, day, title, people, quantity, measure)
        for short, specs in OTHERS.items():
            for kind, month, title, people_range, quantity_range, measure in specs:
                day = _day(rng, year, month)
                if not day:
                    continue
                quantity = None
                if quantity_range:
                    low, high = quantity_range
                    quantity = Decimal(rng.randint(low, high))
                    if measure == "đồng":
                        quantity *= 1_000_000
                add(
                    short,
                    rng.choice([committee, *cells]),
                    kind,
                    day,
                    title,
                    rng.randint(*people_range),
                    quantity,
                    measure,
                )
    activities.sort(key=lambda a: a.code)
    save_many(SYSTEM, activities)
    _blood_donors(rng, ctx, committee)
    _commendations(rng, ctx)
    ctx.log(f"  {len(activities)} hoạt động đoàn thể")


def _blood_donors(rng, ctx: demo.DemoContext, committee) -> None:
    """Name some of the Youth Union members who gave blood (the rest are counted only)."""
    youth = ctx.data["mass_organisations"]["ĐTN"]
    through = Activity.people.through
    links = []
    for activity in Activity.objects.filter(kind__name="Hiến máu").order_by("code"):
        present = list(
            people_on(committee, activity.date)
            .filter(mass_organisations=youth)
            .order_by("code")
            .values_list("pk", flat=True)
        )
        for pk in rng.sample(present, min(len(present), activity.participants // 3)):
            links.append(through(activity_id=activity.pk, person_id=pk))
    save_many(SYSTEM, links)


def _commendations(rng, ctx: demo.DemoContext) -> None:
    committee, cells = ctx.committee, ctx.cells
    records: list[Commendation] = []
    reason = (
        "Điển hình tiên tiến trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    )
    for year in YEARS:
        day = dt.date(year, 12, 20) if year == 2016 else dt.date(year, 5, 19)
        members = list(roll_on(committee, day).order_by("code").values_list("pk", flat=True))
        staff = list(
            people_on(committee, day)
            .filter(party_joined_on__isnull=True)
            .order_by("code")
            .values_list("pk", flat=True)
        )
        codes = iter(f"KT{year}-{n:03d}" for n in range(1, 1000))
        decision = f"{rng.randint(100, 400)}-QĐ/ĐU"

        def commend(codes=codes, decision=decision, day=day, **subject) -> Commendation:
            """A grassroots certificate of merit of the year's decision (unless `subject`
            says otherwise)."""
            values = {
                "level": Commendation.Level.GRASSROOTS,
                "form": "Giấy khen",
                "decision_number": decision,
                "decided_on": day,
                **subject,
            }
            return Commendation(code=next(codes), **values)

        # Members, then staff who are not members, then a collective or two.
        chosen = rng.sample(members, rng.randint(5, 8)) + rng.sample(staff, rng.randint(1, 3))
        records += [commend(person_id=pk, reason=f"{reason} năm {year}") for pk in chosen]
        records += [
            commend(
                unit=cell,
                reason=f"Tập thể điển hình tiên tiến trong học tập và làm theo năm {year}",
            )
            for cell in rng.sample(cells, rng.randint(1, 2))
        ]
        if year in (2018, 2020):
            pk = rng.choice(members)
            records.append(
                commend(
                    person_id=pk,
                    level=Commendation.Level.HIGHER,
                    form="Bằng khen của UBND Thành phố",
                    decision_number=f"{rng.randint(1000, 6000)}/QĐ-UBND",
                    decided_on=day + dt.timedelta(days=20),
                    reason=reason,
                )
            )
    people = {
        p.pk: p for p in Person.objects.filter(pk__in=[r.person_id for r in records if r.person_id])
    }
    units = {u.pk: u for u in cells}
    for record in records:
        if record.person_id:
            record.person = people[record.person_id]
        else:
            record.unit = units[record.unit_id]
        record.fill_keys()
    save_many(SYSTEM, records)
