"""Accounts are given by the administrator or the system, never by an office or a member."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import RoleAssignment, User
from accounts.services import account_create, role_assign
from core.actors import SYSTEM
from core.roles import Role
from organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_the_system_gives_an_account_its_roles_and_its_password():
    cell = UnitFactory.create(kind="cell")
    account = account_create(
        SYSTEM,
        username="bithu2",
        password="mat-khau-dai-2026",
        first_name="Bí thư",
        roles=[(Role.SECRETARY, cell), (Role.MEMBER, cell)],
    )
    assert set(account.role_assignments.values_list("role", flat=True)) == {"secretary", "member"}
    assert account.is_active and account.check_password("mat-khau-dai-2026")


def test_giving_a_role_twice_keeps_one(db):
    cell = UnitFactory.create(kind="cell")
    account = account_create(SYSTEM, username="a", password="x-2026-dai")
    role_assign(SYSTEM, account=account, role=Role.SECRETARY, unit=cell)
    role_assign(SYSTEM, account=account, role=Role.SECRETARY, unit=cell)
    assert RoleAssignment.objects.filter(user=account).count() == 1


@pytest.mark.parametrize("superuser", [False, True])
def test_only_an_administrator_gives_accounts(superuser):
    cell = UnitFactory.create(kind="cell")
    office = account_create(SYSTEM, username="office", password="x-2026-dai", superuser=superuser)
    role_assign(SYSTEM, account=office, role=Role.OFFICE, unit=cell)
    before = User.objects.count()
    if superuser:
        account_create(office, username="new", password="x-2026-dai", roles=[(Role.MEMBER, cell)])
        assert User.objects.count() == before + 1
    else:
        with pytest.raises(PermissionDenied):
            account_create(office, username="new", password="x-2026-dai")
        with pytest.raises(PermissionDenied):
            role_assign(office, account=office, role=Role.INSPECTION, unit=cell)
        assert User.objects.count() == before
        assert not RoleAssignment.objects.filter(role=Role.INSPECTION).exists()
