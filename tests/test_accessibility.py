"""axe-core (vendored in the axe-playwright-python package, no CDN) on every page type.

Every GET page of the permission matrix is opened in Chromium as the first role that may open
it, and the audit fails on any serious or critical violation. Tables are also checked on a
phone, where they scroll sideways and must be reachable from the keyboard.
"""

import pytest
from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.testing import sign_in_browser
from tests.test_permission_matrix import MATRIX

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ("office", "secretary", "inspection", "member", "editor", "anonymous")
SERIOUS = {"serious", "critical"}


from playwright.sync_api import Error as PlaywrightError  # noqa: E402


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{item['id']} ({item['impact']}): {item['help']} — "
        + "; ".join(node["target"][0] for node in item["nodes"][:3])
        for item in results.response["violations"]
        if item["impact"] in SERIOUS
    ]


def page_urls(tree, users) -> list[tuple[str, str]]:
    """(role, url) of every HTML page of the matrix, opened by the first role allowed."""
    found = []
    for name, case in sorted(MATRIX.items()):
        if case.method != "get":
            continue
        role = next((r for r in ROLES if case.statuses.get(r) == 200), None)
        if role is None:
            continue
        try:
            # Cases build their objects independently; one that clashes with an object built
            # for an earlier case (one plan per year…) is the same page type: skip it.
            with transaction.atomic():
                if case.setup:
                    case.setup(tree, users)
                kwargs = case.kwargs(tree, users) if case.kwargs else {}
        except (IntegrityError, ObjectDoesNotExist, MultipleObjectsReturned):
            continue
        found.append((role, reverse(name, kwargs=kwargs)))
    return found


def test_every_page_type_passes_axe(browser, live_server, tree, users):
    failures: dict[str, list[str]] = {}
    by_role: dict[str, list[str]] = {}
    for role, url in page_urls(tree, users):
        by_role.setdefault(role, []).append(url)
    checked = 0
    for role, urls in by_role.items():
        context = browser.new_context(locale="vi-VN", base_url=live_server.url)
        page = context.new_page()
        if role != "anonymous":
            sign_in_browser(page, role)
        for url in urls:
            try:
                response = page.goto(url)
            except PlaywrightError:  # a file download (attachment, export), not a page
                continue
            if response is None or "text/html" not in response.headers.get("content-type", ""):
                continue
            if not page.content().lstrip().lower().startswith("<!doctype"):
                continue  # an htmx fragment (a picker's results), part of another page
            checked += 1
            problems = axe_violations(page)
            if problems:
                failures[f"{role} {url}"] = problems
        context.close()
    assert checked > 40
    assert not failures, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in failures.items())


def test_error_pages_and_phone_tables_pass_axe(browser, live_server, tree, users):
    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
    )
    page = context.new_page()
    page.goto("/khong-co-trang-nay/")
    assert not axe_violations(page)
    sign_in_browser(page, "office")
    for url in ("/to-chuc/", reverse("organisation:unit", args=[tree.cell_a.pk]), "/nhat-ky/"):
        page.goto(url)
        assert not axe_violations(page), url
    context.close()
