from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("core.urls")),
    path("tai-khoan/", include("accounts.urls")),
    path("to-chuc/", include("organisation.urls")),
    path("van-ban/", include("documents.urls")),
    path("sinh-hoat/", include("meetings.urls")),
    path("cam-ket/", include("pledges.urls")),
    path("hoat-dong/", include("activities.urls")),
    path("xep-loai/", include("ratings.urls")),
    path("kiem-tra/", include("inspections.urls")),
    path("bao-cao/", include("reports.urls")),
    path("ban-in/", include("exporters.urls")),
    path("so-lieu/", include("workbook.urls")),
    path("tin-tuc/", include("news.urls")),
    path("ke-hoach/", include("plans.urls")),
    path("nhac-viec/", include("reminders.urls")),
    path("quan-tri/", admin.site.urls),
]
# Nothing serves MEDIA_ROOT: every stored file goes through a view that checks the reader
# (core/files.py), under runserver as behind nginx.

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
