"""Every kind of stored file, asked for by every role, by the office of another committee and by
nobody: a file is served exactly to those who may open its record, never from /media/, with
its type read from the content, as an attachment unless it is a picture, and `nosniff`."""

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from PIL import Image

from accounts.tests.factories import RoleAssignmentFactory, UserFactory
from core.roles import Role
from core.testing import ALL_ROLES, png_bytes
from organisation.tests.factories import CommitteeFactory, UnitFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
STRANGER = "stranger"


def _activity_photo(tree, users):
    from activities.models import ActivityPhoto
    from activities.tests.factories import ActivityFactory

    photo = ActivityPhoto(activity=ActivityFactory(unit=tree.cell_a))
    photo.image.save("anh.png", ContentFile(png_bytes()), save=True)
    return (
        reverse("activities:photo_file", args=[photo.pk]),
        reverse("activities:activity_detail", args=[photo.activity_id]),
        photo.image,
    )


def _pledge_scan(tree, users):
    from pledges.tests.factories import PledgeFactory

    pledge = PledgeFactory(person=tree.members_a[1])
    pledge.scan.save("scan.pdf", ContentFile(PDF), save=True)
    return (
        reverse("pledges:pledge_scan", args=[pledge.pk]),
        reverse("pledges:pledge_detail", args=[pledge.pk]),
        pledge.scan,
    )


def _minutes_file(tree, users):
    from meetings.tests.factories import MeetingFactory, MinutesFactory

    minutes = MinutesFactory(meeting=MeetingFactory(unit=tree.cell_a))
    minutes.file.save("bien-ban.pdf", ContentFile(PDF), save=True)
    meeting = minutes.meeting_id
    return (
        reverse("meetings:minutes_file", args=[meeting, minutes.version]),
        reverse("meetings:minutes", args=[meeting]),
        minutes.file,
    )


def _plan_file(tree, users):
    from inspections.tests.factories import InspectionPlanFactory

    plan = InspectionPlanFactory(committee=tree.committee)
    plan.file.save("ke-hoach.pdf", ContentFile(PDF), save=True)
    return (
        reverse("inspections:plan_file", args=[plan.pk]),
        reverse("inspections:plan_detail", args=[plan.pk]),
        plan.file,
    )


def _conclusion_file(tree, users):
    from inspections.tests.factories import ConcludedInspectionFactory, InspectionPlanFactory

    inspection = ConcludedInspectionFactory(
        subject_unit=tree.cell_a, plan=InspectionPlanFactory(committee=tree.committee)
    )
    inspection.conclusion_file.save("ket-luan.pdf", ContentFile(PDF), save=True)
    return (
        reverse("inspections:inspection_file", args=[inspection.pk, "ket-luan"]),
        reverse("inspections:inspection_detail", args=[inspection.pk]),
        inspection.conclusion_file,
    )


def _evidence_file(tree, users):
    from inspections.tests.permissions import _evidence

    evidence = _evidence(tree)
    evidence.file.save("minh-chung.pdf", ContentFile(PDF), save=True)
    return (
        reverse("inspections:evidence_download", args=[evidence.pk]),
        reverse("inspections:remediation_detail", args=[evidence.submission.remediation_id]),
        evidence.file,
    )


def _document_file(tree, users):
    from documents.tests.factories import DocumentFactory

    document = DocumentFactory(issued_by=tree.committee)
    document.file.save("van-ban.pdf", ContentFile(PDF), save=True)
    return (
        reverse("documents:file", args=[document.pk]),
        reverse("documents:detail", args=[document.pk]),
        document.file,
    )


def _export_file(tree, users):
    from reports.models import ExportJob
    from reports.tests.permissions import make_review

    job = ExportJob.objects.get(review=make_review(tree, users))
    return (
        reverse("reports:job_download", args=[job.pk]),
        reverse("reports:job", args=[job.pk]),
        job.file,
    )


def _news_photo(published: bool) -> Callable:
    def build(tree, users):
        from news.models import Article, ArticleImage
        from news.tests.factories import ArticleFactory

        status = Article.Status.PUBLISHED if published else Article.Status.DRAFT
        article = ArticleFactory(status=status, published_at=timezone.now())
        photo = ArticleImage(article=article, width=8, height=8)
        photo.image.save("tin.png", ContentFile(png_bytes()), save=True)
        record = article.get_absolute_url() if published else None
        return photo.url, record, photo.image

    return build


KINDS = {
    "activity photo": _activity_photo,
    "pledge scan": _pledge_scan,
    "minutes file": _minutes_file,
    "inspection plan file": _plan_file,
    "inspection conclusion file": _conclusion_file,
    "inspection evidence": _evidence_file,
    "document file": _document_file,
    "exported report": _export_file,
    "published news photo": _news_photo(True),
    "draft news photo": _news_photo(False),
}


@pytest.fixture
def everyone(users, second_committee):
    """The usual roles, plus the office of a second committee."""
    other = CommitteeFactory(code="DB2", name="Đảng bộ thứ hai")
    UnitFactory(code="CB2", name="Chi bộ thứ hai", parent=other)
    stranger = UserFactory(username=STRANGER)
    RoleAssignmentFactory(user=stranger, role=Role.OFFICE, unit=other)
    return {**users, STRANGER: stranger}


def may_edit_article(user, article) -> bool:
    """News staff of the article's own committee (the back office is per committee)."""
    from news.policies import articles

    return user is not None and articles.queryset_for(user).filter(pk=article.pk).exists()


def _get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client.get(url)


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_file_is_served_only_to_those_who_may_open_its_record(client, tree, everyone, kind):
    file_url, record_url, field = KINDS[kind](tree, everyone)
    stored = Path(field.path).read_bytes()
    served_to = set()
    for role in [*ALL_ROLES, STRANGER]:
        response = _get(client, everyone[role], file_url)
        if record_url is None:  # a draft: only the news staff of the article's committee
            may = may_edit_article(everyone[role], field.instance.article)
        else:
            may = _get(client, everyone[role], record_url).status_code == 200
        if not may:
            assert response.status_code in (302, 403, 404), (kind, role)
            continue
        served_to.add(role)
        assert response.status_code == 200, (kind, role)
        assert b"".join(response.streaming_content) == stored
        assert response["X-Content-Type-Options"] == "nosniff"
        disposition = response["Content-Disposition"]
        if stored.startswith(b"\x89PNG"):
            assert response["Content-Type"] == "image/png"
            assert disposition.startswith("inline")
        else:
            assert disposition.startswith("attachment"), (kind, disposition)
            assert response["Content-Type"] in ("application/pdf", "application/octet-stream")
    assert (STRANGER in served_to) == (kind == "published news photo")
    assert ("anonymous" in served_to) == (kind == "published news photo")
    assert served_to, kind
    # The stored name is the system's, and nothing serves the media folder directly.
    assert Path(field.name).stem not in {"anh", "scan", "bien-ban", "ke-hoach", "tin"}
    with pytest.raises(Resolver404):
        resolve(f"{settings.MEDIA_URL}{field.name}")
    assert _get(client, everyone["office"], f"/media/{field.name}").status_code == 404


def _polyglot_gif() -> bytes:
    """A valid GIF that is also meant to run as script: the payload rides in a comment block
    and after the trailer, where browsers sniffing the bytes would find it."""
    buffer = io.BytesIO()
    Image.new("P", (4, 4), 1).save(buffer, "GIF", comment=b"*/=alert(document.cookie)//")
    return buffer.getvalue() + b"\n/*x*/alert(document.cookie);"


def test_a_polyglot_gif_photo_is_redrawn_as_a_plain_picture(client_as, tree):
    from activities.models import ActivityPhoto
    from activities.tests.factories import ActivityFactory

    activity = ActivityFactory(unit=tree.cell_a)
    upload = SimpleUploadedFile("x.html", _polyglot_gif(), content_type="text/html")
    response = client_as("secretary").post(
        reverse("activities:photo_add", args=[activity.pk]), {"image": upload}
    )
    assert response.status_code == 302
    photo = ActivityPhoto.objects.get(activity=activity)
    stored = Path(photo.image.path).read_bytes()
    assert stored.startswith(b"\x89PNG") and b"alert" not in stored
    assert photo.image.name.endswith(".png") and "x.html" not in photo.image.name
    with Image.open(photo.image.path) as picture:
        assert picture.size == (4, 4)
    served = client_as("office").get(reverse("activities:photo_file", args=[photo.pk]))
    assert served["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    "name, content",
    [
        ("trang.html", b"<html><script>alert(1)</script></html>"),
        ("anh.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
        ("bien-ban.pdf", b"<!doctype html><script>alert(1)</script>"),
    ],
)
def test_pages_and_scripts_are_refused_and_nothing_is_stored(client_as, tree, name, content):
    from activities.tests.factories import ActivityFactory
    from documents.tests.factories import DocumentFactory

    activity = ActivityFactory(unit=tree.cell_a)
    office = client_as("office")
    response = office.post(
        reverse("activities:photo_add", args=[activity.pk]),
        {"image": SimpleUploadedFile(name, content, content_type="text/html")},
    )
    assert response.status_code == 400
    assert "không phải là ảnh" in response.content.decode() or "Không nhận loại tệp" in (
        response.content.decode()
    )
    document = DocumentFactory(issued_by=tree.committee)
    response = office.post(
        reverse("documents:update", args=[document.pk]),
        {
            "number_symbol": document.number_symbol,
            "kind": document.kind,
            "issued_on": document.issued_on.strftime("%d/%m/%Y"),
            "issuer": document.issuer,
            "summary": document.summary,
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert not document.file
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


@pytest.mark.parametrize("mode", ["nginx", "apache"])
def test_behind_a_web_server_the_view_checks_and_the_server_sends(
    client_as, tree, users, settings, mode
):
    settings.FILES_SENDFILE = mode
    file_url, _record, field = _document_file(tree, users)
    response = client_as("office").get(file_url)
    assert response.status_code == 200 and response.content == b""
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    if mode == "nginx":
        assert response["X-Accel-Redirect"] == f"/protected-media/{field.name}"
    else:
        assert response["X-Sendfile"] == field.path
    refused = client_as("anonymous").get(file_url)
    assert refused.status_code == 302
    assert "X-Accel-Redirect" not in refused and "X-Sendfile" not in refused


def test_background_jobs_store_their_files_where_they_did():
    """The produced file's folder moved into `BackgroundJob`; every job kind keeps its own."""
    import posixpath

    from django.utils import timezone

    from exporters.models import PrintJob
    from reports.models import ExportJob
    from workbook.models import WorkbookJob

    year = timezone.localdate().year

    def folder(job, name: str) -> str:
        return posixpath.dirname(job._meta.get_field("file").generate_filename(job, name))

    assert folder(PrintJob(), "a.pdf") == f"printouts/{year}"
    assert folder(ExportJob(), "b.docx") == f"reports/exports/{year}"
    assert folder(WorkbookJob(), "c.xlsx") == "workbook/exports"
    assert [job._meta.ordering for job in (PrintJob, ExportJob, WorkbookJob)] == [
        ["-created_at", "-pk"]
    ] * 3
