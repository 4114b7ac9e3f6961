"""Import and export of the committee workbook, all or nothing."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from . import fastread
from .registry import (
    CellError,
    ImportContext,
    ImportError_,
    Row,
    SheetHandler,
    SheetPlan,
    handlers,
    normalise_header,
)

GUIDE_SHEET = "Hướng dẫn"
fastread.install()


@dataclass
class ImportResult:
    errors: list[ImportError_] = field(default_factory=list)
    plans: dict[str, SheetPlan] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_rows(worksheet: Any, handler: SheetHandler, ctx: ImportContext) -> list[Row] | None:
    # Some programs write a wrong <dimension> (e.g. "A1"); read every row whatever it says.
    worksheet.reset_dimensions()
    rows_iter = worksheet.iter_rows(values_only=True)
    header = next(rows_iter, None) or ()
    positions: dict[str, int] = {}
    wanted = {normalise_header(column.header): column for column in handler.columns}
    for index, title in enumerate(header):
        column = wanted.get(normalise_header(title))
        if column and column.key not in positions:
            positions[column.key] = index
    # Optional columns may be left out: such a row has no key for them, so that a handler
    # can tell "blank" (clear it) from "absent" (keep what the database holds).
    missing = [
        column.header
        for column in handler.columns
        if column.key not in positions and (column.required or not column.optional)
    ]
    if missing:
        ctx.error(
            handler.sheet,
            1,
            None,
            _("missing column(s): %(columns)s.") % {"columns": ", ".join(missing)},
        )
        return None
    rows: list[Row] = []
    for number, raw in enumerate(rows_iter, start=2):
        if raw is None or all(value is None or str(value).strip() == "" for value in raw):
            continue
        values: dict[str, Any] = {}
        for column in handler.columns:
            if column.key not in positions:
                continue
            index = positions[column.key]
            value = raw[index] if index < len(raw) else None
            try:
                parsed = column.parse(value) if column.parse else value
            except CellError as exc:
                ctx.error(handler.sheet, number, column.header, str(exc))
                parsed = None
                values.setdefault("_invalid", set()).add(column.key)
            if parsed is None and column.required and column.key not in values.get("_invalid", ()):
                ctx.error(handler.sheet, number, column.header, _("this cell is required."))
                values.setdefault("_invalid", set()).add(column.key)
            values[column.key] = parsed
        rows.append(Row(number=number, values=values))
    return rows


def workbook_check(
    file: IO[bytes] | str, *, user: Any = None
) -> tuple[ImportResult, ImportContext]:
    """Read and check every sheet present; change nothing."""
    result = ImportResult()
    ctx = ImportContext(user=user)
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError, Exception) as exc:  # noqa: BLE001
        # openpyxl raises many kinds of error on a file that is not a workbook.
        result.errors.append(
            ImportError_(
                _("File"),
                None,
                None,
                _("this is not a readable .xlsx workbook (%(error)s).")
                % {"error": exc.__class__.__name__},
            )
        )
        return result, ctx
    by_name = {normalise_header(name): name for name in book.sheetnames}
    try:
        for handler in handlers():
            name = by_name.get(normalise_header(handler.sheet))
            if name is None:
                continue
            result.sheets.append(handler.sheet)
            rows = _read_rows(book[name], handler, ctx)
            if rows is not None:
                handler.check(rows, ctx)
    finally:
        book.close()
    if not result.sheets:
        ctx.error(_("File"), None, None, _("the workbook has none of the expected sheets."))
    result.errors, result.plans = _in_reading_order(ctx.errors), ctx.plans
    return result, ctx


def _in_reading_order(errors: list[ImportError_]) -> list[ImportError_]:
    """Errors by sheet (import order), row, then column (left to right)."""
    sheets = {handler.sheet: index for index, handler in enumerate(handlers())}
    columns = {
        (handler.sheet, column.header): index
        for handler in handlers()
        for index, column in enumerate(handler.columns)
    }
    return sorted(
        errors,
        key=lambda error: (
            sheets.get(error.sheet, -1),
            error.row or 0,
            columns.get((error.sheet, error.column), -1),
        ),
    )


def workbook_import(
    file: IO[bytes] | str, *, user: Any = None, dry_run: bool = False
) -> ImportResult:
    """Import every sheet present, or nothing at all if any row of any sheet has an error."""
    result, ctx = workbook_check(file, user=user)
    if result.errors or dry_run:
        return result
    with transaction.atomic():
        for handler in handlers():
            if handler.sheet in result.sheets:
                handler.apply(ctx)
    result.applied = True
    return result


def _header_row(sheet: Any, handler: SheetHandler, with_comments: bool) -> list[WriteOnlyCell]:
    cells = []
    for column in handler.columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        if with_comments and column.help:
            cell.comment = Comment(column.help, "dangbo")
        cells.append(cell)
    return cells


def _text_cell(sheet: Any, value: Any) -> Any:
    """Text that starts with "=" stays text: openpyxl would write it as a formula, which
    reads back empty (and is a formula-injection risk in the user's Excel)."""
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def workbook_export(committee: Any, *, template: bool = False) -> bytes:
    """The committee's records in the workbook shape; `template` gives headers only."""
    book = Workbook(write_only=True)
    if template:
        guide = book.create_sheet(GUIDE_SHEET)
        guide.append([_("Sheet"), _("What it holds")])
        for handler in handlers():
            guide.append([handler.sheet, str(handler.description)])
    for handler in handlers():
        sheet = book.create_sheet(handler.sheet)
        sheet.append(_header_row(sheet, handler, with_comments=template))
        if not template:
            for row in handler.export_rows(committee):
                sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
