"""Test helpers shared by the apps: the permission matrix and browser sign-in."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ALL_ROLES = (
    "anonymous",
    "office",
    "secretary",
    "other_secretary",
    "inspection",
    "member",
    "editor",
)


@dataclass
class Case:
    """One URL of the permission matrix.

    `kwargs(tree, users)` builds the URL's arguments from the shared `tree` fixture (objects in
    cell A, whose secretary is "secretary"; "other_secretary" holds cell B). `expect` maps each
    role to its status; roles left out expect `default` (404 for objects that a role may not
    see, 403 for a page it may not open). Anonymous users expect the login redirect (302)
    unless the page is public.
    """

    expect: dict[str, int]
    kwargs: Callable[[Any, dict], dict] | None = None
    default: int = 403
    method: str = "get"
    data: Callable[[Any, dict], dict] | None = None
    setup: Callable[[Any, dict], Any] | None = None
    statuses: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.statuses = {role: self.expect.get(role, self.default) for role in ALL_ROLES}
        self.statuses.setdefault("anonymous", 302)
        if "anonymous" not in self.expect:
            self.statuses["anonymous"] = 302


def sign_in_browser(page, username: str, password: str = "secret-pass-1") -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)


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
    return render_to_string(panel["template"], {"panel": panel}, request=request)


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
