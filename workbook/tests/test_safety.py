"""What the importer refuses before and while reading: hostile and careless workbooks."""

import io
import zipfile

from openpyxl import Workbook

from organisation.models import Person, Unit
from workbook.services import workbook_import
from workbook.testing import headers, make_workbook

PERSON = ["NS9", "Đinh Thị Hoa", "01/01/1990", "Nữ", "CBA", "Dự bị", "01/01/2024", "", "", "", ""]


def where(result):
    return [(error.sheet, error.row, error.column) for error in result.errors]


def saved(book: Workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_a_hidden_sheet_is_refused_even_when_its_name_differs_only_by_case(tree):
    book = Workbook()
    book.remove(book.active)
    for name, hidden in (("Nhân sự", False), ("nhân sự ", True)):
        sheet = book.create_sheet(name)
        sheet.append(headers("Nhân sự"))
        sheet.append([*PERSON[:1], "Ẩn" if hidden else PERSON[1], *PERSON[2:]])
        sheet.sheet_state = "hidden" if hidden else "visible"
    result = workbook_import(saved(book))
    assert not result.applied and ("nhân sự ", None, None) in where(result)
    assert "ẩn" in str(result.errors[0])
    assert not Person.objects.filter(code="NS9").exists()


def test_two_sheets_with_the_same_name_once_normalised_are_refused(tree):
    book = Workbook()
    book.remove(book.active)
    for name in ("Nhân sự", "NHÂN SỰ "):
        sheet = book.create_sheet(name)
        sheet.append(headers("Nhân sự"))
        sheet.append(PERSON)
    result = workbook_import(saved(book))
    assert where(result) == [("NHÂN SỰ ", None, None)]
    assert not Person.objects.filter(code="NS9").exists()


def test_a_formula_without_a_computed_value_is_an_error_on_its_row(tree):
    person = tree.members_a[0]
    row = [person.code, person.full_name, "", "", "CBA", "Chính thức", "02/03/2005", "", ""]
    book = make_workbook({"Nhân sự": [row + ["=A1", ""]]})  # openpyxl stores no value
    result = workbook_import(book)
    assert where(result) == [("Nhân sự", 2, "Chức vụ")]
    assert "công thức" in result.errors[0].message


def test_a_formula_with_its_computed_value_is_read_as_that_value(tree):
    book = make_workbook({"Nhân sự": [[*PERSON[:9], "=B2", ""]]})
    source, target = zipfile.ZipFile(book), io.BytesIO()
    with zipfile.ZipFile(target, "w") as patched:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(
                    b"<f>B2</f><v></v>", b"<f>B2</f><v>Chuy\xc3\xaan vi\xc3\xaan</v>"
                )
                data = data.replace(b"<f>B2</f><v />", b"<f>B2</f><v>Chuy\xc3\xaan vi\xc3\xaan</v>")
                assert b"<v>Chuy" in data
                data = data.replace(b'<c r="J2"', b'<c r="J2" t="str"')
            patched.writestr(item, data)
    result = workbook_import(io.BytesIO(target.getvalue()))
    assert result.ok, [str(error) for error in result.errors]
    assert Person.objects.get(code="NS9").position == "Chuyên viên"


def test_codes_with_invisible_or_bidi_characters_are_refused(tree):
    rows = [
        ["NS\u200b9", *PERSON[1:]],  # zero-width space
        ["NS\u202e01", *PERSON[1:]],  # right-to-left override
        ["NS\u00a02", *PERSON[1:]],  # no-break space
    ]
    result = workbook_import(make_workbook({"Nhân sự": rows}))
    assert where(result) == [("Nhân sự", row, "Mã nhân sự") for row in (2, 3, 4)]
    assert "U+200B" in result.errors[0].message and "U+202E" in result.errors[1].message
    assert Person.objects.count() == 7


def test_codes_and_text_are_read_in_nfc(tree):
    decomposed = "Đinh Thi\u0323 Hoa"  # ị written as i + combining dot below
    result = workbook_import(make_workbook({"Nhân sự": [[PERSON[0], decomposed, *PERSON[2:]]]}))
    assert result.ok
    assert Person.objects.get(code="NS9").full_name == "Đinh Thị Hoa"


def test_a_person_code_that_is_a_unit_code_is_refused(tree):
    in_database = ["CBB", *PERSON[1:]]
    result = workbook_import(make_workbook({"Nhân sự": [PERSON, in_database]}))
    assert where(result) == [("Nhân sự", 3, "Mã nhân sự")]
    units = [["DBT", "Đảng bộ thử nghiệm", "Đảng bộ", ""], ["NS9", "Chi bộ NS9", "Chi bộ", "DBT"]]
    result = workbook_import(make_workbook({"Đơn vị": units, "Nhân sự": [PERSON]}))
    assert ("Đơn vị", 3, "Mã đơn vị") in where(result)
    assert ("Nhân sự", 2, "Mã nhân sự") in where(result)
    assert not Unit.objects.filter(code="NS9").exists()


def test_a_sheet_past_the_row_limit_is_refused_with_one_message(tree, settings):
    settings.WORKBOOK_MAX_ROWS = 50
    rows = [[f"NS{n}", *PERSON[1:]] for n in range(60)]
    result = workbook_import(make_workbook({"Nhân sự": rows}))
    assert len(result.errors) == 1 and result.errors[0].row is None
    assert "50" in result.errors[0].message and "Nhân sự" in result.errors[0].message
    assert not Person.objects.filter(code="NS1").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tree, settings):
    settings.WORKBOOK_MAX_BYTES = 1024 * 1024
    book = make_workbook({"Nhân sự": [PERSON]})
    source, target = zipfile.ZipFile(book), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as patched:
        for item in source.infolist():
            patched.writestr(item.filename, source.read(item.filename))
        patched.writestr("xl/padding.xml", b" " * (8 * 1024 * 1024))
    content = target.getvalue()
    assert len(content) < 100 * 1024  # small on disk, large once unpacked
    result = workbook_import(io.BytesIO(content))
    assert len(result.errors) == 1 and "MB" in result.errors[0].message
    assert not Person.objects.filter(code="NS9").exists()


def test_a_zip_entry_larger_than_it_claims_is_refused(tree):
    book = make_workbook({"Nhân sự": [PERSON]}).getvalue()
    # Shrink the declared size of the sheet in the central directory: the data then
    # fails its check when read, and nothing is imported.
    archive = zipfile.ZipFile(io.BytesIO(book))
    info = next(i for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
    size = info.file_size.to_bytes(4, "little")
    smaller = (info.file_size // 2).to_bytes(4, "little")
    broken = book.replace(size, smaller)
    assert broken != book
    result = workbook_import(io.BytesIO(broken))
    assert not result.applied and result.errors[0].row is None
    assert not Person.objects.filter(code="NS9").exists()
