from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("tim-kiem/", views.search, name="search"),
    path("chon-nguoi/", views.person_picker, name="person_picker"),
    path("ho-so-cua-toi/", views.me, name="me"),
    path("don-vi/<int:pk>/", views.unit_detail, name="unit"),
    path("don-vi/<int:pk>/ho-so-van-ban/", views.unit_profile, name="unit_profile"),
    path("don-vi/<int:pk>/them-nguoi/", views.person_add, name="person_add"),
    path("nhan-su/<int:pk>/", views.person_detail, name="person"),
    path("nhan-su/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("nhan-su/<int:pk>/chuyen-chi-bo/", views.person_transfer, name="person_transfer"),
    path("nhan-su/<int:pk>/chuyen-sinh-hoat-di/", views.person_move_out, name="person_move_out"),
]
