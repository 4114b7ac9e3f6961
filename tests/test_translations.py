"""The Vietnamese catalogue is complete: every msgid of every app has a translation."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR).glob("*/locale/vi/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-5])
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing and not fuzzy, f"untranslated: {missing}, fuzzy: {fuzzy}"


# Synonyms that read well wherever they appear; any other msgid that two apps translate
# differently is a bug: Django merges the catalogues and the earlier app silently wins.
HARMLESS_VARIANTS = {
    "person",
    "Audit trail",
    "Search",
    "Name or code",
    "number and symbol",
    "file",
    "code",
    "title",
    "first year",
    "last year",
    "study topics",
    "Number and symbol",
    "File",
    "Years",
    "Code",
    "deadline",
    "“%(value)s” is not a year.",
    "Deadline",
    "Status",
    "Organisation",
    "place",
    "Skip to content",
    "Directive",
    "Study topics",
    "Inspection",
    "Done",
    "date",
    "Draft",
    "version",
    "source",
    "Remove",
    "Number",
    "Moved out",
    "Attendance",
}


def test_no_msgid_is_translated_two_ways():
    translations: dict[tuple, dict[str, str]] = {}
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.msgstr:
                key = (entry.msgctxt, entry.msgid)
                translations.setdefault(key, {})[path.parts[-5]] = entry.msgstr
    clashes = {
        msgid: by_app
        for (_context, msgid), by_app in translations.items()
        if len(set(by_app.values())) > 1 and msgid not in HARMLESS_VARIANTS
    }
    assert not clashes, f"give these a context (pgettext) or one wording: {clashes}"
