from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["person", "year", "registered_on", "version", "confirmed_at"]
    list_filter = ["year"]
    raw_id_fields = ["person"]
    readonly_fields = ["version", "confirmed_at", "confirmed_by"]


admin.site.register([PersonalPlan, ConductStandard, PledgeTemplate], SimpleHistoryAdmin)
