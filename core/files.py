"""Stored files: the type is read from the content, images are redrawn, and a file leaves the
server only through a view that has checked who may see it (see `serve`).

An uploaded file's name and declared type are never trusted: a "photo" that is also JavaScript
or a page named `.html` would otherwise run in the office's session on our own origin.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

# Kinds, named by the extension the stored file gets.
IMAGES = frozenset({"jpg", "png", "gif", "webp"})
PDF = frozenset({"pdf"})
WORD = frozenset({"doc", "docx", "odt"})
SHEETS = frozenset({"xls", "xlsx", "ods"})
SCANS = IMAGES | PDF
PAPERS = IMAGES | PDF | WORD
OFFICE = IMAGES | PDF | WORD | SHEETS

CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "json": "application/json",
    "html": "text/html",
}
LABELS = {
    "jpg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "webp": "WebP",
    "pdf": "PDF",
    "doc": "Word (.doc)",
    "docx": "Word (.docx)",
    "odt": "ODT",
    "xls": "Excel (.xls)",
    "xlsx": "Excel (.xlsx)",
    "ods": "ODS",
}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Pillow's own guard against decompression bombs raises instead of warning above this.
MAX_PIXELS = 40_000_000
# Files served inline; everything else is a download.
INLINE = frozenset({"jpg", "png", "gif", "webp"})
# A served file may not run anything, even if a browser were to render it.
FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def _zip_kind(handle: Any) -> str | None:
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return OPENDOCUMENT.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" not in names:
                return None
            for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
                if any(name.startswith(prefix) for name in names):
                    return kind
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def _ole_kind(content: bytes) -> str | None:
    if "WordDocument".encode("utf-16-le") in content:
        return "doc"
    if "Workbook".encode("utf-16-le") in content or "Book".encode("utf-16-le") in content:
        return "xls"
    return None


def sniff(handle: Any) -> str | None:
    """The kind of a file-like object from its first bytes (and, for zip and OLE containers,
    their directory), or None when it is none of the kinds we keep."""
    handle.seek(0)
    head = handle.read(16)
    handle.seek(0)
    kind = None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpg"
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = "gif"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "webp"
    elif head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(handle)
    elif head.startswith(OLE):
        kind = _ole_kind(handle.read())
    handle.seek(0)
    return kind


def kinds_label(kinds: frozenset[str]) -> str:
    return ", ".join(LABELS[kind] for kind in sorted(kinds, key=list(LABELS).index))


def _redraw(upload: Any, kind: str) -> tuple[bytes, str]:
    """Decode and encode the picture again, dropping everything but the pixels: metadata,
    comments and any bytes a browser might read as script. A GIF becomes a PNG."""
    picture: Image.Image
    try:
        with Image.open(upload) as picture:
            if picture.width * picture.height > MAX_PIXELS:
                raise ValidationError(_("The picture is too large (too many pixels)."))
            picture.load()
            picture = ImageOps.exif_transpose(picture)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The picture is damaged and cannot be read.")) from exc
    out = io.BytesIO()
    if kind == "jpg":
        picture.convert("RGB").save(out, "JPEG", quality=90)
    elif kind == "webp":
        picture.save(out, "WEBP", quality=90)
    else:
        if picture.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            picture = picture.convert("RGBA")
        picture.save(out, "PNG")
        kind = "png"
    return out.getvalue(), kind


class CheckedFile(ContentFile):  # ContentFile is generic only in the stubs
    """An accepted upload, which remembers the type read from its content."""

    checked_kind: str


def accept(upload: Any, kinds: frozenset[str], *, stem: str = "file") -> CheckedFile:
    """The upload as a file we are willing to store: its type read from the content and one of
    `kinds`, images redrawn, and a name we make (the storage adds a random part)."""
    if isinstance(upload, CheckedFile) and upload.checked_kind in kinds:
        return upload
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(size)s MB.") % {"size": limit // 1024 // 1024},
            code="too_large",
        )
    kind = sniff(upload)
    if kind not in kinds:
        raise ValidationError(
            _("This type of file is not accepted here; send one of: %(types)s.")
            % {"types": kinds_label(kinds)},
            code="type",
        )
    if kind in IMAGES:
        content, kind = _redraw(upload, kind)
    else:
        upload.seek(0)
        content = upload.read()
    stored = CheckedFile(content, name=f"{slugify(stem)[:40] or 'file'}.{kind}")
    stored.checked_kind = kind
    return stored


def accept_field(field: str, upload: Any, kinds: frozenset[str], *, stem: str = "file") -> Any:
    """`accept` for a service: the refusal is reported next to the form field `field`."""
    try:
        return accept(upload, kinds, stem=stem)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


def download_name(title: str, kind: str | None) -> str:
    """A readable ASCII file name for the download, from the record rather than the upload."""
    stem = slugify(title)[:60] or "tep"
    return f"{stem}.{kind}" if kind else stem


def _sendfile(field: Any, response: HttpResponse) -> HttpResponse:
    mode = settings.FILES_SENDFILE
    if mode == "nginx":
        prefix = settings.FILES_SENDFILE_PREFIX.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{field.name}"
    elif mode == "apache":
        response["X-Sendfile"] = field.path
    return response


def serve(
    request: HttpRequest,
    field: Any,
    *,
    title: str,
    kinds: frozenset[str] | None = None,
    filename: str | None = None,
) -> HttpResponseBase:
    """The stored file of `field`, after the caller has checked that the user may see its record.

    The type comes from the content; only images are shown inline, the rest is an attachment.
    Behind nginx or Apache the web server sends the bytes (`FILES_SENDFILE`)."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    kind = sniff(handle)
    if kinds is not None and kind not in kinds:
        kind = None
    content_type = CONTENT_TYPES.get(kind or "", "application/octet-stream")
    inline = kind in INLINE
    name = filename or download_name(title, kind or _safe_suffix(field.name))
    response: HttpResponseBase
    if settings.FILES_SENDFILE in ("nginx", "apache"):
        handle.close()
        response = _sendfile(field, HttpResponse(content_type=content_type))
        disposition = content_disposition_header(not inline, name)
        assert disposition is not None  # only None without a file name, and `name` is never empty
        response["Content-Disposition"] = disposition
    else:
        response = FileResponse(
            handle, as_attachment=not inline, filename=name, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _safe_suffix(name: str) -> str | None:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return suffix if re.fullmatch(r"[a-z0-9]{1,5}", suffix) else None
