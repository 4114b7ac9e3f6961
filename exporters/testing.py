"""Reading a rendered document as a reader's tools do: poppler's pdffonts and pdftotext, and
LibreOffice (headless) converting a DOCX to PDF. Used by the tests of every printed document."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from exporters.party import PartyDocument


def _run(*args: str, data: bytes | None = None, timeout: int = 180) -> str:
    return subprocess.run(
        args, input=data, capture_output=True, check=True, timeout=timeout
    ).stdout.decode()


def pdf_font_families(pdf: bytes) -> set[str]:
    """The families of the fonts the PDF embeds: subset tag and style dropped."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        listing = _run("pdffonts", handle.name)
    families = set()
    for line in listing.splitlines()[2:]:
        name = line.split()[0].split("+", 1)[-1]
        families.add(re.sub(r"[-,](Bold|Italic|Regular|BoldItalic|Oblique)+.*$", "", name))
    return families


def pdf_text(pdf: bytes) -> str:
    """The text pdftotext reads out of the PDF (what a search or a copy-paste gives)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return _run("pdftotext", "-enc", "UTF-8", handle.name, "-")


def pdf_pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        info = _run("pdfinfo", handle.name)
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if found is None:
        raise AssertionError(f"pdfinfo gave no page count:\n{info}")
    return int(found.group(1))


def docx_to_pdf(docx: bytes) -> bytes:
    """The DOCX as LibreOffice prints it; raises when LibreOffice cannot convert it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        (path / "document.docx").write_bytes(docx)
        _run(
            "soffice",
            f"-env:UserInstallation={(path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(path),
            str(path / "document.docx"),
        )
        output = path / "document.pdf"
        if not output.is_file():
            raise AssertionError("LibreOffice did not convert the document")
        return output.read_bytes()


def flat(text: str) -> str:
    return " ".join(text.split())


def party_document(**parts: Any) -> PartyDocument:
    """A report of the Sở's Party committee, dated 5 June 2020; `parts` (its blocks, appendix,
    signer…) are added to that header or replace any of it."""
    header: dict[str, Any] = {
        "superior_body": "Đảng bộ Thành phố Hà Nội",
        "issuing_body": "Đảng ủy Sở Văn hóa và Thể thao",
        "number_symbol": "15-BC/ĐU",
        "place": "Hà Nội",
        "date": dt.date(2020, 6, 5),
        "doc_type": "Báo cáo",
        "summary": "sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW",
    }
    return PartyDocument(**{**header, **parts})
