from django.urls import path

from . import views

app_name = "exporters"

urlpatterns = [
    path("<int:pk>/", views.job, name="job"),
    path("<int:pk>/tien-do/", views.job_status, name="job_status"),
    path("<int:pk>/tai-ve/", views.job_download, name="job_download"),
    path("<int:pk>/chay-lai/", views.job_retry, name="job_retry"),
]
