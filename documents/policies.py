"""Who sees and changes documents and study topics.

The register is read by the roles that see a unit's records (office, inspection commission,
cell secretary); a plain member and the news editor do not read it (domain.md: a member sees
his own records and his cell's meetings, the editor the news). A reader sees the committee-wide
documents (from outside bodies, such as the Politburo's directive, or issued by a unit at or
above his own), those issued by the units below him and those delivered to them. Only the
committee office registers and edits documents and topics.
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from core.policy import (
    CHANGE,
    VIEW,
    UnitScopedPolicy,
    ancestor_paths,
    is_authenticated,
    is_superuser,
    path_in,
    role_paths,
    subtree_q,
)
from core.roles import Role

from .models import Document, DocumentDelivery, StudyTopic


class DocumentPolicy(UnitScopedPolicy):
    model = Document
    unit_path = "issued_by__path"

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if action != VIEW:
            # Changing: the office of the issuing unit; outside bodies' documents, any office.
            if is_superuser(user):
                return queryset
            offices = role_paths(user, (Role.OFFICE,))
            outside = Q(issued_by__isnull=True) if offices else Q(pk__in=[])
            return queryset.filter(outside | subtree_q(offices, "issued_by__path"))
        if is_superuser(user):
            return queryset
        if not is_authenticated(user):
            return queryset.none()
        below = role_paths(user, self.view_roles)
        if not below:
            return queryset.none()
        query = Q(issued_by__isnull=True) | Q(issued_by__path__in=ancestor_paths(below))
        query |= subtree_q(below, "issued_by__path")
        delivered = DocumentDelivery.objects.filter(document=OuterRef("pk")).filter(
            subtree_q(below, "unit__path")
        )
        return queryset.filter(query | Q(Exists(delivered)))

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        if is_superuser(user):
            return True
        if action == VIEW:
            if obj is None:
                return bool(role_paths(user, self.view_roles))
            return self.queryset_for(user).filter(pk=obj.pk).exists()
        offices = role_paths(user, (Role.OFFICE,))
        if obj is None or obj.issued_by_id is None:
            return bool(offices)
        return path_in(offices, obj.issued_by.path)

    def can_issue_for(self, user: Any, unit: Any) -> bool:
        """May the user register a document in the name of `unit` (None: an outside body)?"""
        if is_superuser(user):
            return True
        offices = role_paths(user, (Role.OFFICE,))
        return bool(offices) if unit is None else path_in(offices, unit.path)

    def can_deliver(self, user: Any, obj: Document) -> bool:
        """Only a document issued by one of our committees goes out to its cells."""
        issuer = obj.issued_by
        return issuer is not None and not issuer.is_cell and self.can(user, CHANGE, obj)


class StudyTopicPolicy(UnitScopedPolicy):
    """Topics are shared reference data: everybody signed in reads, the office edits."""

    model = StudyTopic

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        return queryset if self.can(user, action) else queryset.none()

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        if action == VIEW or is_superuser(user):
            return True
        return bool(role_paths(user, (Role.OFFICE,)))


documents = DocumentPolicy()
topics = StudyTopicPolicy()


def office_unit_q(user: Any, lookup: str = "path") -> Q:
    """Units the user's office role reaches (everything for a superuser)."""
    if is_superuser(user):
        return Q()
    return subtree_q(role_paths(user, (Role.OFFICE,)), lookup)


def sees_every_cell(user: Any) -> bool:
    """Office and inspection see the delivery matrix of the committee."""
    if is_superuser(user):
        return True
    return bool(role_paths(user, (Role.OFFICE, Role.INSPECTION)))
