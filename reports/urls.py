from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.review_list, name="list"),
    path("tao-moi/", views.review_create, name="create"),
    path("<int:pk>/", views.review_detail, name="detail"),
    path("<int:pk>/sua/", views.review_edit, name="edit"),
    path("<int:pk>/muc/<slug:key>/", views.section, name="section"),
    path("<int:pk>/muc/<slug:key>/theo-so-lieu/", views.section_reset, name="section_reset"),
    path("<int:pk>/chot/", views.freeze, name="freeze"),
    path("<int:pk>/phien-ban-moi/", views.new_version, name="new_version"),
    path("<int:pk>/dang-tin/", views.publish, name="publish"),
    path("<int:pk>/xuat/<slug:fmt>/", views.export, name="export"),
    path("<int:pk>/tinh-so-lieu/", views.figures_status, name="figures_status"),
    path("<int:pk>/so-lieu/<slug:name>/", views.drill, name="drill"),
    path("tep/<int:pk>/", views.job, name="job"),
    path("tep/<int:pk>/tien-do/", views.job_status, name="job_status"),
    path("tep/<int:pk>/tai-ve/", views.job_download, name="job_download"),
    path("tep/<int:pk>/chay-lai/", views.job_retry, name="job_retry"),
]
