from django.urls import path

from . import unit_views, views

app_name = "organisation"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("tim-kiem/", views.search, name="search"),
    path("chon-nguoi/", views.person_picker, name="person_picker"),
    path("ho-so-cua-toi/", views.me, name="me"),
    path("don-vi/<int:pk>/", views.unit_detail, name="unit"),
    path("don-vi/<int:pk>/ho-so-van-ban/", views.unit_profile, name="unit_profile"),
    path("don-vi/<int:pk>/them-nguoi/", views.person_add, name="person_add"),
    path("don-vi/<int:pk>/thanh-lap/", unit_views.unit_found, name="unit_found"),
    path("don-vi/<int:pk>/sua/", unit_views.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/doi-ten/", unit_views.unit_rename, name="unit_rename"),
    path("don-vi/<int:pk>/chuyen-cap-tren/", unit_views.unit_move, name="unit_move"),
    path("don-vi/<int:pk>/giai-the/", unit_views.unit_dissolve, name="unit_dissolve"),
    path("nhan-su/<int:pk>/", views.person_detail, name="person"),
    path("nhan-su/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("nhan-su/<int:pk>/bien-dong/", views.person_event, name="person_event"),
    path(
        "nhan-su/<int:pk>/bien-dong/<int:event_pk>/xoa/",
        views.person_event_delete,
        name="person_event_delete",
    ),
]
