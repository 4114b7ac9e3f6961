"""Writing the workbook a clerk works in, in openpyxl's write-only mode (small, fast).

Every sheet gets readable column widths, a frozen header row with filters, a comment on
each header cell, a drop-down list on each choice column and real date cells shown
dd/mm/yyyy; the first sheet "Hướng dẫn" explains the others (the importer skips it). The
empty template is the same workbook without data.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import vn

from .registry import Column, SheetHandler, handlers

GUIDE_SHEET = "Hướng dẫn"
DATE_FORMAT = "dd/mm/yyyy"
HEADER_FILL = PatternFill("solid", start_color="FFE8EEF7")
VALIDATION_ROWS = 20000  # drop-down lists reach this far below the data


def _width(column: Column) -> int:
    if column.width:
        return column.width
    if column.is_date:
        return max(len(column.header) + 3, 13)
    if column.choices:
        return max(len(column.header), *(len(label) for label in column.choices)) + 4
    if column.is_code:
        return max(len(column.header) + 4, 14)
    return max(len(column.header) + 4, 30)


def _date(value: Any) -> Any:
    """Export rows may give dates as dd/mm/yyyy text or as dates: write a date cell."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and value:
        try:
            return vn.parse_date(value)
        except ValueError:
            return value
    return value


def _cell(sheet: Any, column: Column, value: Any) -> Any:
    if column.is_date:
        value = _date(value)
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = DATE_FORMAT
            return cell
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            # Text that starts with "=" stays text: openpyxl would write a formula, which
            # reads back empty (and is a formula-injection risk in the user's Excel).
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value or None
    return value


def _header(sheet: Any, handler: SheetHandler) -> list[WriteOnlyCell]:
    cells = []
    for column in handler.columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        note = str(column.help or "")
        if column.choices:
            one_of = _("One of: %(choices)s.") % {"choices": ", ".join(column.choices)}
            note = f"{note}\n{one_of}".strip()
        status = _("Required.") if column.required else _("Optional.")
        cell.comment = Comment(f"{status} {note}".strip(), "dangbo", width=320, height=120)
        cells.append(cell)
    return cells


def _setup(sheet: Any, handler: SheetHandler) -> None:
    """Widths, frozen header and drop-down lists; set before the first row is written."""
    sheet.freeze_panes = "A2"
    for index, column in enumerate(handler.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _width(column)
        if column.choices:
            formula = '"' + ",".join(column.choices) + '"'
            if len(formula) <= 257:  # Excel's limit for a list written in the rule itself
                rule = DataValidation(type="list", formula1=formula, allow_blank=True)
                rule.error = _("Choose one of the values in the list.")
                rule.errorTitle = column.header
                rule.showErrorMessage = True
                rule.add(f"{letter}2:{letter}{VALIDATION_ROWS}")
                sheet.data_validations.append(rule)


def _guide(book: Workbook) -> None:
    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 90
    title = WriteOnlyCell(guide, value=_("How to fill in this workbook"))
    title.font = Font(bold=True, size=14)
    guide.append([title])
    for line in (
        _("Row 1 of each sheet holds the column headers; data starts on row 2."),
        _("Each header cell has a comment that explains the column."),
        _("Dates are dd/mm/yyyy; choice columns offer a drop-down list."),
        _("A sheet that is absent is not imported; this sheet is never imported."),
        _("A workbook with any error imports nothing; every error is listed with its row."),
    ):
        guide.append([None, line])
    guide.append([])
    heads = [WriteOnlyCell(guide, value=_("Sheet")), WriteOnlyCell(guide, value=_("What it holds"))]
    for cell in heads:
        cell.font = Font(bold=True)
    guide.append(heads)
    for handler in handlers():
        guide.append([handler.sheet, str(handler.description)])


def workbook_export(
    committee: Any,
    *,
    template: bool = False,
    progress: Callable[[int, str], None] | None = None,
) -> bytes:
    """The committee's records in the workbook shape; `template` gives headers only."""
    book = Workbook(write_only=True)
    _guide(book)
    chosen = handlers()
    for index, handler in enumerate(chosen):
        if progress is not None:
            progress(5 + 90 * index // len(chosen), handler.sheet)
        sheet = book.create_sheet(handler.sheet)
        _setup(sheet, handler)
        sheet.append(_header(sheet, handler))
        count = 1
        if not template and committee is not None:
            for row in handler.export_rows(committee):
                sheet.append(
                    [
                        _cell(sheet, column, value)
                        for column, value in zip(handler.columns, row, strict=False)
                    ]
                )
                count += 1
        last = get_column_letter(len(handler.columns))
        sheet.auto_filter.ref = f"A1:{last}{count}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
