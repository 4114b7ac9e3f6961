"""The upload form: only .xlsx workbooks, no larger than settings.UPLOAD_MAX_BYTES."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.vn import format_number


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook (.xlsx)"),
        help_text=_("The sheets Đơn vị, Nhân sự … as in the template; nothing is saved yet."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _("Only Excel workbooks (.xlsx) can be imported; “%(name)s” is not one.")
                % {"name": upload.name}
            )
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
                % {
                    "size": format_number(upload.size / 1024 / 1024, 1),
                    "limit": format_number(limit / 1024 / 1024, 1),
                }
            )
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":
            raise forms.ValidationError(
                _("“%(name)s” is not a real .xlsx workbook.") % {"name": upload.name}
            )
        return upload
