"""Demo ratings 2016–2019 that reproduce the article: every year more than 98% of members rated
good or better, more than 15% excellent — computed from each year's actual roll, within the
quota of that year's rule set. 2020 is not rated (the review period ends 30/06/2020)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from core import demo
from core.actors import SYSTEM
from core.services import save_many
from meetings.models import Meeting
from organisation.membership import periods_on as postings_on
from organisation.selectors import roll_on

from . import rules, selectors
from .models import CapCondition, Level, Rating, RatingDecision

YEARS = range(2016, 2020)


def level_counts(total: int, rule_set) -> tuple[int, int, int, int]:
    """(excellent, good, complete, not complete) for `total` members such that good or better
    lies strictly between 98% and 99%, excellent strictly between 15% and 16%, one or two are
    not complete, and the quota holds."""
    for not_complete in (1, 2):
        for others in range(not_complete + 1, total):
            good_or_better = total - others
            if not 98 * total < 100 * good_or_better < 99 * total:
                continue
            for excellent in range(total):
                if not 15 * total < 100 * excellent < 16 * total:
                    continue
                good = good_or_better - excellent
                check = rules.quota_check(rule_set, {Level.EXCELLENT: excellent, Level.GOOD: good})
                if check.ok:
                    return excellent, good, others - not_complete, not_complete
    raise ValueError(f"no level counts fit a roll of {total}")


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone())


SELF_TEXTS = [
    "Chấp hành tốt chủ trương, đường lối của Đảng; hoàn thành các nhiệm vụ được giao; "
    "thực hiện nghiêm bản cam kết học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Giữ gìn phẩm chất đạo đức, lối sống; đoàn kết, gương mẫu trong công tác; thực hiện tốt "
    "kế hoạch cá nhân và quy tắc ứng xử văn hóa công sở.",
    "Hoàn thành nhiệm vụ chuyên môn đúng tiến độ; tích cực học tập nâng cao trình độ; "
    "tham gia đầy đủ sinh hoạt chi bộ.",
]


@demo.register(order=50)
def build_ratings(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("ratings")
    committee = ctx.committee
    office = ctx.users.get("office")
    sets = selectors.rule_sets()
    cells = list(ctx.cells)
    ratings: list[Rating] = []
    caps: list[CapCondition] = []
    summary = []
    for year in YEARS:
        on = dt.date(year, 12, 31)
        rule_set = rules.rule_set_for(year, sets)
        assert rule_set is not None, year  # the national rules cover every demo year
        roll = list(roll_on(committee, on, active=True).order_by("pk"))
        cell_of = dict(
            postings_on(on, committee.path)
            .filter(person__in=[person.pk for person in roll])
            .values_list("person_id", "unit_id")
        )
        meeting_of: dict[int, int] = {}
        for meeting in Meeting.objects.filter(
            unit__in=cells, date__year=year, date__month=12
        ).order_by("date"):
            meeting_of.setdefault(meeting.unit_id, meeting.pk)
        excellent, good, complete, not_complete = level_counts(len(roll), rule_set)
        levels = (
            [Level.EXCELLENT] * excellent
            + [Level.GOOD] * good
            + [Level.COMPLETE] * complete
            + [Level.NOT_COMPLETE] * not_complete
        )
        rng.shuffle(roll)
        self_day, cell_day, decided_day = (
            dt.date(year, 12, 5),
            dt.date(year, 12, 15),
            dt.date(year, 12, 28),
        )
        for person, level in zip(roll, levels, strict=True):
            cell_id = cell_of[person.pk]
            ratings.append(
                Rating(
                    person=person,
                    year=year,
                    level=level,
                    cell_id=cell_id,
                    committee=committee,
                    self_text=rng.choice(SELF_TEXTS),
                    self_level=level if level != Level.NOT_COMPLETE else Level.COMPLETE,
                    self_assessed_at=_at(self_day),
                    proposed_level=level,
                    proposal_meeting_id=meeting_of.get(cell_id),
                    proposed_at=_at(cell_day),
                    decided_by=office,
                    decided_at=_at(decided_day),
                )
            )
            if level == Level.NOT_COMPLETE:
                caps.append(
                    CapCondition(
                        person=person,
                        year=year,
                        kind=CapCondition.Kind.DISCIPLINED,
                        source=f"Quyết định số {rng.randint(2, 30):02d}-QĐ/UBKT năm {year}",
                        note="Khiển trách do vi phạm quy chế làm việc của cơ quan.",
                        recorded_by=office,
                    )
                )
        # Cells: most good, several excellent within the quota, none failing.
        order = list(cells)
        rng.shuffle(order)
        # A cell with a disciplined member is not excellent (HD 21, QĐ 124, QĐ 366 Art. 11).
        disciplined = {
            cell_of[person.pk]
            for person, level in zip(roll, levels, strict=True)
            if level == Level.NOT_COMPLETE
        }
        order.sort(key=lambda cell: cell.pk in disciplined)
        cell_complete = 1 if rng.random() < 0.5 else 0
        cell_excellent = 4 + rng.randint(0, 1)
        while not rules.quota_check(
            rule_set,
            {
                Level.EXCELLENT: cell_excellent,
                Level.GOOD: len(order) - cell_excellent - cell_complete,
            },
        ).ok:
            cell_excellent -= 1
        for index, cell in enumerate(order):
            if index < cell_excellent:
                level = Level.EXCELLENT
            elif index >= len(order) - cell_complete:
                level = Level.COMPLETE
            else:
                level = Level.GOOD
            ratings.append(
                Rating(
                    unit=cell,
                    year=year,
                    level=level,
                    cell=cell,
                    committee=committee,
                    self_text="Chi bộ tự kiểm điểm, đánh giá kết quả lãnh đạo "
                    "thực hiện nhiệm vụ năm.",
                    self_level=level,
                    self_assessed_at=_at(cell_day),
                    proposed_level=level,
                    proposal_meeting_id=meeting_of.get(cell.pk),
                    proposed_at=_at(cell_day),
                    decided_by=office,
                    decided_at=_at(decided_day),
                )
            )
        summary.append(f"{year}: {len(roll)} ({excellent}/{good}/{complete}/{not_complete})")
    save_many(SYSTEM, ratings)
    save_many(SYSTEM, caps)
    # Each decided level has its decision record, as the services keep it.
    decided = Rating.objects.filter(committee=committee).exclude(level="")
    save_many(
        SYSTEM,
        [
            RatingDecision(
                rating_id=pk, kind=RatingDecision.Kind.ROUND, level=level, decided_by=office
            )
            for pk, level in decided.values_list("pk", "level").order_by("pk")
        ],
    )
    ctx.log("  xếp loại " + "; ".join(summary))
