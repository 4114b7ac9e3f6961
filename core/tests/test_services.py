"""The shared write helpers: who acted is on the trail and in the step columns, a form's
fields are applied alike everywhere, a refusal lands next to its field."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from core.forms import form_errors
from core.services import model_update, save_as, stamp
from organisation.services import unit_update

pytestmark = pytest.mark.django_db


def test_a_change_names_its_author_on_the_trail(tree, users):
    unit = tree.cell_a
    unit_update(user=users["office"], unit=unit, name="Chi bộ A mới")
    last = unit.history.first()
    assert last.name == "Chi bộ A mới"
    assert last.history_user == users["office"]


def test_a_change_without_an_account_names_nobody(tree):
    unit = tree.cell_b
    changed = model_update(unit, {"name": "Chi bộ B mới"}, user=None)
    assert changed
    assert unit.history.first().history_user is None


def test_nothing_changed_is_told_and_unknown_fields_are_refused(tree, users):
    unit = tree.cell_a
    assert not model_update(unit, {"name": unit.name, "parent": unit.parent}, save=False)
    with pytest.raises(TypeError):
        model_update(unit, {"nonsense": 1}, allowed=("name",))


def test_stamp_fills_the_step_columns(tree, users):
    from news.models import Article, Category, Comment

    category = save_as(Category(name="Tin", slug="tin"), users["editor"])
    article = save_as(
        Article(title="Bài", slug="bai", lead="", body="<p>x</p>", category=category),
        users["editor"],
    )
    comment = Comment(article=article, name="Ai đó", body="Hay")
    stamp(comment, users["editor"], "moderated")
    assert comment.moderated_by == users["editor"]
    assert comment.moderated_at is not None
    stamp(comment, None, "moderated")
    assert comment.moderated_by is None


class _Form(forms.Form):
    name = forms.CharField()
    date = forms.DateField(required=False)


def test_a_refusal_lands_next_to_its_field_or_above_the_form():
    form = _Form({"name": "x"})
    assert form.is_valid()
    form_errors(form, ValidationError({"name": "Trùng tên.", "other": "Khác."}))
    assert form.errors["name"] == ["Trùng tên."]
    assert form.non_field_errors() == ["Khác."]

    form = _Form({"name": "x"})
    form.is_valid()
    form_errors(form, ValidationError("Không được."), default="date")
    assert form.errors["date"] == ["Không được."]
