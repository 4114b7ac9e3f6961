"""Fixtures every app's tests share: a small committee, one user per role, a browser."""

import os
import shutil
from dataclasses import dataclass

import pytest
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from accounts.tests.factories import RoleAssignmentFactory, UserFactory
from core.roles import Role
from organisation.models import Unit
from organisation.tests.factories import CommitteeFactory, PersonFactory, StaffFactory, UnitFactory

# Shared 2-core machines: a slow example is not a failure. Explicit @settings still apply.
hypothesis_settings.register_profile(
    "dangbo", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("dangbo")

@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a key made of ids and counters (stored pages,
    live figures) could otherwise meet another test's rows under the same ids."""
    from django.core.cache import cache

    cache.clear()


ROLES = ["anonymous", "office", "secretary", "other_secretary", "inspection", "member", "editor"]


@dataclass
class Tree:
    """Committee → sub-committee → cell A; committee → cell B. Members in each cell."""

    committee: Unit
    sub_committee: Unit
    cell_a: Unit
    cell_b: Unit
    members_a: list
    members_b: list
    staff_a: list


@pytest.fixture
def tree(db) -> Tree:
    committee = CommitteeFactory.create(code="DBT", name="Đảng bộ thử nghiệm")
    sub = UnitFactory.create(
        code="BP1", name="Đảng bộ bộ phận thử", kind=Unit.Kind.SUB_COMMITTEE, parent=committee
    )
    cell_a = UnitFactory.create(code="CBA", name="Chi bộ A", parent=sub)
    cell_b = UnitFactory.create(code="CBB", name="Chi bộ B", parent=committee)
    members_a = PersonFactory.create_batch(3, unit=cell_a)
    members_b = PersonFactory.create_batch(3, unit=cell_b)
    staff_a = StaffFactory.create_batch(1, unit=cell_a)
    return Tree(committee, sub, cell_a, cell_b, members_a, members_b, staff_a)


@pytest.fixture
def users(tree: Tree) -> dict:
    """One user per role; the secretary and the member belong to cell A."""

    def user_with(role: str, unit: Unit, person=None, name: str = ""):
        user = UserFactory(username=name or role, person=person)
        RoleAssignmentFactory(user=user, role=role, unit=unit)
        return user

    return {
        "anonymous": None,
        "office": user_with(Role.OFFICE, tree.committee),
        "secretary": user_with(Role.SECRETARY, tree.cell_a, tree.members_a[0]),
        "other_secretary": user_with(
            Role.SECRETARY, tree.cell_b, tree.members_b[0], name="other_secretary"
        ),
        "inspection": user_with(Role.INSPECTION, tree.committee),
        "member": user_with(Role.MEMBER, tree.cell_a, tree.members_a[1]),
        "editor": user_with(Role.EDITOR, tree.committee),
    }


@pytest.fixture
def second_committee(users) -> dict:
    """Another committee with a cell, and its office, secretary and member (added to
    `users` as office2, secretary2, member2): they must never reach the first one's records."""
    committee = CommitteeFactory(code="DBK", name="Đảng bộ thứ hai")
    cell = UnitFactory(code="CBK", name="Chi bộ Mười", parent=committee)
    members = PersonFactory.create_batch(2, unit=cell)
    added = {}
    for role, name, unit, person in (
        (Role.OFFICE, "office2", committee, None),
        (Role.SECRETARY, "secretary2", cell, members[0]),
        (Role.MEMBER, "member2", cell, members[1]),
    ):
        user = UserFactory(username=name, person=person)
        RoleAssignmentFactory(user=user, role=role, unit=unit)
        added[name] = user
    users.update(added)
    return {"committee": committee, "cell": cell, "members": members, "users": added}


@pytest.fixture
def client_as(client, users):
    """client_as("office") → a test client signed in as that role (None: anonymous)."""

    def sign_in(role: str):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role], backend="django.contrib.auth.backends.ModelBackend")
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop; Django's ORM calls in tests are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


SCREENSHOTS = settings.BASE_DIR / "docs" / "screenshots"


@pytest.fixture
def screenshot():
    """screenshot(page, "name") saves docs/screenshots/name.png for the user guide — only under
    `make screenshots` (SCREENSHOTS=1), so that test runs leave the guide's pictures alone."""

    def take(page, name: str) -> None:
        if os.environ.get("SCREENSHOTS") != "1":
            return
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
