import pytest

from workbook import testing
from workbook.testing import read_workbook


@pytest.fixture
def make_workbook():
    """make_workbook({"Văn bản": [[...], ...]}) → an .xlsx file object; headers are added."""
    return testing.make_workbook


def sheet_values(content: bytes, name: str) -> list[list]:
    return [list(row) for row in read_workbook(content)[name]]
