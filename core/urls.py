from django.urls import path
from django.views.i18n import set_language

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("nhat-ky/", views.audit_trail, name="audit"),
    path("ngon-ngu/", set_language, name="language"),
    path("healthz", views.healthz, name="healthz"),
]
