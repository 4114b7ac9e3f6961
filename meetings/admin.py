from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Attendance, FocusArea, Guest, Meeting, MeetingRules, Minutes, TopicDeadline


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["code", "kind", "unit", "date", "held"]
    list_filter = ["kind", "held"]
    search_fields = ["code", "search_key"]
    raw_id_fields = ["unit", "chair", "secretary"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "person", "status"]
    raw_id_fields = ["meeting", "person"]


@admin.register(Minutes)
class MinutesAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "version", "status", "approved_at"]
    raw_id_fields = ["meeting"]


for model in (FocusArea, Guest, MeetingRules, TopicDeadline):
    admin.site.register(model, SimpleHistoryAdmin)
