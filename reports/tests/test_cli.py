"""python manage.py review_report: good input writes the file, bad input writes nothing."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from docx import Document

from core.actors import SYSTEM

pytestmark = pytest.mark.django_db


# The committee of the `tree` fixture over Chỉ thị 05's first review period.
DBT_2016_2020 = ["--committee", "DBT", "--from", "2016-05-15", "--to", "2020-06-30"]


def run(*args):
    call_command("review_report", *args)


def test_json_to_stdout(tree, records, capsys):
    run(*DBT_2016_2020, "--format", "json", "--output", "-")
    figures = json.loads(capsys.readouterr().out)
    assert figures["committee"] == {"code": "DBT", "name": "Đảng bộ thử nghiệm"}
    assert figures["period"] == {"from": "2016-05-15", "to": "2020-06-30"}
    assert [y["year"] for y in figures["years"]] == [2016, 2017, 2018, 2019, 2020]
    assert figures["years"][0]["thematic_meetings"] == {"cells_held": 2, "meetings": 2}


def test_docx_to_a_file(tree, records, tmp_path):
    from .factories import DocumentFactory

    DocumentFactory()
    path = tmp_path / "bao-cao.docx"
    run(
        *DBT_2016_2020,
        *("--format", "docx", "--output", str(path)),
        *("--directive", "05-CT/TW", "--number", "15-BC/ĐU"),
    )
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW" in text


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["--committee", "NOPE", "--from", "2016-05-15", "--to", "2020-06-30"],
            "Không có đảng bộ nào mã “NOPE”.",
        ),
        (
            ["--committee", "DBT", "--from", "2020-06-30", "--to", "2016-05-15"],
            "Ngày kết thúc kỳ báo cáo trước ngày bắt đầu.",
        ),
        (
            ["--committee", "DBT", "--from", "2016-05-15", "--to", "2020-13-01"],
            "không phải ngày hợp lệ",
        ),
        (
            ["--committee", "CBA", "--from", "2016-05-15", "--to", "2020-06-30"],
            "không phải của chi bộ",
        ),
    ],
)
# A CommandError makes manage.py print the message and exit with status 1.
def test_bad_input_says_why_and_writes_nothing(tree, tmp_path, args, message):
    path = tmp_path / "out.json"
    with pytest.raises(CommandError) as error:
        run(*args, "--format", "json", "--output", str(path))
    assert message in str(error.value)
    assert not path.exists()


def test_a_period_starting_in_the_future_is_refused(tree, tmp_path):
    start = timezone.localdate() + dt.timedelta(days=3)
    path = tmp_path / "out.json"
    with pytest.raises(CommandError, match="bắt đầu sau ngày hôm nay"):
        run(
            "--committee",
            "DBT",
            "--from",
            start.isoformat(),
            "--to",
            (start + dt.timedelta(days=30)).isoformat(),
            "--format",
            "json",
            "--output",
            str(path),
        )
    assert not path.exists()


def test_the_saved_report_of_the_period_gives_number_and_signer(tree, records, tmp_path):
    from reports.services import review_create

    review_create(
        user=SYSTEM,
        committee=tree.committee,
        period_from=dt.date(2016, 5, 15),
        period_to=dt.date(2020, 6, 30),
        number_symbol="27-BC/ĐU",
        issued_on=dt.date(2020, 7, 3),
        signer_name="Trần Văn Ký",
    )
    path = tmp_path / "bao-cao.docx"
    run(*DBT_2016_2020, "--format", "docx", "--output", str(path))
    document = Document(str(path))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Số 27-BC/ĐU" in cells
    assert "ngày 03 tháng 7 năm 2020" in cells
    assert "Trần Văn Ký" in cells


def _docx_text(path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_without_directive_the_committees_only_directive_is_reviewed(tree, records, tmp_path):
    from .factories import DocumentFactory

    directive = DocumentFactory()
    path = tmp_path / "bao-cao.docx"
    run(*DBT_2016_2020, "--format", "docx", "--output", str(path))
    text = _docx_text(path)
    assert f"Chỉ thị số {directive.number_symbol} ngày 15/5/2016 của Bộ Chính trị" in text
    assert "Thực hiện Chỉ thị số 05-CT/TW" in text  # the opening names it too
    DocumentFactory(number_symbol="06-NQ/TW", kind="resolution", issued_on=dt.date(2017, 1, 5))
    other = tmp_path / "khac.docx"
    with pytest.raises(CommandError, match="05-CT/TW, 06-NQ/TW|06-NQ/TW, 05-CT/TW"):
        run(*DBT_2016_2020, "--format", "docx", "--output", str(other))
    assert not other.exists()
    run(*DBT_2016_2020, "--directive", "06-NQ/TW", "--format", "docx", "--output", str(other))
    assert "Nghị quyết số 06-NQ/TW ngày 5/1/2017" in _docx_text(other)


def test_a_directive_not_in_the_register_or_after_the_period_is_refused(tree, tmp_path):
    from .factories import DocumentFactory

    DocumentFactory()
    path = tmp_path / "out.docx"
    with pytest.raises(CommandError, match="99-CT/TW"):
        run(
            *("--committee", "DBT", "--from", "2016-05-15", "--to", "2020-06-30"),
            *("--directive", "99-CT/TW", "--format", "docx", "--output", str(path)),
        )
    with pytest.raises(CommandError, match="trước khi 05-CT/TW được ban hành"):
        run(
            *("--committee", "DBT", "--from", "2015-01-01", "--to", "2015-12-31"),
            *("--directive", "05-CT/TW", "--format", "docx", "--output", str(path)),
        )
    assert not path.exists()
