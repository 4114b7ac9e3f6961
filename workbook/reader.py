"""Reading an uploaded workbook safely: python-calamine for the cells, guarded by limits.

Before any cell is read, the zip's entries are walked once with the standard library, which
stops at each entry's declared size and checks its CRC: a workbook whose uncompressed size
passes `WORKBOOK_MAX_BYTES` (a zip bomb) or a sheet with more than `WORKBOOK_MAX_ROWS` rows
is refused with one message, before calamine loads anything. The same walk finds formula
cells: their cached values are read, and a formula without one is an error on its row.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePosixPath
from typing import IO, Any
from xml.etree.ElementTree import iterparse

from django.conf import settings
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from core.vn import format_number

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CHUNK = 1 << 20
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


class WorkbookRefused(Exception):
    """The whole file is refused; the message says why, in Vietnamese."""


def max_rows() -> int:
    return getattr(settings, "WORKBOOK_MAX_ROWS", 100_000)


def max_bytes() -> int:
    return getattr(settings, "WORKBOOK_MAX_BYTES", 100 * 1024 * 1024)


def normalise_name(name: Any) -> str:
    """Sheet names and headers match ignoring case, repeated spaces and Unicode form."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).split()).casefold()


@dataclass
class Sheet:
    name: str
    path: str
    hidden: bool
    rows: int = 0
    formulas: list[tuple[int, int]] = field(default_factory=list)  # (row, column index)
    uncached: list[tuple[int, int]] = field(default_factory=list)


def _zip_paths(archive: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Sheet name → (entry path, hidden), from workbook.xml and its relationships."""
    rels: dict[str, str] = {}
    with archive.open("xl/_rels/workbook.xml.rels") as source:
        for _event, element in iterparse(source):
            if element.tag == f"{PACKAGE_REL}Relationship":
                target = element.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                rels[element.get("Id", "")] = str(PurePosixPath(path))
    sheets: dict[str, tuple[str, bool]] = {}
    with archive.open("xl/workbook.xml") as source:
        for _event, element in iterparse(source):
            if element.tag == f"{MAIN}sheet":
                hidden = element.get("state", "visible") != "visible"
                sheets[element.get("name", "")] = (
                    rels.get(element.get(f"{REL}id", ""), ""),
                    hidden,
                )
    return sheets


def _scan(archive: zipfile.ZipFile, sheet: Sheet, limit_rows: int) -> None:
    """Count rows (stopping past the limit) and note whether the sheet has formulas."""
    has_formula = False
    tail = b""
    with archive.open(sheet.path) as source:
        while chunk := source.read(CHUNK):
            data = tail + chunk
            # A match lying wholly in the tail was counted with the previous chunk.
            sheet.rows += sum(1 for found in _ROW.finditer(data) if found.end() > len(tail))
            has_formula = has_formula or bool(_FORMULA.search(data))
            tail = data[-32:]
            if sheet.rows > limit_rows:
                return
    if has_formula:
        _find_formulas(archive, sheet)


def _find_formulas(archive: zipfile.ZipFile, sheet: Sheet) -> None:
    with archive.open(sheet.path) as source:
        for _event, element in iterparse(source):
            if element.tag != f"{MAIN}c":
                if element.tag == f"{MAIN}row":
                    element.clear()
                continue
            if element.find(f"{MAIN}f") is not None:
                row, column = _coordinate(element.get("r", ""))
                value = element.find(f"{MAIN}v")
                cached = value is not None and bool(value.text)
                target = sheet.formulas if cached else sheet.uncached
                target.append((row, column))


def _coordinate(reference: str) -> tuple[int, int]:
    letters = "".join(ch for ch in reference if ch.isalpha())
    digits = "".join(ch for ch in reference if ch.isdigit())
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return int(digits or 0), column - 1


class Reader:
    """An opened workbook: its visible sheets, scanned, and their rows on demand."""

    def __init__(self, source: IO[bytes] | str) -> None:
        data = source if isinstance(source, str) else io.BytesIO(source.read())
        try:
            archive = zipfile.ZipFile(data)
        except (zipfile.BadZipFile, OSError):
            raise WorkbookRefused(_("this is not a readable .xlsx workbook.")) from None
        with archive:
            total = sum(info.file_size for info in archive.infolist())
            if total > max_bytes():
                raise WorkbookRefused(self._too_big())
            try:
                found = _zip_paths(archive)
                self.sheets = [Sheet(name, path, hidden) for name, (path, hidden) in found.items()]
                for sheet in self.sheets:
                    if sheet.hidden:
                        continue
                    _scan(archive, sheet, max_rows() + 1)
                    if sheet.rows > max_rows() + 1:
                        raise WorkbookRefused(
                            _(
                                "the sheet “%(sheet)s” has more than %(limit)s rows; split the "
                                "workbook into smaller ones."
                            )
                            % {"sheet": sheet.name, "limit": format_number(max_rows())}
                        )
                for info in archive.infolist():  # the CRC check catches a lying size
                    if not info.filename.startswith("xl/worksheets/"):
                        with archive.open(info) as entry:
                            # Read to the end in bounded chunks, keeping nothing.
                            deque(iter(partial(entry.read, CHUNK), b""), maxlen=0)
            except (KeyError, zipfile.BadZipFile, SyntaxError, ValueError, EOFError):
                raise WorkbookRefused(_("this is not a readable .xlsx workbook.")) from None
        if isinstance(data, io.BytesIO):
            data.seek(0)
        try:
            self.book = (
                CalamineWorkbook.from_path(data)
                if isinstance(data, str)
                else CalamineWorkbook.from_filelike(data)
            )
        except (CalamineError, OSError, ValueError):
            raise WorkbookRefused(_("this is not a readable .xlsx workbook.")) from None
        hidden = {
            meta.name
            for meta in self.book.sheets_metadata
            if meta.visible != SheetVisibleEnum.Visible
        }
        for sheet in self.sheets:
            sheet.hidden = sheet.hidden or sheet.name in hidden

    @staticmethod
    def _too_big() -> str:
        return _(
            "the workbook is too large once unpacked (more than %(limit)s MB); split it into "
            "smaller ones."
        ) % {"limit": format_number(max_bytes() / 1024 / 1024)}

    def rows(self, sheet: Sheet) -> Iterator[list[Any]]:
        """Cell values, row by row from row 1: text in NFC, blanks as None."""
        try:
            cells = self.book.get_sheet_by_name(sheet.name)
            for raw in cells.iter_rows():
                yield [_value(value) for value in raw]
        except CalamineError:
            raise WorkbookRefused(_("this is not a readable .xlsx workbook.")) from None

    def close(self) -> None:
        self.book.close()


def _value(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value) if value else None
    return value


# Characters that cannot be seen or that reorder text: never part of a code.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


def invisible_characters(text: str) -> list[str]:
    """The code points of `text` that are invisible, control or bidi characters."""
    return [
        f"U+{ord(char):04X}"
        for char in text
        if unicodedata.category(char) in _HIDDEN_CATEGORIES or (char.isspace() and char != " ")
    ]
