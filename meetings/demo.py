"""Demo meetings 2016–2020 that make the review report tell the article's story.

- the committee's briefing conference on the whole-term topic (CD-TK-XII), June 2016;
- every cell briefs the whole-term topic in 2016, studies the yearly topic each year
  (CD-2017 … CD-2019 at a study session, CD-2020 at the March 2020 regular meeting);
- a regular meeting every month and a thematic meeting every quarter for every cell, the
  thematic ones tied to the code of conduct "Văn hóa công sở …";
- attendance of the members on the roll on each date: about 96% present, a few excused, very
  few absent without reason, and one member absent without reason in 3 months of 2019.

The roll is worked out in memory from the people and postings loaded once, and the meetings
and their attendance are written in bulk (`core.services.save_many`), so the whole builder
runs in a few seconds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from core import demo
from core.actors import SYSTEM
from core.services import save_many
from documents.models import StudyTopic
from documents.services import study_topic_create
from organisation.models import Posting

from .models import Attendance, FocusArea, Guest, Meeting, Minutes
from .reference import KIND_LETTERS
from .services import focus_area_save, meeting_rules_ensure_defaults, topic_deadline_save

FIRST_YEAR, LAST_YEAR = 2016, 2020
CODE_OF_CONDUCT = "Văn hóa công sở gắn với việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
FOCUS_AREAS = [
    "Thực hành dân chủ cơ sở",
    "Phòng, chống tham nhũng, lãng phí",
    "Văn hóa ứng xử trong cán bộ, đảng viên",
]
# Used only when the documents app has not loaded its reference topics (a flushed database).
TOPICS = {
    "CD-TK-XII": (
        "Những nội dung cơ bản của tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        StudyTopic.Kind.TERM,
        2016,
        2021,
    ),
    "CD-2017": (
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phòng, chống suy "
        "thoái tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong "
        "nội bộ",
        StudyTopic.Kind.ANNUAL,
        2017,
        2017,
    ),
    "CD-2018": (
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng phong cách, "
        "tác phong công tác của người đứng đầu, của cán bộ, đảng viên",
        StudyTopic.Kind.ANNUAL,
        2018,
        2018,
    ),
    "CD-2019": (
        "Xây dựng ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân theo "
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        StudyTopic.Kind.ANNUAL,
        2019,
        2019,
    ),
    "CD-2020": (
        "Tăng cường khối đại đoàn kết toàn dân tộc, xây dựng Đảng và hệ thống chính trị trong "
        "sạch, vững mạnh theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        StudyTopic.Kind.ANNUAL,
        2020,
        2020,
    ),
}
# The committee's deadline for every cell to have studied each topic.
DEADLINES = {
    "CD-TK-XII": dt.date(2016, 12, 31),
    "CD-2017": dt.date(2017, 6, 30),
    "CD-2018": dt.date(2018, 6, 30),
    "CD-2019": dt.date(2019, 6, 30),
    "CD-2020": dt.date(2020, 4, 30),
}
EXCUSES = ["Đi công tác", "Ốm", "Nghỉ phép", "Việc gia đình", "Đi học"]


def _topics() -> dict[str, StudyTopic]:
    found = {topic.code: topic for topic in StudyTopic.objects.filter(code__in=TOPICS)}
    for code, (title, kind, start, end) in TOPICS.items():
        if code not in found:
            found[code] = study_topic_create(
                user=SYSTEM, code=code, title=title, kind=kind, start_year=start, end_year=end
            )
    return found


class Roll:
    """Who is on the roll of which cell on a date, from people and postings held in memory."""

    def __init__(self, people: list) -> None:
        self.people = {person.pk: person for person in people if person.party_joined_on}
        self.postings: dict[int, list[Posting]] = defaultdict(list)
        for posting in Posting.objects.filter(person_id__in=self.people).only(
            "person_id", "unit_id", "start", "end"
        ):
            self.postings[posting.unit_id].append(posting)

    def on(self, unit_ids: list[int], date: dt.date) -> list:
        result = []
        for unit_id in unit_ids:
            for posting in self.postings.get(unit_id, ()):
                person = self.people[posting.person_id]
                if (
                    person.party_joined_on <= date
                    and (person.moved_out_on is None or person.moved_out_on > date)
                    and (posting.start is None or posting.start <= date)
                    and (posting.end is None or posting.end > date)
                ):
                    result.append(person)
        return sorted(set(result), key=lambda person: person.code)


def _meeting(unit, kind: str, date: dt.date, content: str, **extra) -> Meeting:
    values = {
        "start_time": dt.time(14, 0),
        "end_time": dt.time(16, 0),
        "place": f"Phòng họp {unit.name.replace('Chi bộ ', '')}",
        **extra,
    }
    meeting = Meeting(
        code=f"{unit.code}-{date:%Y%m%d}-{KIND_LETTERS[kind]}",
        unit=unit,
        kind=kind,
        date=date,
        held=True,
        content=content,
        **values,
    )
    meeting.fill_keys()
    return meeting


@demo.register(order=30)
def build_meetings(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("meetings")
    meeting_rules_ensure_defaults(user=SYSTEM)
    topics = _topics()
    committee, cells = ctx.committee, ctx.cells
    people = ctx.data["people"]
    roll = Roll(people)
    conduct = focus_area_save(
        user=SYSTEM, committee=committee, kind=FocusArea.Kind.CODE_OF_CONDUCT, name=CODE_OF_CONDUCT
    )
    for name in FOCUS_AREAS:
        focus_area_save(user=SYSTEM, committee=committee, kind=FocusArea.Kind.FOCUS_AREA, name=name)
    for code, deadline in DEADLINES.items():
        topic_deadline_save(user=SYSTEM, committee=committee, topic=topics[code], deadline=deadline)

    meetings: list[Meeting] = []
    topic_links: list[tuple[str, str]] = []  # (meeting code, topic code)
    subtree = [cell.pk for cell in cells] + [committee.pk]
    # The committee's briefing conference on the whole-term topic.
    conference = _meeting(
        committee,
        Meeting.Kind.BRIEFING,
        dt.date(2016, 6, 10),
        "Hội nghị quán triệt Chỉ thị số 05-CT/TW và Chuyên đề toàn khóa “Những nội dung cơ bản "
        "của tư tưởng, đạo đức, phong cách Hồ Chí Minh” đến toàn thể cán bộ, đảng viên",
        place="Hội trường Sở Văn hóa và Thể thao",
        start_time=dt.time(8, 0),
        end_time=dt.time(11, 0),
        materials="Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị\n"
        "Tài liệu Chuyên đề toàn khóa",
    )
    meetings.append(conference)
    topic_links.append((conference.code, "CD-TK-XII"))
    # The committee's yearly study conferences ("tổ chức học tập và thực hiện chuyên đề hàng
    # năm"); in 2020, because of Covid-19, the cells studied the topic at their March meeting.
    for year in (2017, 2018, 2019):
        study = _meeting(
            committee,
            Meeting.Kind.STUDY,
            dt.date(year, 2, 20),
            f"Hội nghị học tập, quán triệt Chuyên đề năm {year} cho cán bộ, đảng viên toàn Đảng bộ",
            place="Hội trường Sở Văn hóa và Thể thao",
            start_time=dt.time(8, 0),
            end_time=dt.time(11, 0),
            materials=f"Tài liệu Chuyên đề năm {year}",
        )
        meetings.append(study)
        topic_links.append((study.code, f"CD-{year}"))
    for index, cell in enumerate(cells):
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for month in range(1, 13):
                day = 5 + (index % 20)
                date = dt.date(year, month, day)
                content = f"Sinh hoạt chi bộ định kỳ tháng {month}/{year}"
                meeting = _meeting(cell, Meeting.Kind.REGULAR, date, content)
                if (year, month) == (2020, 3):
                    meeting.content += "; học tập, quán triệt Chuyên đề năm 2020"
                    meeting.materials = "Tài liệu Chuyên đề năm 2020"
                    topic_links.append((meeting.code, "CD-2020"))
                meetings.append(meeting)
            for quarter in range(4):
                date = dt.date(year, quarter * 3 + 2, 10 + (index % 15))
                meetings.append(
                    _meeting(
                        cell,
                        Meeting.Kind.THEMATIC,
                        date,
                        f"Sinh hoạt chuyên đề quý {quarter + 1}/{year}: thực hiện quy tắc ứng "
                        f"xử “{CODE_OF_CONDUCT}”",
                        focus_area=conduct,
                    )
                )
            if year == FIRST_YEAR:
                kind = Meeting.Kind.BRIEFING if index % 2 == 0 else Meeting.Kind.STUDY
                date = dt.date(2016, 6, 15) + dt.timedelta(days=rng.randrange(60))
                meeting = _meeting(
                    cell,
                    kind,
                    date,
                    "Quán triệt Chuyên đề toàn khóa “Những nội dung cơ bản của tư tưởng, đạo "
                    "đức, phong cách Hồ Chí Minh” đến toàn thể đảng viên, CCVC, người lao động",
                    materials="Tài liệu Chuyên đề toàn khóa",
                )
                meetings.append(meeting)
                topic_links.append((meeting.code, "CD-TK-XII"))
            elif year < 2020:
                date = dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(75))
                meeting = _meeting(
                    cell,
                    Meeting.Kind.STUDY,
                    date,
                    f"Học tập và thực hiện Chuyên đề năm {year}",
                    materials=f"Tài liệu Chuyên đề năm {year}",
                )
                meetings.append(meeting)
                topic_links.append((meeting.code, f"CD-{year}"))
    # Two meetings of a cell on the same day and kind would share a code: keep them apart.
    codes = set()
    for meeting in meetings:
        while meeting.code in codes:
            meeting.code += "b"
        codes.add(meeting.code)
    save_many(SYSTEM, meetings)
    ids = dict(Meeting.objects.filter(unit_id__in=subtree).values_list("code", "pk"))
    through = Meeting.topics.through
    save_many(
        SYSTEM,
        [
            through(meeting_id=ids[code], studytopic_id=topics[topic].pk)
            for code, topic in topic_links
        ],
    )

    # Chair and secretary: the first two members of the cell on the day.
    attendance: list[Attendance] = []
    # One member who stays away without reason three months in 2019 (Điều 8 flag).
    flagged_cell = cells[1]
    whole_year = set(roll.on([flagged_cell.pk], dt.date(2019, 1, 1)))
    flagged = [p for p in roll.on([flagged_cell.pk], dt.date(2019, 12, 31)) if p in whole_year][-1]
    chairs = []
    for meeting in meetings:
        unit_ids = subtree if meeting.unit_id == committee.pk else [meeting.unit_id]
        members = roll.on(unit_ids, meeting.date)
        if len(members) >= 2 and meeting.unit_id != committee.pk:
            meeting.chair_id, meeting.secretary_id = members[0].pk, members[1].pk
            chairs.append(meeting)
        meeting_id = ids[meeting.code]
        for person in members:
            draw = rng.random()
            reason = ""
            if (
                person.pk == flagged.pk
                and meeting.kind == Meeting.Kind.REGULAR
                and meeting.date.year == 2019
                and meeting.date.month in (3, 4, 5)
            ):
                status = Attendance.Status.ABSENT
            elif draw < 0.962:
                status = Attendance.Status.PRESENT
            elif draw < 0.995:
                status = Attendance.Status.EXCUSED
                reason = rng.choice(EXCUSES)
            else:
                status = Attendance.Status.ABSENT
            attendance.append(
                Attendance(meeting_id=meeting_id, person_id=person.pk, status=status, reason=reason)
            )
    for meeting in chairs:
        meeting.pk = ids[meeting.code]
    save_many(SYSTEM, chairs, ["chair", "secretary"])
    save_many(SYSTEM, attendance)

    # Approved minutes for the first cell's meetings of 2020, as the secretary would keep them.
    first_cell = cells[0]
    minutes = []
    for meeting in meetings:
        if meeting.unit_id == first_cell.pk and meeting.date.year == 2020:
            minutes.append(
                Minutes(
                    meeting_id=ids[meeting.code],
                    version=1,
                    status=Minutes.Status.APPROVED,
                    number=str(meeting.date.month),
                    proceedings=f"Đồng chí Bí thư chi bộ khai mạc, nêu mục đích, yêu cầu.\n"
                    f"{meeting.content}.",
                    discussion="Các đồng chí đảng viên phát biểu, thống nhất với nội dung.",
                    conclusion="Chi bộ thống nhất giao nhiệm vụ cho từng đảng viên.",
                    closing="Hội nghị kết thúc hồi 16 giờ 00 phút cùng ngày.",
                )
            )
    save_many(SYSTEM, minutes)
    save_many(
        SYSTEM,
        [
            Guest(
                meeting_id=ids[conference.code],
                name="Đại diện Ban Tuyên giáo Thành ủy",
                organisation="Ban Tuyên giáo Thành ủy Hà Nội",
            ),
            Guest(
                meeting_id=ids[conference.code],
                name="Báo cáo viên",
                organisation="Trường Đào tạo cán bộ Lê Hồng Phong",
            ),
        ],
    )
    ctx.data["meetings_done"] = True
    ctx.log(f"  {len(meetings)} hội nghị, {len(attendance)} lượt tham dự")
