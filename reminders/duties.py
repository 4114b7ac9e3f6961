"""What a secretary or a member has to do now: the one list behind the home page and the
reminders, so that the bell, the e-mail and the home page always name the same tasks.

Each function runs a fixed number of queries for a user (a few per cell the secretary holds,
which does not grow with the committee).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from core.policy import role_paths
from core.roles import Role
from core.vn import format_date
from documents.models import DocumentDelivery
from meetings.models import Attendance, Meeting, Minutes
from organisation.models import Unit

# "Attendance to take" and "minutes to approve" look this far back: older meetings are
# history (imported or closed), not today's work.
RECENT = dt.timedelta(days=60)


@dataclass
class Duty:
    key: str  # stable: what the reminder is about
    kind: str  # meeting, attendance, minutes, pledges, self_assessment, remediation, ...
    text: str
    url: str
    due: dt.date | None = None


@dataclass
class SecretaryTasks:
    cells: list[Unit]
    next_meetings: list[Meeting] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)


def rating_round_year(today: dt.date) -> int | None:
    """The year whose rating round is under way: from November to March of the next year."""
    if today.month >= 11:
        return today.year
    if today.month <= 3:
        return today.year - 1
    return None


def secretary_cells(user: Any) -> list[Unit]:
    paths = role_paths(user, (Role.SECRETARY,))
    if not paths:
        return []
    return list(Unit.objects.filter(path__in=paths).order_by("path"))


def _roll(cell: Unit, on_date: dt.date):
    # The one roll definition (organisation.selectors.roll_on); kept easy to find.
    from organisation.selectors import roll_on

    return roll_on(cell, on_date)


def _own_duty(key: str, kind: str, text: str, url_name: str, year: int) -> Duty:
    """A member's own duty for `year` (pledge, personal plan, self-assessment); `text` names
    the year."""
    return Duty(f"{key}:{year}", kind, text % {"year": year}, reverse(url_name, args=[year]))


def _meeting_duty(meeting: Meeting, kind: str, text: str, url_name: str) -> Duty:
    """A duty about one held meeting; `text` names its date and unit."""
    return Duty(
        f"{kind}:{meeting.pk}",
        kind,
        text % {"date": format_date(meeting.date), "unit": meeting.unit.name},
        reverse(url_name, args=[meeting.pk]),
        meeting.date,
    )


def secretary_tasks(user: Any, today: dt.date, remediations: Any = None) -> SecretaryTasks:
    """The secretary's cells' tasks, each with the page that does it. `remediations` (the
    home page's `inspections.selectors.RemediationSummary`) gives the remediation tasks
    already read for the page; without it they are read here. Five queries, however many
    cells the secretary holds."""
    cells = secretary_cells(user)
    tasks = SecretaryTasks(cells)
    if not cells:
        return tasks
    cell_q = Q()
    for cell in cells:
        cell_q |= Q(unit__path__startswith=cell.path)
    meetings = Meeting.objects.filter(cell_q).select_related("unit")
    tasks.next_meetings = list(meetings.filter(date__gte=today).order_by("date", "pk")[:3])
    for meeting in tasks.next_meetings:
        tasks.duties.append(
            Duty(
                f"meeting:{meeting.pk}",
                "meeting",
                _("Next meeting: %(kind)s of %(unit)s on %(date)s")
                % {
                    "kind": meeting.get_kind_display(),
                    "unit": meeting.unit.name,
                    "date": format_date(meeting.date),
                },
                reverse("meetings:detail", args=[meeting.pk]),
                meeting.date,
            )
        )
    # A meeting whose day has come (held, or not yet marked held) and has no attendance; one
    # whose minutes are drafted and not approved. Both in one query.
    with_minutes = Minutes.objects.filter(meeting_id=OuterRef("pk"))
    recent = (
        meetings.filter(date__lte=today, date__gte=today - RECENT)
        .annotate(
            no_roll=~Exists(Attendance.objects.filter(meeting_id=OuterRef("pk"))),
            to_approve=Exists(with_minutes.filter(status=Minutes.Status.DRAFT))
            & ~Exists(with_minutes.filter(status=Minutes.Status.APPROVED)),
        )
        .filter(Q(no_roll=True) | Q(to_approve=True))
        .order_by("date", "pk")
    )
    recent_list = list(recent)
    tasks.duties += [
        _meeting_duty(
            meeting,
            "attendance",
            _("Take the attendance of the meeting of %(date)s (%(unit)s)"),
            "meetings:attendance",
        )
        for meeting in recent_list
        if meeting.no_roll
    ]
    tasks.duties += [
        _meeting_duty(
            meeting,
            "minutes",
            _("Approve the minutes of the meeting of %(date)s (%(unit)s)"),
            "meetings:minutes",
        )
        for meeting in recent_list
        if meeting.to_approve
    ]
    tasks.duties.extend(_cells_people_duties(cells, today))
    tasks.duties.extend(remediation_duties(user, today, remediations))
    return tasks


def _count(queryset: QuerySet) -> Subquery:
    """`queryset`'s row count as a scalar subquery (COUNT without GROUP BY: one row)."""
    counted = queryset.order_by().values(n=Func(F("pk"), function="COUNT"))
    return Subquery(counted, output_field=IntegerField())


def _cells_people_duties(cells: list[Unit], today: dt.date) -> list[Duty]:
    """The members of each cell who have not pledged, or not assessed themselves during the
    rating round: every cell's counts in one query (a scalar subquery each)."""
    year = rating_round_year(today)
    counts: dict[str, Subquery] = {}
    for cell in cells:
        counts[f"pledges_{cell.pk}"] = _count(_roll(cell, today).exclude(pledges__year=today.year))
        if year is not None:
            assessed = Q(ratings__year=year, ratings__self_assessed_at__isnull=False)
            on_date = min(today, dt.date(year, 12, 31))
            counts[f"self_{cell.pk}"] = _count(_roll(cell, on_date).exclude(assessed))
    found = cast(dict[str, int], Unit.objects.filter(pk=cells[0].pk).values(**counts)[0])
    duties = []
    for cell in cells:
        if missing := found[f"pledges_{cell.pk}"]:
            duties.append(
                Duty(
                    f"pledges:{cell.pk}:{today.year}",
                    "pledges",
                    _("%(n)s members of %(unit)s have not pledged for %(year)s")
                    % {"n": missing, "unit": cell.name, "year": today.year},
                    reverse("pledges:progress_cell", args=[cell.pk]),
                )
            )
        if year is not None and (missing := found[f"self_{cell.pk}"]):
            duties.append(
                Duty(
                    f"self:{cell.pk}:{year}",
                    "self_assessment",
                    _("%(n)s members of %(unit)s have not assessed themselves for %(year)s")
                    % {"n": missing, "unit": cell.name, "year": year},
                    reverse("ratings:cell_review", args=[cell.pk, year]),
                )
            )
    return duties


def remediation_duties(user: Any, today: dt.date, remediations: Any = None) -> list[Duty]:
    """Remediation tasks the user sees that are not done and due within two weeks (or late);
    `remediations` (a `RemediationSummary`) when the page has read them already."""
    from inspections.selectors import due_remediations

    tasks = remediations.due if remediations is not None else due_remediations(user, today)
    return [
        Duty(
            f"remediation:{task.pk}",
            "remediation",
            (
                _("Overdue since %(date)s: %(task)s")
                if task.deadline < today
                else _("Due %(date)s: %(task)s")
            )
            % {"date": format_date(task.deadline), "task": task.content[:120]},
            reverse("inspections:remediation_detail", args=[task.pk]),
            task.deadline,
        )
        for task in tasks
    ]


@dataclass
class MemberHome:
    person: Any
    pledge: Any = None
    personal_plan: Any = None
    rating: Any = None
    round_year: int | None = None
    next_meetings: list[Meeting] = field(default_factory=list)
    documents: list[DocumentDelivery] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)


def member_home(user: Any, today: dt.date) -> MemberHome | None:
    """The member's own pledge, personal plan, self-assessment, next meetings and documents."""
    from organisation.selectors import current_posting
    from pledges.models import PersonalPlan, Pledge
    from ratings.models import Rating

    person = getattr(user, "person", None)
    if person is None:
        return None
    home = MemberHome(person)
    home.pledge = Pledge.objects.filter(person=person, year=today.year).first()
    home.personal_plan = PersonalPlan.objects.filter(person=person, year=today.year).first()
    home.round_year = rating_round_year(today)
    if home.round_year is not None:
        home.rating = Rating.objects.filter(person=person, year=home.round_year).first()
    posting = current_posting(person)
    if posting is not None:
        unit = posting.unit
        home.next_meetings = list(
            Meeting.objects.filter(unit__path__in=_unit_and_ancestors(unit.path), date__gte=today)
            .select_related("unit")
            .order_by("date", "pk")[:3]
        )
        home.documents = list(
            DocumentDelivery.objects.filter(unit=unit)
            .select_related("document")
            .order_by("-sent_on", "-pk")[:5]
        )
    if not person.party_joined_on:
        return home
    if home.pledge is None:
        text = _("Register your pledge for %(year)s")
        home.duties.append(_own_duty("my-pledge", "pledge", text, "pledges:my_pledge", today.year))
    if home.personal_plan is None:
        text = _("Write your personal plan for %(year)s")
        home.duties.append(
            _own_duty("my-plan", "personal_plan", text, "pledges:my_plan", today.year)
        )
    if home.round_year is not None and not (home.rating and home.rating.self_assessed_at):
        text = _("Assess yourself for %(year)s")
        home.duties.append(
            _own_duty("my-self", "self_assessment", text, "ratings:self_assess", home.round_year)
        )
    for meeting in home.next_meetings:
        if meeting.date <= today + dt.timedelta(days=3):
            home.duties.append(
                Duty(
                    f"meeting:{meeting.pk}",
                    "meeting",
                    _("Meeting on %(date)s: %(kind)s of %(unit)s")
                    % {
                        "date": format_date(meeting.date),
                        "kind": meeting.get_kind_display(),
                        "unit": meeting.unit.name,
                    },
                    reverse("meetings:detail", args=[meeting.pk]),
                    meeting.date,
                )
            )
    return home


def _unit_and_ancestors(path: str) -> list[str]:
    parts = [part for part in path.split(".") if part]
    return [".".join(parts[: index + 1]) + "." for index in range(len(parts))]


def duties_for(user: Any, today: dt.date) -> list[Duty]:
    """Everything the user is reminded of: his cells' tasks and his own."""
    duties = secretary_tasks(user, today).duties
    keys = {duty.key for duty in duties}
    home = member_home(user, today)
    if home is not None:
        duties.extend(duty for duty in home.duties if duty.key not in keys)
    from core.policy import has_role

    if not user.is_superuser and has_role(user, Role.OFFICE, Role.INSPECTION):
        if not secretary_cells(user):
            duties.extend(remediation_duties(user, today))
        if has_role(user, Role.OFFICE):
            duties.extend(plan_duties(user, today))
    return duties


def plan_duties(user: Any, today: dt.date) -> list[Duty]:
    """Tasks of the plans the office writes that are not done and due within a week (or late)."""
    from plans.models import PlanItem
    from plans.policies import committees_for

    items = PlanItem.objects.filter(
        plan__committee__in=committees_for(user),
        done_on__isnull=True,
        deadline__lte=today + dt.timedelta(days=7),
        deadline__gte=today - RECENT,
    ).order_by("deadline", "pk")[:20]
    return [
        Duty(
            f"plan-item:{item.pk}",
            "plan_item",
            _("Plan task due %(date)s: %(task)s")
            % {"date": format_date(item.deadline), "task": item.content[:120]},
            reverse("plans:detail", args=[item.plan_id]),
            item.deadline,
        )
        for item in items
    ]
