from django.urls import URLPattern, path

from . import views


def _setting_pages(prefix: str, setting: views.Setting, name: str) -> list[URLPattern]:
    """A committee setting's add and change pages: `<name>_create`, `<name>_edit`."""
    extra = {"setting": setting}
    return [
        path(f"{prefix}them/", views.setting_create, extra, name=f"{name}_create"),
        path(f"{prefix}<int:pk>/", views.setting_edit, extra, name=f"{name}_edit"),
    ]


app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("them/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/sua/", views.meeting_edit, name="edit"),
    path("<int:pk>/xoa/", views.meeting_delete, name="delete"),
    path("<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("<int:pk>/diem-danh/<int:person_pk>/", views.attendance_mark, name="attendance_mark"),
    path(
        "<int:pk>/diem-danh/<int:person_pk>/bo/",
        views.attendance_remove,
        name="attendance_remove",
    ),
    path("<int:pk>/diem-danh/tat-ca/", views.attendance_everyone, name="attendance_everyone"),
    path("<int:pk>/diem-danh/them/", views.attendance_add, name="attendance_add"),
    path("<int:pk>/khach/", views.guest_add, name="guest_add"),
    path("<int:pk>/khach/<int:guest_pk>/xoa/", views.guest_delete, name="guest_delete"),
    path("<int:pk>/bien-ban/", views.minutes, name="minutes"),
    path("<int:pk>/bien-ban/viet/", views.minutes_edit, name="minutes_edit"),
    path("<int:pk>/bien-ban/thong-qua/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/bien-ban/ban-<int:version>/", views.minutes, name="minutes_version"),
    path("<int:pk>/bien-ban/ban-<int:version>/word/", views.minutes_docx, name="minutes_docx"),
    path("<int:pk>/bien-ban/ban-<int:version>/pdf/", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/bien-ban/ban-<int:version>/tep/", views.minutes_file, name="minutes_file"),
    path("bao-quat/", views.coverage, name="coverage"),
    path("chuyen-de/", views.topic_coverage, name="topic_coverage"),
    path("can-chu-y/", views.attention, name="attention"),
    path("quy-dinh/", views.rules_list, name="rules"),
    *_setting_pages("quy-dinh/", views.RULES, "rules"),
    path("quy-tac-ung-xu/", views.focus_list, name="focus_areas"),
    *_setting_pages("quy-tac-ung-xu/", views.FOCUS_AREAS, "focus"),
    path("han-hoc-tap/", views.deadline_list, name="deadlines"),
    *_setting_pages("han-hoc-tap/", views.DEADLINES, "deadline"),
    path("han-hoc-tap/<int:pk>/xoa/", views.deadline_delete, name="deadline_delete"),
]
