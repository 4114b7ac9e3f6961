"""Every list the same way: sorted by a column, paged by number, exported to Excel as shown.

A view describes its columns once (`Column`: the sort key in the address, the heading, the
fields it orders by — indexed ones — and how a row's value is written to Excel) and calls
`listing(request, queryset, columns, ...)`. Only the declared keys sort (`?sap-xep=name` or
`?sap-xep=-name`); anything else falls back to the default order. `?xuat=xlsx` answers the
whole filtered list (not just the page) as a workbook written with openpyxl's write-only mode,
so a long list costs little memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from core.pagination import paginate

SORT_PARAM = "sap-xep"
EXPORT_PARAM = "xuat"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_MAX_ROWS = 100_000


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # a (lazy) translated heading
    order_by: Sequence[str] = ()  # empty: the column does not sort
    value: Callable[[Any], Any] | str | None = None  # for Excel; a dotted attribute path
    css: str = ""

    def cell(self, row: Any) -> Any:
        if callable(self.value):
            return self.value(row)
        path = self.value or self.key
        for part in path.split("."):
            row = getattr(row, part, None) if row is not None else None
        if callable(row):
            row = row()
        return row


@dataclass
class Heading:
    column: Column
    url: str  # the address that sorts by this column ("" when it does not sort)
    direction: str  # "ascending", "descending" or "" (aria-sort)


@dataclass
class Listing:
    page_obj: Page
    headings: list[Heading]
    sort: str
    export_url: str


def _query(params: QueryDict, **changes: str) -> str:
    query = params.copy()
    for key, value in changes.items():
        if value:
            query[key] = value
        else:
            query.pop(key, None)
    return f"?{query.urlencode()}" if query else "?"


def _path_value(row: Any, path: str) -> Any:
    for part in path.removeprefix("-").split("__"):
        row = getattr(row, part, None) if row is not None else None
    return row


def _sorted_rows(rows: list, fields: Sequence[str], descending: bool) -> list:
    """A list loaded whole (e.g. the rating round) sorted in Python on the same field paths;
    empty values last when ascending, first when descending, as PostgreSQL orders NULLs."""

    def key_for(field: str) -> Callable[[Any], tuple[bool, Any]]:
        def key(row: Any) -> tuple[bool, Any]:
            value = _path_value(row, field)
            return (value is None, 0 if value is None else value)

        return key

    for field in reversed(fields):
        rows = sorted(rows, key=key_for(field), reverse=descending != field.startswith("-"))
    return rows


def sorted_queryset(queryset: Any, columns: Sequence[Column], sort: str) -> Any:
    key = sort.removeprefix("-")
    column = next((c for c in columns if c.key == key and c.order_by), None)
    if column is None:
        return queryset
    if isinstance(queryset, list):
        return _sorted_rows(queryset, column.order_by, sort.startswith("-"))
    descending = sort.startswith("-")

    def directed(field: str) -> str:
        # A field written "-year" runs against the column: reversed once more when descending.
        against = field.startswith("-") != descending
        return f"{'-' if against else ''}{field.removeprefix('-')}"

    # The primary key last, so that equal values keep a stable order across pages.
    return queryset.order_by(*(directed(field) for field in column.order_by), directed("pk"))


def listing(
    request: HttpRequest,
    queryset: QuerySet | list,
    columns: Sequence[Column],
    *,
    default: str = "",
    filename: str = "danh-sach",
    per_page: int | None = None,
) -> Listing | HttpResponse:
    """The page of `queryset` sorted as asked; a workbook instead when export is asked."""
    params = request.GET
    sort = params.get(SORT_PARAM, "")
    keys = {c.key for c in columns if c.order_by}
    if sort.removeprefix("-") not in keys:
        sort = default
    queryset = sorted_queryset(queryset, columns, sort) if sort else queryset
    if params.get(EXPORT_PARAM) == "xlsx":
        return export_xlsx(queryset, columns, filename)
    headings = []
    for column in columns:
        if not column.order_by:
            headings.append(Heading(column, "", ""))
            continue
        current = sort.removeprefix("-") == column.key
        descending = current and sort.startswith("-")
        target = column.key if not current or descending else f"-{column.key}"
        direction = ("descending" if descending else "ascending") if current else ""
        headings.append(
            Heading(column, _query(params, **{SORT_PARAM: target, "page": ""}), direction)
        )
    export_url = _query(params, **{EXPORT_PARAM: "xlsx", "page": ""})
    return Listing(paginate(request, queryset, per_page), headings, sort, export_url)


def matching(rows: Any, text: str | None, text_of: Callable[[Any], str]) -> Any:
    """Search for a short list without a stored search key (settings, rule sets): the rows
    whose text holds every typed word, accents and case ignored; all of them when no text."""
    from core.vn import search_key

    words = search_key(text or "").split()
    if not words:
        return rows
    return [row for row in rows if all(word in search_key(text_of(row)) for word in words)]


def render_listing(
    request: HttpRequest,
    template: str,
    queryset: QuerySet | list,
    columns: Sequence[Column],
    context: dict[str, Any] | None = None,
    **options: Any,
) -> HttpResponse:
    """`listing()` then the page: the template gets `listing` and `page_obj` with `context`."""
    from django.shortcuts import render

    result = listing(request, queryset, columns, **options)
    if isinstance(result, HttpResponse):
        return result
    return render(
        request, template, {**(context or {}), "listing": result, "page_obj": result.page_obj}
    )


def _excel_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, str | int | float | Decimal | dt.date):
        return value
    return str(value)


def export_xlsx(
    queryset: QuerySet | list, columns: Sequence[Column], filename: str
) -> HttpResponse:
    """The list as an .xlsx file: a bold heading row, then one row per record."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("List")[:31])
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=str(column.label))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    rows = (
        queryset[:EXPORT_MAX_ROWS]
        if isinstance(queryset, list)
        else queryset[:EXPORT_MAX_ROWS].iterator(chunk_size=2000)
    )
    for row in rows:
        values = []
        for column in columns:
            value = _excel_value(column.cell(row))
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, dt.datetime):
                cell.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            values.append(cell)
        sheet.append(values)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    workbook.save(response)
    return response
