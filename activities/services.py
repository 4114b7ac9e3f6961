"""Writes for activities, their photos and commendations; each one transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core import files, vn
from core.actors import acting, is_system
from core.policy import ADD, CHANGE, DELETE
from core.services import actor, check_permission, model_update, record_actor, save_as
from organisation.models import MassOrganisation, Person, Unit

from .models import DEFAULT_KINDS, Activity, ActivityKind, ActivityPhoto, Commendation

PHOTO_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def photo_max_bytes() -> int:
    return int(getattr(settings, "ACTIVITY_PHOTO_MAX_BYTES", 8 * 1024 * 1024))


def next_code(model: Any, prefix: str) -> str:
    """The next free code with the prefix, e.g. HD2019-007, for records entered by hand."""
    taken = set(model.objects.filter(code__startswith=prefix).values_list("code", flat=True))
    number = len(taken) + 1
    while f"{prefix}{number:03d}" in taken:
        number += 1
    return f"{prefix}{number:03d}"


def validate_photo(image: UploadedFile) -> None:
    """A photo is a real JPEG, PNG, GIF or WebP image (opened with Pillow) within the limit."""
    from PIL import Image, UnidentifiedImageError

    if image.size is not None and image.size > photo_max_bytes():
        raise ValidationError(
            {
                "image": _("The photo is too large: at most %(size)s MB.")
                % {"size": vn.format_number(photo_max_bytes() / 1024 / 1024, 0)}
            },
            code="too_large",
        )
    try:
        image.seek(0)
        with Image.open(image) as picture:
            picture.verify()
            kind = picture.format
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            {"image": _("The file is not an image (JPEG, PNG, GIF or WebP).")}, code="not_image"
        ) from None
    finally:
        image.seek(0)
    if kind not in PHOTO_FORMATS:
        raise ValidationError(
            {"image": _("The file is not an image (JPEG, PNG, GIF or WebP).")}, code="not_image"
        )


def activity_kinds_ensure(*, user: Any) -> None:
    """Put back the preloaded kinds (`DEFAULT_KINDS`, as the data migration adds them) that
    are missing, e.g. after `load_demo --reset` flushed them. No page edits kinds: only the
    system does this."""
    if not is_system(acting(user)):
        raise PermissionDenied
    for name, unit in DEFAULT_KINDS:
        ActivityKind.objects.get_or_create(name=name, defaults={"default_measure_unit": unit})


@transaction.atomic
def activity_save(
    *,
    by: Any,
    activity: Activity | None = None,
    code: str,
    organisation: MassOrganisation,
    unit: Unit,
    kind: ActivityKind,
    date: dt.date,
    title: str,
    participants: int,
    quantity: Decimal | None = None,
    measure_unit: str = "",
    description: str = "",
    people: list[Person] | None = None,
    photos: list[UploadedFile] | None = None,
) -> Activity:
    """Create or change an activity. Participants and quantity are never negative; the date
    lies between 1930 and today; photos are checked as images before anything is written.
    The user must be allowed to change the activity where it is and where it goes."""
    if activity is not None:
        check_permission(by, CHANGE, activity)
    errors = {}
    if participants is not None and participants < 0:
        errors["participants"] = _("The number of participants cannot be negative.")
    if quantity is not None and quantity < 0:
        errors["quantity"] = _("The quantity cannot be negative.")
    if errors:
        raise ValidationError(errors)
    for photo in photos or []:
        validate_photo(photo)
    activity = activity or Activity(recorded_by=actor(by))
    values = {
        "code": (code or "").strip() or next_code(Activity, f"HD{date.year}-" if date else "HD-"),
        "organisation": organisation,
        "unit": unit,
        "kind": kind,
        "date": date,
        "title": title.strip(),
        "participants": participants,
        "quantity": quantity,
        "measure_unit": (measure_unit or "").strip()
        or (kind.default_measure_unit if quantity is not None else ""),
        "description": description or "",
    }
    model_update(activity, values, save=False)
    check_permission(by, CHANGE if activity.pk else ADD, activity)
    people = list(people or [])
    if participants is not None and len(people) > participants:
        raise ValidationError(
            {
                "people": _(
                    "%(count)s people are named but the number of participants is %(number)s."
                )
                % {"count": len(people), "number": participants}
            }
        )
    save_as(activity, by)
    activity.people.set(people)
    for photo in photos or []:
        photo_add(activity=activity, image=photo, by=by)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, by: Any) -> None:
    check_permission(by, DELETE, activity)
    record_actor(activity, by)
    for photo in activity.photos.all():
        photo.image.delete(save=False)
    activity.delete()


@transaction.atomic
def photo_add(
    *, activity: Activity, image: UploadedFile, by: Any, caption: str = ""
) -> ActivityPhoto:
    check_permission(by, CHANGE, activity)
    validate_photo(image)
    photo = ActivityPhoto(
        activity=activity,
        image=files.accept_field("image", image, files.IMAGES, stem="anh"),
        caption=caption,
        uploaded_by=actor(by),
    )
    return save_as(photo, by)


@transaction.atomic
def photo_delete(*, photo: ActivityPhoto, by: Any) -> None:
    check_permission(by, CHANGE, photo.activity)
    record_actor(photo, by)
    photo.image.delete(save=False)
    photo.delete()


@transaction.atomic
def commendation_save(
    *,
    by: Any,
    commendation: Commendation | None = None,
    code: str,
    person: Person | None,
    unit: Unit | None,
    level: str,
    form: str,
    decision_number: str,
    decided_on: dt.date,
    reason: str,
) -> Commendation:
    """Create or change a commendation of a person (member or not) or of a collective; the
    user must be allowed to change it where it is and where it goes."""
    if commendation is not None:
        check_permission(by, CHANGE, commendation)
    if bool(person) == bool(unit):
        raise ValidationError(
            _("Choose either a person or a collective to commend, not both."), code="subject"
        )
    commendation = commendation or Commendation()
    values = {
        "code": (code or "").strip()
        or next_code(Commendation, f"KT{decided_on.year}-" if decided_on else "KT-"),
        "person": person,
        "unit": unit,
        "level": level,
        "form": form.strip(),
        "decision_number": (decision_number or "").strip(),
        "decided_on": decided_on,
        "reason": (reason or "").strip(),
    }
    model_update(commendation, values, save=False)
    check_permission(by, CHANGE if commendation.pk else ADD, commendation)
    return save_as(commendation, by)


@transaction.atomic
def commendation_delete(*, commendation: Commendation, by: Any) -> None:
    check_permission(by, DELETE, commendation)
    record_actor(commendation, by).delete()


# ---- from a workbook, many at once -----------------------------------------------------

ACTIVITY_FIELDS = (
    *("organisation", "unit", "kind", "date", "title"),
    *("participants", "quantity", "measure_unit", "search_key"),
)
COMMENDATION_FIELDS = (
    *("person", "unit", "level", "form", "decision_number", "decided_on", "reason"),
    "search_key",
)


def activities_import(*, rows: list[tuple[str, dict[str, Any]]], user: Any) -> None:
    """Activities by code, created or updated in bulk. The values name the organisation by
    name (created when the workbook introduces it) and the unit by code."""
    from core import bulk

    if not rows:
        return
    units = dict(
        Unit.objects.filter(code__in={v["unit"] for _c, v in rows}).values_list("code", "pk")
    )
    organisations = dict(MassOrganisation.objects.values_list("name", "pk"))
    for name in {values["organisation"] for _code, values in rows} - set(organisations):
        organisations[name] = MassOrganisation.objects.create(name=name).pk
    stored = Activity.objects.in_bulk([code for code, _values in rows], field_name="code")
    user = actor(user)
    activities = []
    for code, values in rows:
        activity = stored.get(code) or Activity(code=code, recorded_by=user)
        links = ("organisation", "unit", "kind")
        bulk.filled(activity, {key: value for key, value in values.items() if key not in links})
        activity.organisation_id = organisations[values["organisation"]]
        activity.unit_id, activity.kind_id = units[values["unit"]], values["kind"]
        activity.fill_keys()
        activities.append(activity)
    bulk.save_all(Activity, activities, ACTIVITY_FIELDS, user=user)


def commendations_import(*, rows: list[tuple[str, dict[str, Any]]], user: Any) -> None:
    """Commendations by code, created or updated in bulk; "subject" is ("person" or
    "unit", its code)."""
    from core import bulk

    codes = {
        kind: {v["subject"][1] for _c, v in rows if v["subject"][0] == kind}
        for kind in ("person", "unit")
    }
    people = Person.objects.in_bulk(codes["person"], field_name="code")
    units = Unit.objects.in_bulk(codes["unit"], field_name="code")
    stored = Commendation.objects.in_bulk([code for code, _values in rows], field_name="code")
    records = []
    for code, values in rows:
        kind, subject = values["subject"]
        record = bulk.filled(
            stored.get(code) or Commendation(code=code),
            {key: value for key, value in values.items() if key != "subject"},
        )
        record.person = people[subject] if kind == "person" else None
        record.unit = units[subject] if kind == "unit" else None
        record.fill_keys()
        records.append(record)
    bulk.save_all(Commendation, records, COMMENDATION_FIELDS, user=user)
