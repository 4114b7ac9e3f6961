from django.urls import path

from . import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="activity_list"),
    path("them/", views.activity_create, name="activity_create"),
    path("<int:pk>/", views.activity_detail, name="activity_detail"),
    path("<int:pk>/sua/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/xoa/", views.activity_delete, name="activity_delete"),
    path("<int:pk>/anh/", views.photo_add, name="photo_add"),
    path("anh/<int:pk>/", views.photo_file, name="photo_file"),
    path("anh/<int:pk>/xoa/", views.photo_delete, name="photo_delete"),
    path("tong-hop/", views.totals, name="totals"),
    path("khen-thuong/", views.commendation_list, name="commendation_list"),
    path("khen-thuong/them/", views.commendation_create, name="commendation_create"),
    path("khen-thuong/<int:pk>/", views.commendation_detail, name="commendation_detail"),
    path("khen-thuong/<int:pk>/sua/", views.commendation_edit, name="commendation_edit"),
    path("khen-thuong/<int:pk>/xoa/", views.commendation_delete, name="commendation_delete"),
]
