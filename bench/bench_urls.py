"""The project's URLs plus a hello view: the floor a cached page is compared with."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Xin chào", content_type="text/plain; charset=utf-8")


urlpatterns = [path("hello/", hello), path("", include("config.urls"))]
