from django.urls import path

from . import views

app_name = "ratings"
urlpatterns = [
    path("", views.index, name="index"),
    path("tien-do/", views.progress, name="progress"),
    path("<int:year>/tu-danh-gia/", views.self_assess, name="self_assess"),
    path("danh-gia/<int:pk>/", views.detail, name="detail"),
    path("danh-gia/<int:pk>/quyet-dinh/", views.decide, name="decide"),
    path("danh-gia/<int:pk>/khieu-nai/", views.complain, name="complain"),
    path("danh-gia/<int:pk>/xem-xet-lai/", views.reconsider, name="reconsider"),
    path("danh-gia/<int:pk>/tra-loi/<int:complaint_pk>/", views.answer, name="answer"),
    path("chi-bo/<int:cell_pk>/<int:year>/", views.cell_review, name="cell_review"),
    path("chi-bo/<int:cell_pk>/<int:year>/in.<str:fmt>", views.cell_print, name="cell_print"),
    path("quyet-dinh/<int:year>/", views.decide_list, name="decide_list"),
    path(
        "quyet-dinh/<int:year>/chap-nhan-de-xuat/",
        views.accept_proposals,
        name="accept_proposals",
    ),
    path("quyet-dinh/<int:year>/in.<str:fmt>", views.decision_print, name="decision_print"),
    path("bo-quy-tac/", views.rule_set_list, name="rule_sets"),
    path("bo-quy-tac/them/", views.rule_set_edit, name="rule_set_add"),
    path("bo-quy-tac/<int:pk>/sua/", views.rule_set_edit, name="rule_set_edit"),
    path("gioi-han/", views.cap_list, name="caps"),
    path("gioi-han/them/", views.cap_add, name="cap_add"),
    path("gioi-han/<int:pk>/xoa/", views.cap_delete, name="cap_delete"),
]
