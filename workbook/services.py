"""Import and export of the committee workbook, all or nothing.

An import reads every sheet (workbook.reader), checks each row (the sheets' `check`, which
plans the changes) and then writes through the sheets' `apply` — the services the forms
use — inside one transaction. Any error, from a check or from a service, rolls everything
back; a dry run (the preview) rolls back too, so it finds what the real import would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from core import maintenance
from core.actors import SYSTEM, acting, recorded
from core.services import record_actor

from . import reader as readers
from . import scope
from .models import WorkbookImport
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
from .writer import GUIDE_SHEET, workbook_export

__all__ = ["GUIDE_SHEET", "ImportResult", "workbook_check", "workbook_export", "workbook_import"]


@dataclass
class ImportResult:
    errors: list[ImportError_] = field(default_factory=list)
    plans: dict[str, SheetPlan] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> tuple[int, int, int]:
        plans = self.plans.values()
        return (
            sum(len(plan.created) for plan in plans),
            sum(len(plan.updated) for plan in plans),
            sum(plan.unchanged for plan in plans),
        )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(column: Any, value: Any) -> Any:
    """One cell parsed; an error on the cell gives None and marks it invalid."""
    # `isprintable()` is false for every invisible, control or bidi character: the
    # character-by-character checks only run on the rare cell that has one.
    if isinstance(value, str) and not value.isprintable():
        if column.is_code:
            hidden = readers.invisible_characters(value)
            if hidden:
                raise CellError(
                    _("the code contains invisible or control characters (%(chars)s); retype it.")
                    % {"chars": ", ".join(hidden)}
                )
        elif _CONTROL.search(value):
            raise CellError(_("the cell contains control characters; retype it."))
    return column.parse(value) if column.parse else value


def _read_rows(
    book: readers.Reader, sheet: readers.Sheet, handler: SheetHandler, ctx: ImportContext
) -> Iterator[Row] | None:
    """The sheet's rows, parsed as they are read (one pass, nothing kept here); None, with
    an error, when a column is missing. Cell errors are recorded as the rows are read."""
    raw_rows = book.rows(sheet)
    header = next(raw_rows, None) or []
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
    return _parsed_rows(raw_rows, sheet, handler, ctx, positions)


def _parsed_rows(
    raw_rows: Iterator[list[Any]],
    sheet: readers.Sheet,
    handler: SheetHandler,
    ctx: ImportContext,
    positions: dict[str, int],
) -> Iterator[Row]:
    present = [column for column in handler.columns if column.key in positions]
    headers = {positions[column.key]: column for column in present}
    # (key, cell index, column) of each column the workbook has, in the handler's order.
    cells = [(column.key, positions[column.key], column) for column in present]
    uncached: dict[int, list[int]] = {}
    for row_number, column_index in sheet.uncached:
        uncached.setdefault(row_number, []).append(column_index)
    for number, raw in enumerate(raw_rows, start=2):
        if uncached:
            for column_index in uncached.pop(number, []):
                column = headers.get(column_index)
                ctx.error(
                    handler.sheet,
                    number,
                    column.header if column else None,
                    _(
                        "a formula without a computed value; open the file in Excel or Calc, "
                        "save it, or type the value."
                    ),
                )
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in raw):
            continue
        width = len(raw)
        values: dict[str, Any] = {}
        invalid: set[str] = set()
        for key, index, column in cells:
            value = raw[index] if index < width else None
            try:
                parsed = _cell(column, value)
            except CellError as exc:
                ctx.error(handler.sheet, number, column.header, str(exc))
                parsed = None
                invalid.add(key)
            if parsed is None and column.required and key not in invalid:
                ctx.error(handler.sheet, number, column.header, _("this cell is required."))
                invalid.add(key)
            values[key] = parsed
        if invalid:
            values["_invalid"] = invalid
        yield Row(number=number, values=values)


def _noting_codes(rows: Iterator[Row], codes: dict[str, int]) -> Iterator[Row]:
    """The rows, noting each code's row (the last, if repeated) as they pass."""
    for row in rows:
        if row["code"]:
            codes[row["code"]] = row.number
        yield row


def _match_sheets(book: readers.Reader, ctx: ImportContext) -> dict[str, readers.Sheet]:
    """Handler sheet → the workbook's sheet; hidden sheets and names that collide once
    normalised are errors (otherwise one would silently win)."""
    by_name: dict[str, readers.Sheet] = {}
    for sheet in book.sheets:
        key = readers.normalise_name(sheet.name)
        if sheet.hidden:
            ctx.error(
                sheet.name,
                None,
                None,
                _("the sheet is hidden; show it or delete it, as a hidden sheet is not imported."),
            )
        elif key in by_name:
            ctx.error(
                sheet.name,
                None,
                None,
                _("two sheets are named “%(first)s” and “%(second)s”; keep only one of them.")
                % {"first": by_name[key].name, "second": sheet.name},
            )
        else:
            by_name[key] = sheet
    return {
        handler.sheet: by_name[readers.normalise_name(handler.sheet)]
        for handler in handlers()
        if readers.normalise_name(handler.sheet) in by_name
    }


def _collisions(
    defined: dict[str, tuple[SheetHandler, dict[str, int]]], ctx: ImportContext
) -> None:
    """A code used for a unit and for a person makes "Mã đối tượng" ambiguous: refused on
    the row that defines it, whether the other use is in the workbook or the database."""
    if not {"unit", "person"} & set(defined):
        return
    codes = {kind: numbers for kind, (_handler, numbers) in defined.items()}
    for kind, other in (("unit", "person"), ("person", "unit")):
        if kind not in defined:
            continue
        handler = defined[kind][0]
        mine = codes[kind]
        elsewhere = set(codes.get(other, {})) | set(scope.existing(other, set(mine)))
        for code in sorted(set(mine) & elsewhere, key=lambda code: mine[code]):
            ctx.error(
                handler.sheet,
                mine[code],
                handler.columns[0].header,
                _(
                    "the code %(code)s is also the code of a %(other)s; codes of units and of "
                    "people must differ."
                )
                % {"code": code, "other": _("person") if other == "person" else _("unit")},
            )


def _progress(ctx: ImportContext, percent: int, step: str) -> None:
    if ctx.progress is not None:
        ctx.progress(percent, step)


def _check(file: IO[bytes] | str, result: ImportResult, ctx: ImportContext) -> bool:
    """Read and check every sheet; True when the workbook could be read at all."""
    try:
        book = readers.Reader(file)
    except readers.WorkbookRefused as refused:
        ctx.error(_("File"), None, None, str(refused))
        return False
    try:
        found = _match_sheets(book, ctx)
        chosen = [handler for handler in handlers() if handler.sheet in found]
        defined: dict[str, tuple[SheetHandler, dict[str, int]]] = {}
        for index, handler in enumerate(chosen):
            _progress(ctx, 5 + 45 * index // max(len(chosen), 1), handler.sheet)
            result.sheets.append(handler.sheet)
            if not scope.may_import(ctx.user, handler):
                ctx.error(
                    handler.sheet,
                    None,
                    None,
                    _("your role may not import this sheet; remove it from the workbook."),
                )
                continue
            read = _read_rows(book, found[handler.sheet], handler, ctx)
            if read is None:
                continue
            codes: dict[str, int] = {}  # only the codes: the rows themselves can be let go
            if handler.defines:
                defined[handler.defines] = (handler, codes)
                read = _noting_codes(read, codes)
            if handler.streams:  # checked while read: no list of the sheet's rows
                # A streaming handler declares `check(rows: Iterable[Row])`.
                handler.check(scope.checked_rows(handler, read, ctx), ctx)  # type: ignore[arg-type]
            else:
                handler.check(scope.check_rows(handler, list(read), ctx), ctx)
        _collisions(defined, ctx)
    except readers.WorkbookRefused as refused:
        ctx.error(_("File"), None, None, str(refused))
        return False
    finally:
        book.close()
    if not result.sheets:
        ctx.error(_("File"), None, None, _("the workbook has none of the expected sheets."))
    return True


def _in_reading_order(errors: list[ImportError_]) -> list[ImportError_]:
    """Errors by sheet (import order), row, then column (left to right)."""
    sheets = {handler.sheet: index for index, handler in enumerate(handlers())}
    columns: dict[tuple[str, str | None], int] = {
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
    file: IO[bytes] | str,
    *,
    user: Any = SYSTEM,
    dry_run: bool = False,
    progress: Any = None,
    name: str = "",
) -> ImportResult:
    """Import every sheet present, or nothing at all if any row of any sheet has an error.

    `dry_run` checks and writes in a transaction that is rolled back; `progress(percent,
    step)` is told how far it got. `user` is the importing user, or `SYSTEM` (the command
    line): the sheets see the system as no user, unrestricted and recorded as nobody. A committed
    import leaves one entry on the audit trail naming the file (`name`, or the path's last part).
    """
    result = ImportResult()
    ctx = ImportContext(user=recorded(acting(user)), progress=progress)
    _check(file, result, ctx)
    if not ctx.errors:
        # Progress is reported before the transaction: inside it, the page could not see it.
        _progress(ctx, 60, _("Writing the records"))
        with transaction.atomic():
            for handler in handlers():
                if handler.sheet in result.sheets:
                    handler.apply(ctx)
            if ctx.errors or dry_run:
                transaction.set_rollback(True)
            else:
                result.applied = True
                record_import(result, ctx.plans, user=ctx.user, name=name or _file_name(file))
                from reports.versions import records_changed  # bulk writes send no signals

                records_changed()
    result.errors, result.plans = _in_reading_order(ctx.errors), ctx.plans
    if result.applied:
        _refresh_statistics(result)
    return result


# Rows written by one import past which the planner's statistics are refreshed.
ANALYZE_AFTER_ROWS = 1000


def _refresh_statistics(result: ImportResult) -> None:
    """ANALYZE after a large import (issue 18): the machines' PostgreSQL runs without
    autovacuum, and plans made on the old statistics turn a bigger committee's pages slow.
    Inside an outer transaction (a test, a caller's atomic block) the rows are not committed
    yet, so there is nothing new to sample."""
    created, updated, _unchanged = result.counts
    if created + updated >= ANALYZE_AFTER_ROWS and not transaction.get_connection().in_atomic_block:
        maintenance.analyze()


def workbook_check(
    file: IO[bytes] | str, *, user: Any = SYSTEM, progress: Any = None
) -> ImportResult:
    """What an import would do, and every error; changes nothing."""
    return workbook_import(file, user=user, dry_run=True, progress=progress)


def _file_name(file: IO[bytes] | str) -> str:
    return Path(file if isinstance(file, str) else getattr(file, "name", "") or "").name


def record_import(
    result: ImportResult, plans: dict[str, SheetPlan], *, user: Any, name: str
) -> WorkbookImport:
    """The audit trail's entry of a committed import: the file, and per sheet the rows
    created, changed and unchanged; under the unit the importer imports into."""
    lines = [
        _("%(sheet)s: %(created)s created, %(updated)s changed, %(unchanged)s unchanged.")
        % {
            "sheet": sheet,
            "created": len(plans[sheet].created),
            "updated": len(plans[sheet].updated),
            "unchanged": plans[sheet].unchanged,
        }
        for sheet in result.sheets
        if sheet in plans
    ]
    record = WorkbookImport(
        file_name=(name or _("(no name)"))[:255],
        unit=scope.import_unit(user),
        summary="\n".join(lines),
    )
    record_actor(record, user).save()
    return record
