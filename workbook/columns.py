"""The columns the sheets share, declared once: the codes a row names (a unit, a person, a
unit or a person), the year, a date, a line of text.

A sheet lists its columns with these and with `registry.Column` for what is its own. The
header, key and help of every column stay part of the contract (docs/interchange.md): the
factories only spare each sheet writing out the same parser and flags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .registry import Column, Parser, parse_date, parse_int, parse_text

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

UNIT, PERSON, SUBJECT, YEAR = "Mã đơn vị", "Mã nhân sự", "Mã đối tượng", "Năm"
DATE_HELP = "dd/mm/yyyy"


def text(
    header: str,
    key: str,
    help: StrOrPromise = "",
    *,
    required: bool = False,
    optional: bool = False,
    width: int = 0,
) -> Column:
    """A cell of text (a number typed in it is read as its digits)."""
    return Column(header, key, required, parse_text, help, optional=optional, width=width)


def date(
    header: str,
    key: str,
    help: StrOrPromise = DATE_HELP,
    *,
    required: bool = False,
    optional: bool = False,
) -> Column:
    """A date, dd/mm/yyyy or a date cell."""
    return Column(header, key, required, parse_date, help, optional=optional)


def unit(help: StrOrPromise = "", *, key: str = "unit") -> Column:
    """ "Mã đơn vị": a unit of the sheet Đơn vị or of the database (required)."""
    return text(UNIT, key, help, required=True)


def person(help: StrOrPromise = "", *, key: str = "person") -> Column:
    """ "Mã nhân sự": a person of the sheet Nhân sự or of the database (required)."""
    return text(PERSON, key, help, required=True)


def subject(help: StrOrPromise = "Mã nhân sự hoặc mã đơn vị") -> Column:
    """ "Mã đối tượng": a person's code or a unit's code (required)."""
    return text(SUBJECT, "subject", help, required=True)


def year(help: StrOrPromise = "", *, parse: Parser = parse_int) -> Column:
    """ "Năm", a whole number (required); `parse` may narrow the years a sheet accepts."""
    return Column(YEAR, "year", True, parse, help)
