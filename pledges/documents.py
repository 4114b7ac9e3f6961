"""The pledge as a one-page form in the party's format, with the places to sign."""

from __future__ import annotations

from typing import Any

from exporters import registry
from exporters.party import Paragraph, PartyDocument, Signer, render_docx, render_pdf
from organisation.profile import profile_of

from .models import Pledge


def pledge_document(pledge: Pledge) -> PartyDocument:
    person = pledge.person
    cell = person.unit
    profile = profile_of(cell)
    blocks: list[Any] = [
        Paragraph(f"Năm {pledge.year}", bold=True, align="center"),
        Paragraph(f"Họ và tên: {person.full_name}", align="left"),
        Paragraph(f"Chức vụ: {person.position or '…'}", align="left"),
        Paragraph(f"Sinh hoạt tại: {cell.name}", align="left"),
    ]
    for line in pledge.content.splitlines():
        if line.strip():
            blocks.append(Paragraph(line.strip()))
    if pledge.confirmed_at:
        blocks.append(
            Paragraph(
                f"Chi bộ đã xác nhận ngày {pledge.confirmed_at:%d/%m/%Y}.",
                italic=True,
                align="left",
            )
        )
    if pledge.version > 1:
        blocks.append(Paragraph(f"Phiên bản {pledge.version}", italic=True, align="left"))
    return PartyDocument(
        superior_body=profile.superior_body,
        issuing_body=profile.issuing_body,
        number_symbol="",
        place=profile.place,
        date=pledge.registered_on,
        doc_type="BẢN CAM KẾT",
        summary="tu dưỡng, rèn luyện, phấn đấu học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh",
        blocks=blocks,
        # The cell confirms on the left, the member signs on the right; room for both.
        signers=[
            Signer("BÍ THƯ", profile.secretary, "XÁC NHẬN CỦA CHI BỘ"),
            Signer("NGƯỜI CAM KẾT", person.full_name),
        ],
        recipients=None,
        title=f"Bản cam kết {pledge.year} — {person.full_name}",
    )


def pledge_file(pledge: Pledge, fmt: str) -> tuple[str, str, bytes]:
    document = pledge_document(pledge)
    name = f"cam-ket-{pledge.year}-{pledge.person.code}"
    if fmt == "pdf":
        return f"{name}.pdf", registry.PDF, render_pdf(document)
    return f"{name}.docx", registry.DOCX, render_docx(document)


@registry.register
class PledgeExporter(registry.Exporter):
    identifier = "pledge"
    name = "Bản cam kết"
    form_fields = {"pledge": "int", "format": "docx|pdf"}

    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        pledge = Pledge.objects.select_related("person", "person__unit").get(pk=params["pledge"])
        return pledge_file(pledge, params.get("format", "docx"))
