import datetime as dt

from django import forms
from django.template import Context, Template
from django.utils import translation


class DateForm(forms.Form):
    day = forms.DateField()


def test_a_typed_date_is_read_day_first():
    with translation.override("vi"):
        form = DateForm({"day": "05/03/2020"})
        assert form.is_valid()
        assert form.cleaned_data["day"] == dt.date(2020, 3, 5)


def test_dates_and_numbers_render_the_vietnamese_way():
    with translation.override("vi"):
        html = Template("{{ day|date:'SHORT_DATE_FORMAT' }} {{ n|vnnumber }} {{ year }}").render(
            Context({"day": dt.date(2020, 6, 5), "n": 1234567, "year": 2020})
        )
    assert html == "05/06/2020 1.234.567 2020"
