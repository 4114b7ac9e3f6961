from django.urls import path

from . import views

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
    path("quy-dinh/them/", views.setting_create, {"setting": views.RULES}, name="rules_create"),
    path("quy-dinh/<int:pk>/", views.setting_edit, {"setting": views.RULES}, name="rules_edit"),
    path("quy-tac-ung-xu/", views.focus_list, name="focus_areas"),
    path(
        "quy-tac-ung-xu/them/",
        views.setting_create,
        {"setting": views.FOCUS_AREAS},
        name="focus_create",
    ),
    path(
        "quy-tac-ung-xu/<int:pk>/",
        views.setting_edit,
        {"setting": views.FOCUS_AREAS},
        name="focus_edit",
    ),
    path("han-hoc-tap/", views.deadline_list, name="deadlines"),
    path(
        "han-hoc-tap/them/",
        views.setting_create,
        {"setting": views.DEADLINES},
        name="deadline_create",
    ),
    path(
        "han-hoc-tap/<int:pk>/",
        views.setting_edit,
        {"setting": views.DEADLINES},
        name="deadline_edit",
    ),
    path("han-hoc-tap/<int:pk>/xoa/", views.deadline_delete, name="deadline_delete"),
]
