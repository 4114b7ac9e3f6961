"""Rendering long documents in bounded memory (issue 18: a report with 1,000 cells).

A document's appendix is cut into parts of at most CHUNK_ROWS table rows, whole blocks each.
PDF: the document with the first part is laid out by WeasyPrint, then every further part
alone (its page numbers continuing), and pypdf joins the pages; WeasyPrint never holds more
than one part's layout. Word: python-docx builds the document with a marker paragraph in
place of each table; each table is then built alone in a scratch document, serialised, and
written into `word/document.xml` as the zip is copied, so no table is held longer than it
takes to write it (python-docx also reads a long table's cells in quadratic time).
A short document is one part, rendered exactly as before.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Iterator

from .party import Block, PartyDocument, Table

CHUNK_ROWS = 400
MARKER = "\u2063TABLE-{}\u2063"  # an invisible separator around the table's number


def parts(blocks: list[Block], limit: int = CHUNK_ROWS) -> list[list[Block]]:
    """The blocks in order, cut between blocks so that no part passes `limit` rows."""
    result: list[list[Block]] = []
    current: list[Block] = []
    rows = 0
    for block in blocks:
        size = len(block.rows) + 1 if isinstance(block, Table) else 1
        if current and rows + size > limit:
            result.append(current)
            current, rows = [], 0
        current.append(block)
        rows += size
    if current:
        result.append(current)
    return result


def pdf(document: PartyDocument) -> bytes:
    """The PDF, part by part when the appendix is long."""
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    from .fonts import font_face_css, font_stack
    from .party import render_html

    pieces = parts(document.appendix)
    if len(pieces) <= 1:
        return HTML(string=render_html(document)).write_pdf()
    from pypdf import PdfWriter

    writer = PdfWriter()
    first = dataclasses.replace(document, appendix=pieces[0])
    pages = _append(writer, HTML(string=render_html(first)).write_pdf())
    for piece in pieces[1:]:
        with translation.override("vi"):
            page = render_to_string(
                "exporters/party_continued.html",
                {
                    "doc": document,
                    "blocks": piece,
                    "first_page": pages + 1,
                    "font_faces": font_face_css(),
                    "font_stack": font_stack(),
                },
            )
        pages += _append(writer, HTML(string=page).write_pdf())
    writer.add_metadata({"/Title": document.title or document.summary})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _append(writer, data: bytes) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    writer.append(reader)
    return len(reader.pages)


def docx(document: PartyDocument) -> bytes:
    """The Word file, each table written into the package as it is built."""
    from .party_docx import build_docx, table_writer

    tables: list[Table] = []
    built = build_docx(document, tables=tables)
    package = io.BytesIO()
    built.save(package)
    del built
    out = io.BytesIO()
    with (
        zipfile.ZipFile(package) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item, source.read(item.filename))
                continue
            text = source.read(item.filename).decode()
            with target.open(item.filename, "w") as stream:
                for piece in _document_xml(text, tables, table_writer()):
                    stream.write(piece.encode())
    return out.getvalue()


def _document_xml(text: str, tables: list[Table], render) -> Iterator[str]:
    """document.xml with each marker paragraph replaced by its table's XML."""
    position = 0
    for index, table in enumerate(tables):
        marker = text.index(MARKER.format(index), position)
        start = max(text.rfind("<w:p>", position, marker), text.rfind("<w:p ", position, marker))
        end = text.index("</w:p>", marker) + len("</w:p>")
        yield text[position:start]
        yield render(table)
        position = end
    yield text[position:]
