"""Helpers for tests of sheet handlers: build a workbook in memory, read one back."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook, load_workbook

from core import vn

from .registry import handlers


def headers(sheet: str) -> list[str]:
    """The registered headers of `sheet`, in order."""
    for handler in handlers():
        if handler.sheet == sheet:
            return [column.header for column in handler.columns]
    raise KeyError(sheet)


def make_workbook(sheets: dict[str, list[list[Any]]], *, with_headers: bool = True) -> io.BytesIO:
    """{"Nhân sự": [[row values…], …]} → an .xlsx file object (headers added first)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        if with_headers:
            sheet.append(headers(name))
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def read_workbook(content: bytes | io.BytesIO) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows as tuples of cell values (header row included); date cells as
    the dd/mm/yyyy text they show."""
    data = io.BytesIO(content) if isinstance(content, bytes) else content
    book = load_workbook(data, read_only=True)
    try:
        return {name: _padded(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def _padded(rows: Any) -> list[tuple[Any, ...]]:
    """Rows as shown, all as wide as the widest (empty trailing cells are not stored)."""
    shown = [[_shown(value) for value in row] for row in rows]
    width = max((len(row) for row in shown), default=0)
    return [tuple(row + [None] * (width - len(row))) for row in shown]


def _shown(value: Any) -> Any:
    """A date cell as the user sees it (dd/mm/yyyy), other values as they are."""
    if isinstance(value, dt.datetime):
        return vn.format_date(value.date())
    return value
