"""The printable plan (KẾ HOẠCH …-KH/ĐU) and conclusion notice (THÔNG BÁO KẾT LUẬN …-TB/ĐU)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core import vn
from exporters import registry
from exporters.party import Heading, Paragraph, PartyDocument, Table
from organisation.profile import committee_fields

from .models import Finding, Inspection, InspectionPlan

FORM_LABEL: dict[str, str] = {
    Inspection.Form.INSPECTION: "Kiểm tra",
    Inspection.Form.SUPERVISION: "Giám sát",
}
REGULARITY_LABEL: dict[str, str] = {
    Inspection.Regularity.REGULAR: "thường xuyên",
    Inspection.Regularity.THEMATIC: "chuyên đề",
}


def _subject(item: Inspection) -> str:
    if item.subject_unit_id:
        return item.subject_unit.name
    person = item.subject_person
    return f"Đồng chí {person.full_name} ({person.unit.name})"


def _period(item: Inspection) -> str:
    if item.planned_from and item.planned_to:
        return f"{vn.format_date(item.planned_from)} – {vn.format_date(item.planned_to)}"
    return vn.format_date(item.planned_from or item.planned_to)


def _committee_document(
    committee: Any, *, kind: str, number: str, recipients: list[str], **fields: Any
) -> PartyDocument:
    """A document issued by `committee`: header, signer and recipients of its profile."""
    profile = committee_fields(committee, kind=kind, number=number)
    profile["recipients"] = list(dict.fromkeys([*recipients, *profile["recipients"]]))
    return PartyDocument(**profile, **fields)


def plan_document(plan: InspectionPlan) -> PartyDocument:
    """The year's plan: purpose, the table of items, organisation of the work."""
    committee = plan.committee
    items = list(
        plan.items.select_related(
            "subject_unit", "subject_person__unit", "document", "study_topic"
        ).order_by("planned_from", "code")
    )
    rows = []
    for number, item in enumerate(items, start=1):
        content = item.content
        if item.document_id:
            content += f" (theo {item.document.number_symbol})"
        if item.study_topic_id:
            content += f" (chuyên đề: {item.study_topic.title})"
        rows.append(
            [
                number,
                f"{FORM_LABEL[item.form]} {REGULARITY_LABEL[item.regularity]}",
                _subject(item),
                content,
                item.team.replace("\n", "; "),
                _period(item),
            ]
        )
    blocks = [
        Heading("I. MỤC ĐÍCH, YÊU CẦU"),
        Paragraph(
            "Kiểm tra, giám sát việc chấp hành Cương lĩnh, Điều lệ Đảng, nghị quyết, chỉ thị "
            "của Đảng; chú trọng việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
            "Minh và việc xây dựng, thực hiện kế hoạch khắc phục hạn chế, khuyết điểm theo tinh "
            "thần Nghị quyết Trung ương 4 (khóa XII)."
        ),
        Paragraph(
            "Việc kiểm tra, giám sát phải đúng nguyên tắc, phương pháp, quy trình; kết luận rõ ưu "
            "điểm, hạn chế, khuyết điểm và theo dõi việc khắc phục đến cùng."
        ),
        Heading("II. NỘI DUNG, ĐỐI TƯỢNG VÀ THỜI GIAN"),
        Table(
            ["STT", "Hình thức", "Đối tượng", "Nội dung", "Đoàn", "Thời gian"],
            rows,
            widths=[0.5, 1.3, 2, 4, 2, 1.6],
        ),
        Heading("III. TỔ CHỨC THỰC HIỆN"),
        Paragraph(
            "Ủy ban Kiểm tra Đảng ủy giúp Đảng ủy tổ chức thực hiện kế hoạch; các chi bộ, đảng "
            "viên là đối tượng kiểm tra, giám sát chuẩn bị báo cáo và tài liệu theo yêu cầu của "
            "đoàn."
        ),
    ]
    return _committee_document(
        committee,
        kind="KH",
        number=plan.number_symbol,
        date=plan.issued_on,
        doc_type="KẾ HOẠCH",
        summary=f"kiểm tra, giám sát năm {plan.year}",
        blocks=blocks,
        recipients=["Ủy ban Kiểm tra Đảng ủy", "Các chi bộ trực thuộc"],
        title=plan.display_title,
    )


def conclusion_notice(inspection: Inspection) -> PartyDocument:
    """Thông báo kết luận: the conclusion, the findings and the remediation required."""
    committee = inspection.plan.committee if inspection.plan_id else _committee_for(inspection)
    findings = list(inspection.findings.all())
    tasks = list(inspection.remediations.select_related("responsible_unit", "responsible_person"))
    form = FORM_LABEL[inspection.form].lower()
    blocks: list = [
        Paragraph(
            f"Thực hiện kế hoạch kiểm tra, giám sát năm {inspection.year}, từ ngày "
            f"{vn.format_date(inspection.started_on)} đến ngày "
            f"{vn.format_date(inspection.ended_on or inspection.concluded_on)}, đoàn {form} "
            f"đã tiến hành {form} đối với {_subject(inspection)} về: {inspection.content}"
        ),
        Paragraph(f"Xét báo cáo của đoàn {form}, Đảng ủy kết luận như sau:"),
        Heading("I. KẾT LUẬN"),
        Paragraph(inspection.conclusion),
    ]
    headings = {
        Finding.Kind.STRENGTH: "Ưu điểm",
        Finding.Kind.LIMITATION: "Hạn chế",
        Finding.Kind.SHORTCOMING: "Khuyết điểm",
    }
    for number, (kind, label) in enumerate(headings.items(), start=1):
        texts = [finding.text for finding in findings if finding.kind == kind]
        if texts:
            blocks.append(Heading(f"{number}. {label}", level=2))
            blocks.extend(Paragraph(f"- {text}") for text in texts)
    if tasks:
        blocks.append(Heading("II. YÊU CẦU KHẮC PHỤC"))
        blocks.append(
            Table(
                ["STT", "Nội dung khắc phục", "Chịu trách nhiệm", "Thời hạn"],
                [
                    [
                        number,
                        task.content,
                        (task.responsible_unit or task.responsible_person or "").__str__(),
                        vn.format_date(task.deadline),
                    ]
                    for number, task in enumerate(tasks, start=1)
                ],
                widths=[0.5, 5, 2.5, 1.5],
            )
        )
        blocks.append(
            Paragraph(
                "Đối tượng báo cáo kết quả khắc phục kèm tài liệu chứng minh với Ủy ban Kiểm tra "
                "Đảng ủy trước thời hạn nêu trên."
            )
        )
    return _committee_document(
        committee,
        kind="TB",
        number=inspection.conclusion_number,
        date=inspection.concluded_on,
        doc_type="THÔNG BÁO KẾT LUẬN",
        summary=f"{form} đối với {_subject(inspection)}",
        blocks=blocks,
        recipients=[_subject(inspection), "Ủy ban Kiểm tra Đảng ủy"],
        title=f"Thông báo kết luận {inspection.code}",
    )


def _committee_for(inspection: Inspection) -> Any:
    from organisation.selectors import committee_of

    return committee_of(inspection.subject_unit or inspection.subject_person.unit)


@registry.register
class PlanExporter(registry.Exporter):
    identifier = "inspections.plan"
    name = _("Inspection and supervision plan")
    form_fields = {"plan": "InspectionPlan pk", "format": "docx or pdf"}

    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        plan = InspectionPlan.objects.select_related("committee").get(pk=params["plan"])
        stem = f"ke-hoach-kiem-tra-{plan.year}"
        return registry.rendered(plan_document(plan), params.get("format", "docx"), stem)


@registry.register
class ConclusionExporter(registry.Exporter):
    identifier = "inspections.conclusion"
    name = _("Conclusion notice")
    form_fields = {"inspection": "Inspection pk", "format": "docx or pdf"}

    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        inspection = Inspection.objects.get(pk=params["inspection"])
        stem = f"thong-bao-ket-luan-{inspection.code}"
        return registry.rendered(conclusion_notice(inspection), params.get("format", "docx"), stem)
