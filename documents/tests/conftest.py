import io

import pytest
from openpyxl import Workbook

from documents.sheets import DOCUMENT_SHEET, TOPIC_SHEET, DocumentSheet, StudyTopicSheet
from workbook.testing import read_workbook


@pytest.fixture
def make_workbook():
    """make_workbook({"Văn bản": [[...], ...]}) → an .xlsx file object; headers are added."""
    headers = {
        DOCUMENT_SHEET: [column.header for column in DocumentSheet.columns],
        TOPIC_SHEET: [column.header for column in StudyTopicSheet.columns],
    }

    def build(sheets: dict[str, list[list]], with_headers: bool = True) -> io.BytesIO:
        book = Workbook()
        book.remove(book.active)
        for name, rows in sheets.items():
            sheet = book.create_sheet(name)
            if with_headers:
                sheet.append(headers[name])
            for row in rows:
                sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        buffer.seek(0)
        return buffer

    return build


def sheet_values(content: bytes, name: str) -> list[list]:
    return [list(row) for row in read_workbook(content)[name]]
