"""Members exempted from activity or suspended are listed on the cell's pledge page with a
badge and no action, and are not counted as missing a pledge."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisation.services import member_event_record


def _cell_page(client, tree):
    url = reverse("pledges:progress_cell", args=[tree.cell_a.pk])
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url, {"year": 2019}).content.decode()
    return html, len(queries)


def test_exempt_and_suspended_members_show_a_badge_and_no_action(client_as, tree, users):
    client = client_as("office")
    before, queries_before = _cell_page(client, tree)
    exempt, suspended = tree.members_a[0], tree.members_a[1]
    for person, kind in ((exempt, "exempt"), (suspended, "suspend")):
        member_event_record(
            user=users["office"], person=person, kind=kind, date=dt.date(2019, 3, 1)
        )
    html, queries = _cell_page(client, tree)
    assert queries == queries_before  # the same queries, whoever is listed
    assert exempt.full_name in html and suspended.full_name in html
    assert "Miễn sinh hoạt" in html and "Đình chỉ sinh hoạt" in html
    assert html.count("Không phải đăng ký cam kết") == 2
    assert before.count("Chưa") - html.count("Chưa") == 4  # no "not yet" for the two
    reminder = client.get(
        reverse("pledges:reminder", args=[tree.cell_a.pk]), {"year": 2019}
    ).content.decode()
    assert f"<td>{exempt.code}</td>" not in reminder
    assert f"<td>{suspended.code}</td>" not in reminder
    assert f"<td>{tree.members_a[2].code}</td>" in reminder
    progress = client.get(reverse("pledges:progress"), {"year": 2019}).content.decode()
    assert "2 miễn hoặc đình chỉ sinh hoạt" in progress
