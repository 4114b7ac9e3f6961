from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The dashboard: each app contributes panels through core.dashboard."""
    from core.dashboard import panels_for

    return render(request, "core/home.html", {"panels": panels_for(request)})


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
