from django.urls import path

from . import views

app_name = "workbook"
urlpatterns = [
    path("", views.index, name="index"),
    path("tai-len/", views.upload, name="upload"),
    path("xem-truoc/<str:token>/", views.preview, name="preview"),
    path("xem-truoc/<str:token>/xac-nhan/", views.confirm, name="confirm"),
    path("xuat/", views.export, name="export"),
    path("mau/", views.template, name="template"),
]
