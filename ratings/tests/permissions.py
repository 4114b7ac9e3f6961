"""Every URL of the ratings app × every role (tests/test_permission_matrix.py)."""

from core.testing import Case
from ratings.models import CapCondition, Complaint, Level, Rating, RuleSet

STAFF = {"office": 200, "secretary": 200, "other_secretary": 200, "inspection": 200}
# The member's rating: those who see it but may not act on it get 403; the office acts.
OFFICE_ACTS = {"office": 200, "secretary": 403, "inspection": 403, "member": 403}


def decided_rating(tree, users):
    """A decided 2019 rating of the member (cell A)."""
    Rating.objects.get_or_create(
        person=tree.members_a[1],
        year=2019,
        defaults={"level": Level.GOOD, "cell": tree.cell_a, "committee": tree.committee},
    )


def rating_pk(tree, users):
    return {"pk": Rating.objects.get(person=tree.members_a[1], year=2019).pk}


def open_complaint(tree, users):
    """The decided rating with a complaint waiting for its answer."""
    decided_rating(tree, users)
    rating = Rating.objects.get(person=tree.members_a[1], year=2019)
    Complaint.objects.get_or_create(rating=rating, defaults={"text": "…", "previous_level": "good"})


def complaint_pk(tree, users):
    rating = Rating.objects.get(person=tree.members_a[1], year=2019)
    return {"pk": rating.pk, "complaint_pk": rating.complaints.get().pk}


def cell_a_2019(tree, users):
    return {"cell_pk": tree.cell_a.pk, "year": 2019}


def cap(tree, users):
    CapCondition.objects.get_or_create(
        person=tree.members_a[1], year=2019, kind=CapCondition.Kind.TARGETS, source="BB 1"
    )


def cap_pk(tree, users):
    return {"pk": CapCondition.objects.get(person=tree.members_a[1], year=2019).pk}


def on_the_rating(expect: dict[str, int], setup=decided_rating, kwargs=rating_pk) -> Case:
    """A page of the member's decided 2019 rating: roles that cannot see it get 404."""
    return Case(expect=expect, default=404, setup=setup, kwargs=kwargs)


MATRIX = {
    "ratings:index": Case(expect={**STAFF, "member": 200}),
    "ratings:progress": Case(expect=STAFF),
    "ratings:self_assess": Case(
        expect={"secretary": 200, "other_secretary": 200, "member": 200},
        kwargs=lambda tree, users: {"year": 2019},
    ),
    "ratings:detail": on_the_rating(
        {"office": 200, "secretary": 200, "inspection": 200, "member": 200}
    ),
    "ratings:decide": on_the_rating(OFFICE_ACTS),
    "ratings:complain": on_the_rating({**OFFICE_ACTS, "member": 200}),
    "ratings:reconsider": on_the_rating(OFFICE_ACTS),
    "ratings:answer": on_the_rating(OFFICE_ACTS, open_complaint, complaint_pk),
    # The inspection commission sees everything: it reads the cell's review, without the form.
    "ratings:cell_review": Case(
        expect={"office": 200, "secretary": 200, "inspection": 200}, default=404, kwargs=cell_a_2019
    ),
    "ratings:cell_print": Case(  # starts a background printout and shows its page
        expect={"office": 302, "secretary": 302, "inspection": 302},
        default=404,
        method="post",
        kwargs=lambda tree, users: {**cell_a_2019(tree, users), "fmt": "docx"},
    ),
    "ratings:decide_list": Case(expect={"office": 200}, kwargs=lambda tree, users: {"year": 2019}),
    "ratings:accept_proposals": Case(
        expect={"office": 302}, method="post", kwargs=lambda tree, users: {"year": 2019}
    ),
    "ratings:decision_print": Case(
        expect={"office": 302, "inspection": 302},
        method="post",
        kwargs=lambda tree, users: {"year": 2019, "fmt": "pdf"},
    ),
    "ratings:rule_sets": Case(expect=STAFF),
    "ratings:rule_set_add": Case(expect={"office": 200}),
    "ratings:rule_set_edit": Case(
        shared=True,  # national rules, no committee's
        expect={"office": 200},
        kwargs=lambda tree, users: {"pk": _future_rule_set()},
    ),
    "ratings:caps": Case(expect={"office": 200, "inspection": 200}),
    "ratings:cap_add": Case(expect={"office": 200, "inspection": 200}),
    "ratings:cap_delete": Case(
        expect={"office": 302, "inspection": 302},
        default=404,
        method="post",
        setup=cap,
        kwargs=cap_pk,
    ),
}


def _future_rule_set() -> int:
    from ratings.reference import rule_sets_ensure

    rule_sets_ensure()
    return RuleSet.objects.get(code="QD366-2025").pk
