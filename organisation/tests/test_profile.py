"""The office gives a committee its document profile once; every document then prints it."""

import pytest
from django.urls import reverse

from organisation.profile import committee_fields

pytestmark = pytest.mark.django_db


def test_the_office_fills_the_document_profile(client_as, tree):
    url = reverse("organisation:unit_profile", kwargs={"pk": tree.committee.pk})
    client = client_as("office")
    assert "Hồ sơ văn bản" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "superior_body": "Đảng bộ Quận Ba Đình",
            "place": "Ba Đình",
            "issuer_symbol": "đu",
            "secretary_name": "Lê Thị Hoa",
            "deputy_names": "Phan Văn Bình\nĐỗ Thu Trang",
            "usual_recipients": "Ban Tổ chức Quận ủy\nCác chi bộ trực thuộc",
        },
    )
    assert response.status_code == 302
    tree.committee.refresh_from_db()
    fields = committee_fields(tree.committee, kind="KH")
    assert fields["superior_body"] == "Đảng bộ Quận Ba Đình" and fields["place"] == "Ba Đình"
    assert fields["number_symbol"] == "-KH/ĐU" and fields["signer_name"] == "Lê Thị Hoa"
    assert fields["recipients"] == ["Ban Tổ chức Quận ủy", "Các chi bộ trực thuộc"]
    assert fields["issuing_body"] == "Đảng ủy " + tree.committee.name.removeprefix("Đảng bộ ")


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_written(client_as, tree):
    url = reverse("organisation:unit_profile", kwargs={"pk": tree.committee.pk})
    response = client_as("office").post(url, {"issuer_symbol": "X" * 30, "place": "Huế"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="field has-error"' in page and "20" in page  # the limit, next to the field
    tree.committee.refresh_from_db()
    assert tree.committee.place != "Huế"


def test_a_cell_prints_for_its_committee_and_keeps_its_own_file(tree):
    fields = committee_fields(tree.cell_b, kind="BB", number="3")
    assert fields["superior_body"] == tree.committee.name
    assert fields["number_symbol"] == "3-BB/CB" and fields["archive"] == "Lưu Chi bộ"
    assert fields["signer_on_behalf"] == "T/M CHI BỘ"
