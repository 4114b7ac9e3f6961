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

from core.policy import CHANGE, VIEW, UnitScopedPolicy, path_in, role_paths, subtree_q
from core.roles import Role

from .models import Document, DocumentDelivery, StudyTopic


def _ancestor_paths(paths: list[str]) -> set[str]:
    """ "1.5.12." → {"1.", "1.5.", "1.5.12."}: the units at or above each held unit."""
    found: set[str] = set()
    for path in paths:
        parts = path.strip(".").split(".")
        found |= {".".join(parts[: index + 1]) + "." for index in range(len(parts))}
    return found


class DocumentPolicy(UnitScopedPolicy):
    model = Document
    unit_path = "issued_by__path"

    def visible_to(self, user: Any, queryset: QuerySet | None = None) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if getattr(user, "is_superuser", False):
            return queryset
        if not getattr(user, "is_authenticated", False):
            return queryset.none()
        below = role_paths(user, self.view_roles)
        if not below:
            return queryset.none()
        query = Q(issued_by__isnull=True) | Q(issued_by__path__in=_ancestor_paths(below))
        query |= subtree_q(below, "issued_by__path")
        if below:
            delivered = DocumentDelivery.objects.filter(document=OuterRef("pk")).filter(
                subtree_q(below, "unit__path")
            )
            query |= Exists(delivered)
        return queryset.filter(query)

    def can(self, user: Any, action: str, obj: Document | None = None) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if getattr(user, "is_superuser", False):
            return True
        if action == VIEW:
            if obj is None:
                return bool(role_paths(user, self.view_roles))
            return self.visible_to(user).filter(pk=obj.pk).exists()
        offices = role_paths(user, (Role.OFFICE,))
        if obj is None or obj.issued_by_id is None:
            return bool(offices)
        return path_in(offices, obj.issued_by.path)

    def can_issue_for(self, user: Any, unit: Any) -> bool:
        """May the user register a document in the name of `unit` (None: an outside body)?"""
        if getattr(user, "is_superuser", False):
            return True
        offices = role_paths(user, (Role.OFFICE,))
        return bool(offices) if unit is None else path_in(offices, unit.path)

    def can_deliver(self, user: Any, obj: Document) -> bool:
        """Only a document issued by one of our committees goes out to its cells."""
        return (
            obj.issued_by_id is not None
            and not obj.issued_by.is_cell
            and self.can(user, CHANGE, obj)
        )


class StudyTopicPolicy(UnitScopedPolicy):
    """Topics are shared reference data: everybody signed in reads, the office edits."""

    model = StudyTopic

    def visible_to(self, user: Any, queryset: QuerySet | None = None) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if getattr(user, "is_authenticated", False):
            return queryset
        return queryset.none()

    def can(self, user: Any, action: str, obj: StudyTopic | None = None) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if action == VIEW or getattr(user, "is_superuser", False):
            return True
        return bool(role_paths(user, (Role.OFFICE,)))


documents = DocumentPolicy()
topics = StudyTopicPolicy()


def office_unit_q(user: Any, lookup: str = "path") -> Q:
    """Units the user's office role reaches (everything for a superuser)."""
    if getattr(user, "is_superuser", False):
        return Q()
    return subtree_q(role_paths(user, (Role.OFFICE,)), lookup)


def sees_every_cell(user: Any) -> bool:
    """Office and inspection see the delivery matrix of the committee."""
    if getattr(user, "is_superuser", False):
        return True
    return bool(role_paths(user, (Role.OFFICE, Role.INSPECTION)))
