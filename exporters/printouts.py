"""The printouts that run in the background: each declares who may print it and how it is
built, under an identifier that a `PrintJob` stores with its parameters.

A printout whose size grows with the committee (the decision list, a cell's list of
proposals) is never rendered in a request: the page posts, `exporters.print_jobs` records a
job, the worker builds and renders it with progress, and the user downloads the kept file.
`allowed` is asked when the job is started and again when its file is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .party import PartyDocument

Params = dict[str, Any]


@dataclass(frozen=True)
class Printout:
    identifier: str
    allowed: Callable[[Any, Params], bool]  # may this user print it (now)?
    build: Callable[[Params], PartyDocument]
    stem: Callable[[Params], str]  # the file's name without its extension
    title: Callable[[Params], str]  # what the job page calls it
    back: Callable[[Params], str]  # the page it is printed from


FORMATS = ("docx", "pdf")
_printouts: dict[str, Printout] = {}


def register(printout: Printout) -> Printout:
    _printouts[printout.identifier] = printout
    return printout


def get(identifier: str) -> Printout:
    return _printouts[identifier]
