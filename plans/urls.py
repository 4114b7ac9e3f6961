from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("them/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/in.<str:fmt>", views.plan_print, name="print"),
    path("<int:pk>/<str:part>/them/", views.part_edit, name="part_add"),
    path("<int:pk>/<str:part>/<int:part_pk>/", views.part_edit, name="part_edit"),
    path("<int:pk>/<str:part>/<int:part_pk>/xoa/", views.part_delete, name="part_delete"),
]
