"""Who sees and changes review reports.

The committee office and the inspection commission of a committee see its reports; only the
office changes them (drafts, freezes, publishes). Inspection may export. A cell secretary
does not see the committee's report: his cell's own figures are on the cell's pages, and the
report is the committee's document until it is signed (docs/decisions.md).
"""

from django.db.models import QuerySet

from core.policy import UnitScopedPolicy
from core.roles import Role

from .models import ExportJob, Review


class ReviewPolicy(UnitScopedPolicy):
    model = Review
    unit_path = "committee__path"
    view_roles = (Role.OFFICE, Role.INSPECTION)
    change_roles = (Role.OFFICE,)

    def base_queryset(self) -> QuerySet:
        return Review.objects.select_related("committee", "directive")


class ExportJobPolicy(UnitScopedPolicy):
    model = ExportJob
    unit_path = "review__committee__path"
    view_roles = (Role.OFFICE, Role.INSPECTION)
    change_roles = (Role.OFFICE, Role.INSPECTION)

    def base_queryset(self) -> QuerySet:
        return ExportJob.objects.select_related("review", "review__committee")


reviews = ReviewPolicy()
export_jobs = ExportJobPolicy()
