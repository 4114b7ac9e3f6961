import datetime as dt

from django.urls import reverse


def test_the_commission_sees_cells_to_review_without_links_it_cannot_open(tree, users, client_as):
    year = dt.date.today().year
    url = reverse("ratings:progress") + f"?year={year}"
    review_url = reverse("ratings:cell_review", args=[tree.cell_a.pk, year])
    inspection_page = client_as("inspection").get(url).content.decode()
    assert tree.cell_a.name in inspection_page
    assert review_url not in inspection_page
    assert review_url in client_as("office").get(url).content.decode()


def test_the_commission_gets_no_cell_review_buttons_on_the_round_page(tree, users, client_as):
    year = dt.date.today().year
    review_url = reverse("ratings:cell_review", args=[tree.cell_a.pk, year])
    url = reverse("ratings:index") + f"?year={year}"
    assert review_url not in client_as("inspection").get(url).content.decode()
    assert review_url in client_as("secretary").get(url).content.decode()
