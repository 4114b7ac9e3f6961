"""A unit's document profile: what every document it issues prints in its header, date line,
signature block and recipients (HD 36-HD/VPTW), from the fields stored on the unit.

One place decides it for every printed document — report, minutes, rating lists, pledge
forms, inspection plans and conclusions — so a committee fills its profile once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Unit
from .selectors import committee_of


@dataclass
class Profile:
    superior_body: str  # ĐẢNG BỘ THÀNH PHỐ HÀ NỘI (for a cell: its committee)
    issuing_body: str  # ĐẢNG ỦY SỞ … / CHI BỘ …
    place: str
    symbol: str  # ĐU, CB
    on_behalf: str  # T/M ĐẢNG ỦY, T/M CHI BỘ
    secretary: str
    deputies: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    archive: str = "Lưu VP"
    missing: list[str] = field(default_factory=list)  # what the office still has to fill


def issuing_name(unit: Unit) -> str:
    """'Đảng bộ Sở …' → 'Đảng ủy Sở …': a committee's executive issues its documents."""
    name = unit.name.strip()
    if unit.kind == Unit.Kind.CELL:
        return name if name.lower().startswith("chi bộ") else f"Chi bộ {name}"
    for prefix in ("Đảng bộ bộ phận ", "Đảng bộ "):
        if name.lower().startswith(prefix.lower()):
            rest = name[len(prefix) :]
            return ("Đảng ủy bộ phận " if "bộ phận" in prefix else "Đảng ủy ") + rest
    return name


def _lines(text: str) -> list[str]:
    return [line.strip().rstrip(",.;") for line in (text or "").splitlines() if line.strip()]


def profile_of(unit: Unit) -> Profile:
    """The profile a document issued by `unit` prints; blanks listed in `missing`."""
    committee = committee_of(unit)
    cell = unit.kind == Unit.Kind.CELL
    # A cell answers to its committee, a committee to the body above it.
    above = (committee if committee != unit else None) if cell else unit.parent
    profile = Profile(
        superior_body=unit.superior_body or (above.name if above else ""),
        issuing_body=issuing_name(unit),
        place=unit.place or committee.place,
        symbol=unit.issuer_symbol or ("CB" if cell else "ĐU"),
        on_behalf="T/M CHI BỘ" if cell else "T/M ĐẢNG ỦY",
        secretary=unit.secretary_name,
        deputies=_lines(unit.deputy_names),
        # A cell's documents go to its committee unless it names other recipients.
        recipients=_lines(unit.usual_recipients) or ([issuing_name(committee)] if cell else []),
        archive="Lưu Chi bộ" if cell else "Lưu VP",
    )
    labels = {
        "superior_body": "cấp trên trực tiếp",
        "place": "địa danh",
        "secretary": "bí thư",
    }
    profile.missing = [label for key, label in labels.items() if not getattr(profile, key)]
    return profile


def committee_fields(unit: Unit, *, kind: str, number: str = "") -> dict:
    """The PartyDocument fields of a document of `kind` (BC, KH, TB, DS, BB…) issued by
    `unit`: header, number (blank while unnumbered), place, signer and recipients."""
    from exporters.party import number_or_blank

    profile = profile_of(unit)
    return {
        "superior_body": profile.superior_body,
        "issuing_body": profile.issuing_body,
        "number_symbol": number_or_blank(number, kind, profile.symbol),
        "place": profile.place,
        "signer_on_behalf": profile.on_behalf,
        "signer_title": "BÍ THƯ",
        "signer_name": profile.secretary,
        "recipients": list(profile.recipients),
        "archive": profile.archive,
    }
