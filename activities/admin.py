from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, ActivityKind, Commendation


@admin.register(ActivityKind)
class ActivityKindAdmin(admin.ModelAdmin):
    """The list of kinds is data: the office adds a kind here without code."""

    list_display = ["name", "default_measure_unit"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "organisation", "kind", "date", "participants"]
    search_fields = ["code", "title"]
    list_filter = ["organisation", "kind"]
    raw_id_fields = ["people"]


@admin.register(Commendation)
class CommendationAdmin(SimpleHistoryAdmin):
    list_display = ["code", "person", "unit", "level", "form", "decided_on"]
    search_fields = ["code", "decision_number"]
    raw_id_fields = ["person"]
