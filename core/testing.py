"""Test helpers shared by the apps: the permission matrix and browser sign-in."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

FIRST_COMMITTEE_ROLES = (
    "anonymous",
    "office",
    "secretary",
    "other_secretary",
    "inspection",
    "member",
    "editor",
)
# Users of a second committee, each with the role of his first-committee counterpart. On an
# object page of the first committee they get 404 (nothing says the object exists); on any
# other page what the counterpart gets, and never a record of the first committee.
SECOND_COMMITTEE = {"office2": "office", "secretary2": "other_secretary", "member2": "member"}
ALL_ROLES = FIRST_COMMITTEE_ROLES + tuple(SECOND_COMMITTEE)
#: Every signed-in user of the first committee gets the page.
SIGNED_IN = {role: 200 for role in FIRST_COMMITTEE_ROLES if role != "anonymous"}


@dataclass
class Case:
    """One URL of the permission matrix.

    `kwargs(tree, users)` builds the URL's arguments from the shared `tree` fixture (objects in
    cell A, whose secretary is "secretary"; "other_secretary" holds cell B). `expect` maps each
    role to its status; roles left out expect `default` (404 for objects that a role may not
    see, 403 for a page it may not open). Anonymous users expect the login redirect (302)
    unless the page is public. `shared` marks objects that belong to no committee (national
    rule sets, study topics, the one public news site): the second committee's users get
    what their counterparts get there.
    """

    expect: dict[str, int]
    kwargs: Callable[[Any, dict], dict] | None = None
    default: int = 403
    method: str = "get"
    data: Callable[[Any, dict], dict] | None = None
    setup: Callable[[Any, dict], Any] | None = None
    shared: bool = False
    statuses: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.statuses = {
            role: self.expect.get(role, self.default) for role in FIRST_COMMITTEE_ROLES
        }
        if "anonymous" not in self.expect:
            self.statuses["anonymous"] = 302

    def expected(self, role: str, kwargs: dict[str, Any]) -> set[int]:
        """The statuses `role` may get for the URL built with `kwargs`."""
        if role not in SECOND_COMMITTEE:
            return {self.statuses[role]}
        if role in self.expect:
            return {self.expect[role]}
        counterpart = self.statuses[SECOND_COMMITTEE[role]]
        names_object = any(key in ("pk", "slug") or key.endswith("_pk") for key in kwargs)
        if not names_object or self.shared:
            return {counterpart}
        if counterpart == 403:
            return {403, 404}  # refused whatever the object: neither says it exists
        return {404}


def sign_in_browser(page, username: str, password: str = "secret-pass-1") -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)


def post_refused(client, url: str, data: dict[str, Any], *shown: str) -> str:
    """POST a form that the page refuses: it comes back (200) showing each of `shown` (what was
    typed and why it was refused). Returns the page."""
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    for text in shown:
        assert text in page
    return page


def build_demo(*builders: Callable[[Any], None]) -> Any:
    """The demo's units and people, then what each of `builders` adds, without its log lines;
    returns the demo context."""
    from core.demo import DemoContext
    from organisation.demo import build_units_and_people

    context = DemoContext(log=lambda text: None)
    for build in (build_units_and_people, *builders):
        build(context)
    return context


def render_panel(function, user):
    """Call a dashboard panel function for `user` and render it, as the home page does;
    returns the HTML (empty when the panel does not apply). Measure its queries around it."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    panel = function(request)
    if not panel:
        return ""
    return render_to_string(panel.template, {"panel": panel}, request=request)


def form_values(html: str, having: str = "version") -> dict[str, Any]:
    """The values a browser would post from the page's first POST form with a field named
    `having` (else its last POST form): inputs, checked boxes, selected options, text areas."""
    from html.parser import HTMLParser

    class Forms(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.forms: list[dict[str, Any]] = []
            self.select: str | None = None
            self.textarea: str | None = None

        def add(self, name: str, value: str) -> None:
            current = self.forms[-1]
            if name in current:
                previous = current[name]
                current[name] = (
                    [*previous, value] if isinstance(previous, list) else [previous, value]
                )
            else:
                current[name] = value

        def handle_starttag(self, tag: str, attrs: list) -> None:
            attr = dict(attrs)
            if tag == "form":
                if (attr.get("method") or "").lower() == "post":
                    self.forms.append({})
                return
            if not self.forms or not attr.get("name"):
                if tag == "option" and self.select and "selected" in attr:
                    self.add(self.select, attr.get("value", ""))
                return
            if tag == "input":
                kind = attr.get("type", "text")
                if kind in ("checkbox", "radio") and "checked" not in attr:
                    return
                if kind in ("submit", "button", "file"):
                    return
                self.add(attr["name"], attr.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select":
                self.select = attr["name"]
            elif tag == "textarea":
                self.textarea = attr["name"]
                self.add(self.textarea, "")

        def handle_endtag(self, tag: str) -> None:
            if tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data: str) -> None:
            if self.textarea and self.forms:
                value = self.forms[-1][self.textarea]
                self.forms[-1][self.textarea] = (value + data).lstrip("\n")

    parser = Forms()
    parser.feed(html)
    values = next((form for form in parser.forms if having in form), parser.forms[-1])
    values.pop("csrfmiddlewaretoken", None)
    return values


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    """A real PNG picture, as the upload checks decode pictures."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes(text: str = "Biên bản") -> bytes:
    """A real Word file, as the upload checks read the type from the content."""
    import io

    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()
