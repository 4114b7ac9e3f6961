"""Demo inspections: the committee's yearly plans 2016–2020, as in the article.

Each year's plan checks (1) "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
at cells and (2) the plans to remedy shortcomings under Resolution TW4 (khóa XII); a few
members are supervised too. Most remediation tasks are done on time, some late, a few open.
"""

from __future__ import annotations

import datetime as dt

from core import demo
from core.actors import SYSTEM
from core.services import save_many

from .models import (
    Finding,
    Inspection,
    InspectionPlan,
    Remediation,
    RemediationSubmission,
)

HCM = (
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị số "
    "05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
)
TW4 = (
    "Việc xây dựng, thực hiện kế hoạch, giải pháp khắc phục, sửa chữa hạn chế, khuyết điểm theo "
    "tinh thần Nghị quyết Trung ương 4 (khóa XII)"
)
MEMBER = (
    "Việc thực hiện kế hoạch cá nhân học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
    "Minh và bản cam kết tu dưỡng, rèn luyện của đảng viên"
)
STRENGTHS = [
    "Chi bộ đã xây dựng kế hoạch thực hiện Chỉ thị 05-CT/TW sát với nhiệm vụ chính trị của đơn vị.",
    "100% đảng viên đăng ký bản cam kết tu dưỡng, rèn luyện và kế hoạch cá nhân.",
    "Sinh hoạt chuyên đề được tổ chức đều đặn, gắn với quy tắc ứng xử văn hóa công sở.",
    "Đảng viên gương mẫu, đoàn kết, hoàn thành tốt nhiệm vụ được giao.",
]
LIMITATIONS = [
    "Nội dung sinh hoạt chuyên đề có lúc còn chung chung, chưa gắn với việc cụ thể.",
    "Việc sơ kết, đánh giá kết quả làm theo chưa thường xuyên.",
    "Một số đảng viên chưa chủ động liên hệ bản thân trong sinh hoạt chi bộ.",
]
SHORTCOMINGS = [
    "Chưa xây dựng chuẩn mực riêng của chi bộ theo yêu cầu của Đảng ủy.",
    "Biên bản sinh hoạt chuyên đề ghi chép sơ sài, thiếu ý kiến thảo luận.",
    "Chưa tự kiểm điểm, đánh giá việc thực hiện kế hoạch khắc phục theo Nghị quyết TW4.",
    "Hồ sơ bản cam kết của đảng viên lưu giữ chưa đầy đủ.",
    "Chưa công khai kế hoạch khắc phục hạn chế, khuyết điểm trước tập thể.",
]
TASKS = {
    SHORTCOMINGS[0]: [
        "Xây dựng và ban hành chuẩn mực riêng của chi bộ",
        "Tổ chức cho đảng viên đăng ký thực hiện chuẩn mực riêng",
    ],
    SHORTCOMINGS[1]: ["Hoàn thiện biên bản sinh hoạt chuyên đề, ghi đầy đủ ý kiến thảo luận"],
    SHORTCOMINGS[2]: [
        "Tổ chức tự kiểm điểm việc thực hiện kế hoạch khắc phục theo Nghị quyết TW4",
        "Báo cáo kết quả khắc phục về Ủy ban Kiểm tra Đảng ủy",
    ],
    SHORTCOMINGS[3]: ["Bổ sung, lưu giữ đầy đủ hồ sơ bản cam kết của đảng viên"],
    SHORTCOMINGS[4]: ["Công khai kế hoạch khắc phục tại hội nghị chi bộ"],
}
TEAM = "Đồng chí Ủy viên Ủy ban Kiểm tra (Trưởng đoàn)\nĐồng chí Cán bộ Văn phòng Đảng ủy"


def _day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


@demo.register(order=60)
def build_inspections(ctx: demo.DemoContext) -> None:
    from documents.models import Document, StudyTopic

    rng = ctx.rng("inspections")
    directive = Document.objects.filter(number_symbol="05-CT/TW").first()
    term_topic = StudyTopic.objects.filter(code="CD-TK-XII").first()
    inspector = ctx.users.get("inspection")
    secretary = ctx.users.get("secretary")
    cells = list(ctx.cells)
    members = [
        person
        for person in ctx.data.get("people", [])
        if person.party_joined_on
        and person.party_joined_on.year < 2016
        and not person.moved_out_on
        and person.unit_id in {cell.pk for cell in cells}
    ]
    plans = save_many(
        SYSTEM,
        [
            InspectionPlan(
                committee=ctx.committee,
                year=year,
                number_symbol=f"{number:02d}-KH/ĐU",
                issued_on=_day(2016, 6, 10) if year == 2016 else _day(year, 1, 20),
                title=f"Kế hoạch kiểm tra, giám sát năm {year}",
                search_key=f"{year} {number:02d}-kh/du ke hoach kiem tra, giam sat nam {year}",
            )
            for number, year in enumerate(range(2016, 2021), start=2)
        ],
    )
    items: list[Inspection] = []
    for plan in plans:
        year = plan.year
        count = rng.randint(5, 8)
        chosen_cells = rng.sample(cells[1:], count - 2)
        if year in (2016, 2019, 2020):  # the demo secretary's cell is inspected too
            chosen_cells[0] = cells[0]
        subjects = [("unit", cell) for cell in chosen_cells]
        subjects += [("person", person) for person in rng.sample(members, 2)]
        first_month = 7 if year == 2016 else 3
        for number, (kind, subject) in enumerate(subjects, start=1):
            tw4 = kind == "unit" and (number % 2 == 0) and year >= 2017
            form = (
                Inspection.Form.SUPERVISION
                if tw4 or kind == "person"
                else (rng.choice([Inspection.Form.INSPECTION, Inspection.Form.SUPERVISION]))
            )
            month = min(first_month + (number - 1) * (11 - first_month) // len(subjects), 11)
            planned_from = _day(year, month, rng.randint(3, 12))
            item = Inspection(
                code=f"{'KT' if form == Inspection.Form.INSPECTION else 'GS'}-{year}-{number:02d}",
                form=form,
                year=year,
                plan=plan,
                regularity=Inspection.Regularity.THEMATIC
                if tw4
                else (Inspection.Regularity.REGULAR),
                subject_unit=subject if kind == "unit" else None,
                subject_person=subject if kind == "person" else None,
                content=MEMBER if kind == "person" else (TW4 if tw4 else HCM),
                document=None if tw4 else directive,
                study_topic=None if tw4 else term_topic,
                team=TEAM,
                planned_from=planned_from,
                planned_to=planned_from + dt.timedelta(days=20),
            )
            # The 2020 review stops at 30/06/2020: later items are under way or still planned.
            if year == 2020 and month >= 7:
                if number % 2:
                    item.state = Inspection.State.IN_PROGRESS
                    item.started_on = planned_from
                items.append(item)
                continue
            item.state = Inspection.State.CONCLUDED
            item.started_on = planned_from
            item.ended_on = planned_from + dt.timedelta(days=rng.randint(7, 18))
            item.concluded_on = item.ended_on + dt.timedelta(days=rng.randint(5, 15))
            item.conclusion_number = f"{len(items) + 10}-TB/ĐU"
            item.team_report = (
                f"Đoàn đã làm việc với {subject}, nghiên cứu hồ sơ, biên bản sinh hoạt, bản "
                "cam kết của đảng viên và báo cáo kết quả với Thường trực Đảng ủy."
            )
            item.conclusion = (
                f"{subject} đã thực hiện cơ bản tốt nội dung được {item.get_form_display().lower()}"
                "; còn một số hạn chế, khuyết điểm cần khắc phục trong thời gian tới."
                if kind == "unit"
                else f"Đồng chí {subject} đã thực hiện tốt kế hoạch cá nhân và bản cam kết."
            )
            items.append(item)
    for item in items:
        item.fill_keys()
    save_many(SYSTEM, items)
    concluded = [item for item in items if item.concluded_on]
    _findings_and_tasks(rng, concluded, inspector, secretary, cells[0])
    tasks = Remediation.objects.count()
    ctx.log(
        f"  {len(plans)} kế hoạch, {len(items)} cuộc kiểm tra, giám sát, {tasks} việc khắc phục"
    )


def _findings_and_tasks(rng, items: list[Inspection], inspector, secretary, first_cell) -> None:
    findings: list[Finding] = []
    for item in items:
        findings.append(
            Finding(inspection=item, kind=Finding.Kind.STRENGTH, text=rng.choice(STRENGTHS))
        )
        if item.subject_person_id:
            continue
        findings.append(
            Finding(inspection=item, kind=Finding.Kind.LIMITATION, text=rng.choice(LIMITATIONS))
        )
        for text in rng.sample(SHORTCOMINGS, rng.randint(1, 2)):
            findings.append(Finding(inspection=item, kind=Finding.Kind.SHORTCOMING, text=text))
    save_many(SYSTEM, findings)
    cutoff = dt.date(2020, 6, 30)
    tasks: list[Remediation] = []
    for finding in findings:
        if finding.kind != Finding.Kind.SHORTCOMING:
            continue
        item = finding.inspection
        concluded_on = item.concluded_on
        assert concluded_on is not None  # findings are written for concluded items only
        for content in TASKS[finding.text]:
            deadline = concluded_on + dt.timedelta(days=rng.choice([45, 60, 90, 120]))
            roll = rng.random()
            completed_on: dt.date | None
            if item.year >= 2019 and roll < 0.25:
                completed_on = None  # still open, and late now
            elif roll < 0.85:
                completed_on = deadline - dt.timedelta(days=rng.randint(3, 30))
            else:
                completed_on = deadline + dt.timedelta(days=rng.randint(5, 40))
            if completed_on and completed_on > cutoff:
                completed_on = None
            if item.year == 2020 and item.subject_unit_id == first_cell.pk:
                completed_on = None  # the demo secretary has work to report
            tasks.append(
                Remediation(
                    inspection=item,
                    finding=finding,
                    content=content,
                    deadline=deadline,
                    completed_on=completed_on,
                    created_on=concluded_on,
                    responsible_unit=item.subject_unit,
                    state=Remediation.State.VERIFIED if completed_on else Remediation.State.OPEN,
                    verified_by=inspector if completed_on else None,
                )
            )
    for task in tasks:
        task.fill_keys(task.inspection)
    save_many(SYSTEM, tasks)
    submissions = []
    open_tasks = [task for task in tasks if not task.completed_on]
    for task in tasks:
        if task.completed_on:
            submissions.append(
                RemediationSubmission(
                    remediation=task,
                    text=f"Chi bộ đã thực hiện: {task.content.lower()}; gửi kèm biên bản.",
                    submitted_on=task.completed_on - dt.timedelta(days=2),
                    submitted_by=secretary,
                    outcome=RemediationSubmission.Outcome.VERIFIED,
                    reviewed_by=inspector,
                    reviewed_on=task.completed_on,
                )
            )
    # A couple of open tasks have a report waiting for the inspector.
    for task in open_tasks[-2:]:
        task.state = Remediation.State.SUBMITTED
        submissions.append(
            RemediationSubmission(
                remediation=task,
                text=f"Chi bộ đã triển khai: {task.content.lower()}.",
                submitted_on=max(task.created_on, min(task.deadline, dt.date(2020, 6, 25))),
                submitted_by=secretary,
            )
        )
    save_many(SYSTEM, open_tasks[-2:], ["state"])
    save_many(SYSTEM, submissions)
