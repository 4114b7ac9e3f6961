"""Checks on an attached file: size limit and one of the office formats, by name and content."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core import vn

# Extension → the first bytes every such file starts with (docx and xlsx are zip files,
# doc is an OLE compound file).
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
ALLOWED_LABEL = "pdf, doc, docx, xlsx, jpg, png"


def validate_attachment(file: Any) -> None:
    """Raise ValidationError (in Vietnamese through the catalogue) for a file we do not keep."""
    if not file:
        return
    limit = settings.UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "size": vn.format_number(file.size / 1024 / 1024, 1),
                "limit": vn.format_number(limit / 1024 / 1024, 1),
            },
            code="too_large",
        )
    extension = Path(file.name).suffix.lower()
    if extension not in SIGNATURES:
        raise ValidationError(
            _("Files of this type are not accepted; send one of: %(types)s.")
            % {"types": ALLOWED_LABEL},
            code="type",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content is not a %(type)s file.") % {"type": extension.lstrip(".")},
            code="content",
        )
