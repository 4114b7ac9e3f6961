from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="inspection_list"),
    path("tien-do/", views.progress, name="progress"),
    path("ke-hoach/", views.plan_list, name="plan_list"),
    path("ke-hoach/them/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/sua/", views.plan_update, name="plan_update"),
    path("ke-hoach/<int:pk>/xoa/", views.plan_delete, name="plan_delete"),
    path("ke-hoach/<int:pk>/tep/", views.plan_file, name="plan_file"),
    path("ke-hoach/<int:pk>/in/<str:fmt>/", views.plan_print, name="plan_print"),
    path("ke-hoach/<int:plan_pk>/them-cuoc/", views.inspection_create, name="inspection_create"),
    path("cuoc/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("cuoc/<int:pk>/sua/", views.inspection_update, name="inspection_update"),
    path("cuoc/<int:pk>/tien-hanh/", views.inspection_carry_out, name="inspection_carry_out"),
    path("cuoc/<int:pk>/bat-dau/", views.inspection_start, name="inspection_start"),
    path("cuoc/<int:pk>/ket-luan/", views.inspection_conclude, name="inspection_conclude"),
    path("cuoc/<int:pk>/xoa/", views.inspection_delete, name="inspection_delete"),
    path("cuoc/<int:pk>/tep/<str:kind>/", views.inspection_file, name="inspection_file"),
    path("cuoc/<int:pk>/thong-bao/<str:fmt>/", views.conclusion_print, name="conclusion_print"),
    path("cuoc/<int:pk>/nhan-xet/", views.finding_create, name="finding_create"),
    path("nhan-xet/<int:pk>/xoa/", views.finding_delete, name="finding_delete"),
    path("cuoc/<int:pk>/khac-phuc/them/", views.remediation_create, name="remediation_create"),
    path("khac-phuc/", views.remediation_list, name="remediation_list"),
    path("khac-phuc/<int:pk>/", views.remediation_detail, name="remediation_detail"),
    path("khac-phuc/<int:pk>/sua/", views.remediation_update, name="remediation_update"),
    path("khac-phuc/<int:pk>/xoa/", views.remediation_delete, name="remediation_delete"),
    path("khac-phuc/<int:pk>/bao-cao/", views.remediation_submit, name="remediation_submit"),
    path("khac-phuc/<int:pk>/xac-nhan/", views.remediation_verify, name="remediation_verify"),
    path("khac-phuc/<int:pk>/tra-lai/", views.remediation_return, name="remediation_return"),
    path("bang-chung/<int:pk>/", views.evidence_download, name="evidence_download"),
]
