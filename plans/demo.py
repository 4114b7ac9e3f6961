"""The demo committee's plans for 2016–2020, in the spirit of the source article.

Each year's plan (kế hoạch thực hiện Chỉ thị 05) sets the targets the article reports on —
every member pledges, personal plans, ratings of at least "good", thematic meetings each
quarter, remediation on time — and the breakthrough areas it names: office culture, grassroots
democracy, fighting corruption and waste, conduct among cadres. The targets are the article's
ambitions, not the demo's results: progress is measured from the records, so some years meet
them and some (personal plans, remediation in 2019–2020) do not.
"""

from __future__ import annotations

import datetime as dt

from activities.models import Activity
from core import demo
from inspections.models import Inspection
from meetings.models import FocusArea

from . import services

YEARS = range(2016, 2021)
NUMBERS = {2016: "12-KH/ĐU", 2017: "25-KH/ĐU", 2018: "38-KH/ĐU", 2019: "51-KH/ĐU", 2020: "64-KH/ĐU"}
PURPOSE = (
    "Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo "
    "Chỉ thị số 05-CT/TW của Bộ Chính trị, gắn với thực hiện Nghị quyết Trung ương 4 (khóa "
    "XII) và nhiệm vụ chính trị của cơ quan.\n"
    "Việc học tập và làm theo phải thiết thực, có chỉ tiêu đo được, có sản phẩm cụ thể; mỗi "
    "chi bộ, mỗi đảng viên xây dựng kế hoạch và cam kết thực hiện."
)
# (figure, comparison, value, month, day, wording)
TARGETS = [
    (
        "pledges_percent",
        "gte",
        100,
        12,
        31,
        "100% đảng viên đăng ký bản cam kết tu dưỡng, rèn luyện",
    ),
    (
        "personal_plans_percent",
        "gte",
        90,
        12,
        31,
        "Ít nhất 90% đảng viên xây dựng kế hoạch cá nhân",
    ),
    (
        "cells_thematic_quarterly_percent",
        "gte",
        100,
        12,
        31,
        "Mỗi chi bộ sinh hoạt chuyên đề mỗi quý",
    ),
    (
        "good_or_better_percent",
        "gte",
        90,
        12,
        31,
        "Trên 90% đảng viên hoàn thành tốt nhiệm vụ trở lên",
    ),
    ("excellent_percent", "gte", 15, 12, 31, "Trên 15% đảng viên hoàn thành xuất sắc nhiệm vụ"),
    ("remediations_late", "lte", 0, 12, 31, "Mọi nhiệm vụ khắc phục hoàn thành đúng hạn"),
    (
        "inspections_concluded_percent",
        "gte",
        100,
        12,
        31,
        "Kết luận 100% cuộc kiểm tra, giám sát theo kế hoạch",
    ),
]
ITEMS = [
    ("Quán triệt kế hoạch, chuyên đề năm đến toàn thể đảng viên", 3, 31, True),
    ("Đăng ký bản cam kết tu dưỡng, rèn luyện và kế hoạch cá nhân", 3, 31, True),
    ("Xây dựng, bổ sung chuẩn mực riêng của chi bộ", 6, 30, True),
    ("Sơ kết 6 tháng việc thực hiện kế hoạch", 7, 15, False),
    ("Đánh giá, xếp loại chất lượng đảng viên gắn với kết quả học tập và làm theo", 12, 20, True),
]
AREAS = [
    (
        "Văn hóa công sở",
        [
            "Sinh hoạt chuyên đề về văn hóa công sở gắn với tấm gương đạo đức Hồ Chí Minh",
            "Niêm yết quy tắc ứng xử tại các phòng, đơn vị",
        ],
        "",
    ),
    (
        "Thực hành dân chủ cơ sở",
        [
            "Tổ chức hội nghị cán bộ, công chức, viên chức đúng quy định",
            "Công khai kế hoạch, kết quả kiểm tra, giám sát tại chi bộ",
        ],
        "inspection",
    ),
    (
        "Phòng, chống tham nhũng, lãng phí",
        ["Kiểm tra việc thực hành tiết kiệm, chống lãng phí tại các đơn vị sự nghiệp"],
        "inspection",
    ),
    (
        "Văn hóa ứng xử trong cán bộ, đảng viên",
        ["Phát động các phong trào thiện nguyện, văn hóa, thể thao trong cán bộ, đảng viên"],
        "activity",
    ),
]


@demo.register(order=70)
def build_plans(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("plans")
    committee, cells = ctx.committee, ctx.cells
    office = ctx.users.get("office")
    focus = {area.name: area for area in FocusArea.objects.filter(committee=committee)}
    for year in YEARS:
        issued = dt.date(2016, 6, 20) if year == 2016 else dt.date(year, 1, 10)
        plan = services.plan_create(
            user=office,  # the plans name the office that wrote them
            committee=committee,
            year=year,
            number_symbol=NUMBERS[year],
            issued_on=issued,
            title=(
                f"thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo "
                f"đức, phong cách Hồ Chí Minh năm {year}"
            ),
            purpose=PURPOSE,
        )
        for figure, comparison, value, month, day, note in TARGETS:
            if year == 2020 and figure in ("good_or_better_percent", "excellent_percent"):
                continue  # the 2020 rating round lies beyond the article
            services.target_save(
                user=office,
                plan=plan,
                figure=figure,
                comparison=comparison,
                value=value,
                due=dt.date(year, month, day),
                note=note,
            )
        for content, month, day, by_cells in ITEMS:
            deadline = max(dt.date(year, month, day), issued + dt.timedelta(days=30))
            services.item_save(
                user=office,
                plan=plan,
                content=content,
                deadline=deadline,
                responsible_text="Văn phòng Đảng ủy" if not by_cells else "",
                done_on=deadline - dt.timedelta(days=rng.randint(0, 10)),
                responsible_units=cells if by_cells else (),
            )
        activities = list(
            Activity.objects.filter(unit__path__startswith=committee.path, date__year=year)
        )
        inspections = list(
            Inspection.objects.filter(year=year, subject_unit__path__startswith=committee.path)
        )
        for prefix, actions, tagged in AREAS:
            area_focus = next((a for name, a in focus.items() if name.startswith(prefix)), None)
            if area_focus is None:
                continue
            some_activities = (
                rng.sample(activities, min(3, len(activities)))
                if tagged == "activity" and activities
                else []
            )
            some_inspections = (
                rng.sample(inspections, min(2, len(inspections)))
                if tagged == "inspection" and inspections
                else []
            )
            services.area_save(
                user=office,
                plan=plan,
                focus_area=area_focus,
                actions="\n".join(actions),
                activities=some_activities,
                inspections=some_inspections,
            )
    ctx.log(f"  plans: {len(YEARS)} yearly plans with targets and breakthrough areas")
