"""Forms of the news site: the public reply form (with its anti-spam checks) and the back office."""

import secrets
import time
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core import signing
from django.db.models import Model
from django.http import QueryDict
from django.utils.translation import pgettext_lazy

from core.concurrency import VersionedForm
from core.forms import field_of

from . import richtext
from .models import COMMENT_MAX_LENGTH, Article, ArticleImage, Category

TIMESTAMP_SALT = "news.comment-form"
MAX_LINKS = 2
FORM_MAX_AGE = 24 * 3600  # a form left open for a day is stale; reload the page


def min_fill_seconds() -> float:
    return float(getattr(settings, "NEWS_COMMENT_MIN_SECONDS", 3))


def form_token(article_pk: int, issued: float | None = None) -> str:
    """A signed "this form was shown at" stamp; posting faster than a person types is refused.
    The random part makes every form's token unique, so that it can be spent once."""
    stamp = {"a": article_pk, "t": issued or time.time(), "n": secrets.token_hex(8)}
    return signing.dumps(stamp, salt=TIMESTAMP_SALT)


class CommentForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("news", "Name"), max_length=100)
    email = forms.EmailField(
        label=pgettext_lazy("news", "Email"),
        max_length=254,
        error_messages={
            "invalid": pgettext_lazy("news", "Enter a valid email address, e.g. ten@example.com.")
        },
    )
    website = forms.URLField(
        label=pgettext_lazy("news", "Website"),
        max_length=200,
        required=False,
        assume_scheme="https",
    )
    body = forms.CharField(
        label=pgettext_lazy("news", "Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people by CSS, filled in by robots that fill every box.
    homepage = forms.CharField(
        label=pgettext_lazy("news", "Leave this box empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    error_messages = {
        "too_fast": pgettext_lazy(
            "news", "The form was sent too quickly. Please wait a few seconds and send it again."
        ),
        "stale": pgettext_lazy("news", "The form has expired. Please send your comment again."),
    }

    def __init__(self, *args, article_pk: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.article_pk = article_pk
        self.fields["name"].widget.attrs.update({"autocomplete": "name", "maxlength": 100})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["website"].widget.attrs.update({"autocomplete": "url"})
        if not self.is_bound:
            self.initial["token"] = form_token(article_pk)

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("homepage"))

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if richtext.count_links(body) > MAX_LINKS:
            raise forms.ValidationError(
                pgettext_lazy("news", "A comment may contain at most %(count)s links.")
                % {"count": MAX_LINKS}
            )
        return body

    def clean(self) -> dict:
        super().clean()
        cleaned = self.cleaned_data
        try:
            stamp = signing.loads(
                cleaned.get("token") or "", salt=TIMESTAMP_SALT, max_age=FORM_MAX_AGE
            )
            issued = float(stamp["t"])
            if int(stamp["a"]) != self.article_pk:
                raise ValueError
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            # A bound form's data is the request's QueryDict; a fresh token for the next try.
            data = cast(QueryDict, self.data).copy()
            data["token"] = form_token(self.article_pk)
            self.data = data
            raise forms.ValidationError(self.error_messages["stale"], code="stale") from None
        if time.time() - issued < min_fill_seconds():
            raise forms.ValidationError(self.error_messages["too_fast"], code="too_fast")
        return cleaned


class ArticleForm(VersionedForm, forms.ModelForm):
    body = forms.CharField(
        label=pgettext_lazy("news", "Body"),
        required=False,
        # news/static/news/prose.js turns it into django-prose-editor's editor (ProseMirror),
        # offering only what the sanitiser keeps; without JavaScript it stays a text box.
        widget=forms.Textarea(attrs={"rows": 18, "class": "richtext", "data-prose-editor": ""}),
        help_text=pgettext_lazy(
            "news",
            "Bold, italic, underline, headings, lists, quotes and links. Pasted formatting "
            "beyond these is removed when the article is saved.",
        ),
    )

    class Meta:
        model = Article
        fields = ["title", "category", "lead", "body", "author", "source"]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "category", forms.ModelChoiceField).queryset = Category.objects.order_by(
            "order", "name"
        )
        field_of(self, "category", forms.ModelChoiceField).empty_label = None
        if self.instance.pk and not self.is_bound:
            # One block per paragraph in the box, so that the HTML stays readable while editing.
            self.initial["body"] = "\n\n".join(richtext.split_blocks(self.instance.body))

    def values_of(self, record: Model) -> dict[str, Any]:
        values = super().values_of(record)
        if isinstance(record, Article):
            values["body"] = "\n\n".join(richtext.split_blocks(record.body))
        return values

    def clean_body(self) -> str:
        return richtext.editor_html(self.cleaned_data.get("body") or "")


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label=pgettext_lazy("news", "Publish at"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=pgettext_lazy("news", "Leave empty to publish now."),
    )


class ImageForm(forms.Form):
    image = forms.ImageField(
        label=pgettext_lazy("news", "Photo"),
        error_messages={
            "invalid_image": pgettext_lazy(
                "news", "The file is not a photo (JPEG, PNG, WebP or GIF) or it is damaged."
            ),
        },
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    caption = forms.CharField(
        label=pgettext_lazy("news", "Caption"), max_length=500, required=False
    )
    position = forms.IntegerField(
        label=pgettext_lazy("news", "After paragraph"),
        min_value=0,
        max_value=999,
        initial=0,
        help_text=pgettext_lazy(
            "news", "0 puts the photo above the text; 2 puts it after the second paragraph."
        ),
    )

    def clean_image(self):
        image = self.cleaned_data["image"]
        limit = getattr(settings, "UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
        if image.size > limit:
            raise forms.ValidationError(pgettext_lazy("news", "The file is too large."))
        return image


class ImageEditForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = ArticleImage
        fields = ["caption", "position"]


class CategoryForm(VersionedForm, forms.ModelForm):
    slug = forms.SlugField(
        label=pgettext_lazy("news", "Address"),
        max_length=120,
        required=False,
        help_text=pgettext_lazy(
            "news", "Letters without marks, digits and dashes; made from the name if empty."
        ),
    )

    class Meta:
        model = Category
        fields = ["name", "slug", "description", "order"]

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or ""
        if slug and Category.objects.exclude(pk=self.instance.pk).filter(slug=slug).exists():
            raise forms.ValidationError(
                pgettext_lazy("news", "Another category already uses this address.")
            )
        return slug


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=pgettext_lazy("news", "Reply"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ModerateForm(forms.Form):
    status = forms.ChoiceField(choices=[("approved", ""), ("rejected", ""), ("spam", "")])
