from django.conf import settings
from django.conf.urls.static import static
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
    path("so-lieu/", include("workbook.urls")),
    path("tin-tuc/", include("news.urls")),
    path("quan-tri/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
