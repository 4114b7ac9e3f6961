"""The plan printed in the party's format: KẾ HOẠCH Số …-KH/ĐU."""

from __future__ import annotations

from decimal import Decimal

from core import vn
from exporters.party import Heading, Paragraph, PartyDocument, Table
from organisation.models import Unit

from .catalogue import FIGURES, PERCENT
from .models import Plan, Target


def issuer(committee) -> str:
    return f"ĐẢNG ỦY {committee.name.removeprefix('Đảng bộ ').upper()}"


def target_text(target: Target) -> str:
    """'Tỷ lệ …: tối thiểu 100% (đến 31/03/2020)' — the plan's wording when it has one."""
    figure = FIGURES.get(target.figure)
    value: Decimal = target.value
    shown = (
        vn.format_percent(value)
        if figure and figure.kind == PERCENT
        else vn.format_number(value, 0 if value == value.to_integral_value() else 2)
    )
    comparison = "tối thiểu" if target.comparison == Target.Comparison.AT_LEAST else "tối đa"
    label = target.note or (str(figure.label) if figure else target.figure)
    return f"{label}: {comparison} {shown} (đến ngày {vn.format_date(target.due)})"


def _responsible(item, cells_total: int) -> str:
    """The units' names, or "Các chi bộ" when the task falls to every cell."""
    units = list(item.responsible_units.all())
    names = [unit.name for unit in units]
    if cells_total > 1 and len(units) == cells_total and all(u.kind == "cell" for u in units):
        names = ["Các chi bộ"]
    if item.responsible_text:
        names.insert(0, item.responsible_text)
    return "; ".join(names)


def plan_document(plan: Plan) -> PartyDocument:
    """Purpose, targets, the items table, the breakthrough areas, organisation."""
    committee = plan.committee
    blocks: list = [Heading("I. MỤC ĐÍCH, YÊU CẦU")]
    for line in (plan.purpose or "").splitlines():
        if line.strip():
            blocks.append(Paragraph(line.strip()))
    targets = list(plan.targets.all())
    if targets:
        blocks.append(Heading("II. CHỈ TIÊU"))
        blocks.extend(Paragraph(f"- {target_text(target)}.") for target in targets)
    blocks.append(Heading("III. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN"))
    cells_total = Unit.objects.filter(path__startswith=committee.path, kind=Unit.Kind.CELL).count()
    rows = [
        [number, item.content, _responsible(item, cells_total), vn.format_date(item.deadline)]
        for number, item in enumerate(plan.items.all(), start=1)
    ]
    blocks.append(
        Table(["STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"], rows, widths=[0.5, 5, 2.5, 1.4])
    )
    areas = list(plan.areas.all())
    if areas:
        blocks.append(Heading("IV. NỘI DUNG ĐỘT PHÁ"))
        for number, area in enumerate(areas, start=1):
            blocks.append(Heading(f"{number}. {area.focus_area.name}", level=2))
            blocks.extend(Paragraph(f"- {action}") for action in area.action_lines)
    blocks.append(Heading(f"{'V' if areas else 'IV'}. TỔ CHỨC THỰC HIỆN"))
    blocks.append(
        Paragraph(
            "Văn phòng Đảng ủy giúp Đảng ủy theo dõi, đôn đốc việc thực hiện kế hoạch; các chi "
            "bộ xây dựng kế hoạch của chi bộ và báo cáo kết quả theo thời hạn trên."
        )
    )
    return PartyDocument(
        superior_body=committee.superior_body,
        issuing_body=issuer(committee),
        number_symbol=plan.number_symbol or "   -KH/ĐU",
        place=committee.place or "Hà Nội",
        date=plan.issued_on,
        doc_type="KẾ HOẠCH",
        summary=plan.title,
        blocks=blocks,
        recipients=["Các chi bộ trực thuộc", "Ủy ban Kiểm tra Đảng ủy"],
        title=str(plan),
    )
