"""Fill empty translations of a .po file from "msgid<TAB>msgstr" lines on standard input.

    .venv/bin/python scripts/po_fill.py meetings/locale/vi/LC_MESSAGES/django.po < vi.tsv

Existing translations are kept; prints every msgid still untranslated, so that the catalogue
can be made complete (tests/test_translations.py fails otherwise).
"""

import sys

import polib


def main(path: str) -> None:
    table = {}
    for line in sys.stdin.read().splitlines():
        if "\t" in line:
            source, target = line.split("\t", 1)
            table[source] = target
    catalogue = polib.pofile(path)
    for entry in catalogue:
        if entry.msgid in table and (not entry.msgstr or entry.fuzzy):
            if entry.msgid_plural:
                entry.msgstr_plural = {0: table[entry.msgid]}
            else:
                entry.msgstr = table[entry.msgid]
            if entry.fuzzy:
                entry.flags.remove("fuzzy")
    catalogue.save(path)
    for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
        print("untranslated:", entry.msgid.replace("\n", " "))


if __name__ == "__main__":
    main(sys.argv[1])
