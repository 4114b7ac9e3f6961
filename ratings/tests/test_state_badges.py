"""Members exempted from activity or suspended on the roll date are listed on the cell's
rating page with a badge and nothing to propose; the round's list and counts leave them out."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisation.services import member_event_record
from ratings import selectors, services
from ratings.models import Level


def _review(client, tree):
    url = reverse("ratings:cell_review", kwargs={"cell_pk": tree.cell_a.pk, "year": 2019})
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, len(queries)


def test_an_exempt_member_is_listed_with_a_badge_and_cannot_be_proposed(client_as, tree, users):
    services.rating_self_assess(
        person=tree.members_a[1], year=2019, text="…", self_level=Level.GOOD, user=users["member"]
    )
    client = client_as("secretary")
    _html, queries_before = _review(client, tree)
    exempt = tree.members_a[0]
    member_event_record(
        user=users["office"], person=exempt, kind="exempt", date=dt.date(2019, 3, 1)
    )
    html, queries = _review(client, tree)
    assert queries == queries_before
    assert exempt.full_name in html and "Miễn sinh hoạt" in html
    assert f'name="level_{exempt.pk}"' not in html
    assert f'name="level_{tree.members_a[1].pk}"' in html
    assert "Không đánh giá, xếp loại" in html
    # The round's list and its progress still count only the members to rate.
    everyone = selectors.round_rows(users["office"], 2019)
    assert exempt.pk not in {row.person.pk for row in everyone}
    progress = selectors.progress(users["office"], 2019)
    assert exempt.pk not in {row.person.pk for row in progress.not_self_assessed}
