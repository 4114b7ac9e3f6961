from django.urls import path

from . import views

app_name = "pledges"
urlpatterns = [
    path("", views.pledge_list, name="pledge_list"),
    path("cua-toi/", views.mine, name="mine"),
    path("cua-toi/<int:year>/cam-ket/", views.my_pledge, name="my_pledge"),
    path("cua-toi/<int:year>/ke-hoach/", views.my_plan, name="my_plan"),
    path("ghi-ban-giay/", views.pledge_record, name="pledge_record"),
    path("<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("<int:pk>/sua/", views.pledge_edit, name="pledge_edit"),
    path("<int:pk>/xac-nhan/", views.pledge_confirm, name="pledge_confirm"),
    path("<int:pk>/tai-ve.<str:fmt>", views.pledge_download, name="pledge_download"),
    path("<int:pk>/ban-quet/", views.pledge_scan, name="pledge_scan"),
    path("ke-hoach/", views.plan_list, name="plan_list"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("tien-do/", views.progress, name="progress"),
    path("tien-do/chi-bo/<int:pk>/", views.progress_cell, name="progress_cell"),
    path("tien-do/chi-bo/<int:pk>/nhac-nho/", views.reminder, name="reminder"),
    path("chuan-muc/", views.standard_list, name="standard_list"),
    path("chuan-muc/<int:unit_pk>/<int:year>/", views.standard_edit, name="standard_edit"),
    path("mau/<int:year>/", views.template_edit, name="template_edit"),
]
