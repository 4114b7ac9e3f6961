from django.urls import path

from . import views

app_name = "workbook"
urlpatterns = [
    path("", views.index, name="index"),
    path("tai-len/", views.upload, name="upload"),
    path("viec/<int:pk>/", views.job, name="job"),
    path("viec/<int:pk>/trang-thai/", views.job_status, name="job_status"),
    path("viec/<int:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("viec/<int:pk>/chay-lai/", views.retry, name="retry"),
    path("viec/<int:pk>/tai-ve/", views.download, name="download"),
    path("xuat/", views.export, name="export"),
    path("mau/", views.template, name="template"),
]
