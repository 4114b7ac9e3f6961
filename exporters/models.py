"""A printout rendered in the background (issue 18): the decision list of a committee, a
cell's list of proposals … Its page shows the progress; the file is kept to download later."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import BackgroundJob


class PrintJob(BackgroundJob):
    """One printout (`exporters.printouts` identifier and its parameters) in one format."""

    printout = models.CharField(_("printout"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    fmt = models.CharField(_("format"), max_length=10)
    title = models.CharField(_("title"), max_length=255, blank=True)
    files_under = "printouts/%Y/"

    class Meta(BackgroundJob.Meta):
        verbose_name = _("printout")
        verbose_name_plural = _("printouts")

    def __str__(self) -> str:
        return self.title or self.printout
