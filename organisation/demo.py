"""Demo units and people: 32 cells, some 650 party members, staff and mass organisations.

Members join and move out across 2016–2020, and a few transfer between cells, so that the
roll really differs from year to year.
"""

import datetime as dt

from django.utils import timezone

from core import demo
from core.actors import SYSTEM
from core.services import save_many

from . import demo_names as names
from . import membership, services
from .models import MassOrganisation, MemberEvent, Person, Unit

FIRST_YEAR, LAST_YEAR = 2016, 2020


def _name(rng, female: bool) -> str:
    middle = rng.choice(names.MIDDLE_FEMALE if female else names.MIDDLE_MALE)
    given = rng.choice(names.GIVEN_FEMALE if female else names.GIVEN_MALE)
    return f"{rng.choice(names.FAMILY)} {middle} {given}"


def _date_in(rng, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def found(code: str, name: str, kind: str, parent: Unit | None, **profile: str) -> Unit:
    """A unit as the office founds it (always existed), then its document profile."""
    unit = services.unit_found(
        user=SYSTEM, code=code, name=name, kind=kind, parent=parent, founded_on=None
    )
    return services.unit_profile_update(user=SYSTEM, unit=unit, **profile)


def _units() -> tuple[Unit, list[Unit]]:
    code, name = names.COMMITTEE
    committee = found(
        code,
        name,
        Unit.Kind.COMMITTEE,
        None,
        superior_body=names.SUPERIOR_BODY,
        place="Hà Nội",
        secretary_name="Nguyễn Thị Thanh Hương",
        usual_recipients="Ban Tuyên giáo Thành ủy\nĐảng ủy Khối các cơ quan Thành phố\n"
        "Các chi bộ trực thuộc",
    )
    sub_code, sub_name = names.SUB_COMMITTEE
    theatres = found(sub_code, sub_name, Unit.Kind.SUB_COMMITTEE, committee, place="Hà Nội")
    cells = [
        found(
            cell_code,
            cell_name,
            Unit.Kind.CELL,
            theatres if in_theatres else committee,
            place="Hà Nội",
        )
        for cell_code, cell_name, in_theatres in names.CELLS
    ]
    return committee, cells


def _person(rng, code: str, cell: Unit, *, member: bool, joined: dt.date | None) -> Person:
    female = rng.random() < 0.48
    birth = _date_in(rng, rng.randint(1962, 1996))
    person = Person(
        code=code,
        full_name=_name(rng, female),
        birth_date=birth,
        gender=Person.Gender.FEMALE if female else Person.Gender.MALE,
        position=rng.choice(names.POSITIONS),
        unit=cell,
    )
    if member:
        earliest = max(birth.year + 19, 1985)
        joined = joined or _date_in(rng, rng.randint(earliest, max(earliest, FIRST_YEAR - 1)))
        person.party_joined_on = joined
        person.party_official_on = joined + dt.timedelta(days=365)
        person.party_status = Person.PartyStatus.FULL
    person.fill_keys()
    return person


@demo.register(order=10)
def build_units_and_people(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("organisation")
    committee, cells = _units()
    organisations = {
        organisation.short_name: organisation
        for organisation in save_many(
            SYSTEM,
            [
                MassOrganisation(name=name, short_name=short)
                for name, short in names.MASS_ORGANISATIONS
            ],
        )
    }
    people: list[Person] = []
    sequence = iter(range(1, 100_000))

    def next_code() -> str:
        return f"NS{next(sequence):05d}"

    for cell in cells:
        for _ in range(rng.randint(15, 25)):
            people.append(_person(rng, next_code(), cell, member=True, joined=None))
        for _ in range(rng.randint(3, 12)):
            people.append(_person(rng, next_code(), cell, member=False, joined=None))
    # Admissions during the period: probationary for a year, then full members.
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for _ in range(rng.randint(10, 16)):
            cell = rng.choice(cells)
            people.append(_person(rng, next_code(), cell, member=True, joined=_date_in(rng, year)))
    today = timezone.localdate()
    for person in people:
        if person.party_official_on and person.party_official_on > today:
            person.party_official_on = None
            person.party_status = Person.PartyStatus.PROBATIONARY
    # Some members and staff move out (retire, change job) during the period.
    members = [person for person in people if person.party_joined_on]
    for person in rng.sample(members, 45):
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        moved = _date_in(rng, year)
        if person.party_joined_on and person.party_joined_on < moved:
            person.moved_out_on = moved
    save_many(SYSTEM, people)
    people = list(Person.objects.order_by("code"))
    events = [
        MemberEvent(
            person=person,
            kind=MemberEvent.Kind.MOVE_OUT,
            date=person.moved_out_on,
            from_unit_id=person.unit_id,
        )
        for person in people
        if person.moved_out_on
    ]
    events += _transfers(rng, people, cells)
    events += _life_events(rng, people)
    save_many(SYSTEM, events)
    membership.rebuild(person.pk for person in people)
    people = list(Person.objects.order_by("code"))
    _mass_organisations(rng, people, organisations)
    ctx.committee, ctx.cells = committee, cells
    ctx.data["people"] = people
    ctx.data["mass_organisations"] = organisations
    _users(ctx, people)
    ctx.log(f"  {len(cells)} chi bộ, {len(people)} người")


def _transfers(rng, people: list[Person], cells: list[Unit]) -> list[MemberEvent]:
    """A few members change cells mid-period (chuyển sinh hoạt trong Đảng bộ)."""
    movers = [p for p in people if p.party_joined_on and not p.moved_out_on]
    events, moved = [], []
    for person in rng.sample(movers, 12):
        when = _date_in(rng, rng.randint(2017, 2019))
        if when <= person.party_joined_on:
            continue
        target = rng.choice([cell for cell in cells if cell.pk != person.unit_id])
        events.append(
            MemberEvent(
                person=person,
                kind=MemberEvent.Kind.TRANSFER,
                date=when,
                from_unit_id=person.unit_id,
                to_unit_id=target.pk,
                note="Chuyển sinh hoạt",
            )
        )
        person.unit = target
        moved.append(person)
    save_many(SYSTEM, moved, ["unit"])
    return events


def _life_events(rng, people: list[Person]) -> list[MemberEvent]:
    """Older members exempted from activity (miễn sinh hoạt), one back after a year, and one
    member who died: the roll, the pledges and the ratings must leave them out."""
    older = [
        p
        for p in people
        if p.party_joined_on
        and not p.moved_out_on
        and p.birth_date
        and p.party_joined_on.year < FIRST_YEAR
    ]
    older.sort(key=lambda p: (p.birth_date, p.code))
    chosen = rng.sample(older[:20], min(4, len(older)))
    events = []
    for index, person in enumerate(chosen[:3]):
        start = dt.date(2018 + index % 2, 3 + index, 1)
        events.append(
            MemberEvent(person=person, kind=MemberEvent.Kind.EXEMPT, date=start, note="Tuổi cao")
        )
        if index == 0:
            events.append(
                MemberEvent(
                    person=person,
                    kind=MemberEvent.Kind.EXEMPT_END,
                    date=start.replace(year=start.year + 1),
                )
            )
    if len(chosen) > 3:
        person = chosen[3]
        events.append(
            MemberEvent(
                person=person,
                kind=MemberEvent.Kind.DECEASED,
                date=dt.date(2019, 8, 14),
                from_unit_id=person.unit_id,
            )
        )
    return events


def _mass_organisations(rng, people: list[Person], organisations: dict) -> None:
    links = []
    through = Person.mass_organisations.through
    for person in people:
        chosen = ["CĐ"]
        if person.birth_date and person.birth_date.year >= 1986:
            chosen.append("ĐTN")
        if person.gender == Person.Gender.FEMALE:
            chosen.append("HPN")
        elif person.birth_date and person.birth_date.year < 1968 and rng.random() < 0.5:
            chosen.append("CCB")
        links += [
            through(person_id=person.pk, massorganisation_id=organisations[short].pk)
            for short in chosen
        ]
    save_many(SYSTEM, links)


def _users(ctx: demo.DemoContext, people: list[Person]) -> None:
    from accounts.services import account_create
    from core.roles import Role

    first_cell = ctx.cells[0]
    cell_members = [
        p for p in people if p.unit_id == first_cell.pk and p.party_joined_on and not p.moved_out_on
    ]
    specs = [
        ("vanphong", "Văn phòng Đảng ủy", Role.OFFICE, ctx.committee, None),
        ("bithu", "Bí thư Chi bộ Văn phòng Sở", Role.SECRETARY, first_cell, cell_members[0]),
        ("ubkt", "Ủy ban Kiểm tra Đảng ủy", Role.INSPECTION, ctx.committee, None),
        ("dangvien", "Đảng viên", Role.MEMBER, first_cell, cell_members[1]),
        ("bientap", "Biên tập viên", Role.EDITOR, ctx.committee, None),
    ]
    for username, label, role, unit, person in specs:
        roles = [(role, unit)] + ([(Role.MEMBER, unit)] if role == Role.SECRETARY else [])
        ctx.users[role] = account_create(
            SYSTEM,
            username=username,
            password=demo.DEMO_PASSWORD,
            first_name=person.full_name if person else label,
            person=person,
            roles=roles,
        )
    admin = account_create(
        SYSTEM,
        username="quantri",
        password=demo.DEMO_PASSWORD,
        first_name="Quản trị hệ thống",
        superuser=True,
    )
    ctx.users["admin"] = admin


from . import demo_history  # noqa: E402, F401  (the merged cell, built after the records)
