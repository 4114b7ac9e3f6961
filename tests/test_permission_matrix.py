"""Every URL × every role → the expected status. Each app lists its URLs in
`<app>/tests/permissions.py` as MATRIX = {url_name: Case(...)}; a URL missing from the
matrix fails `test_every_url_is_in_the_matrix`."""

import importlib
import io
import zipfile

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.testing import ALL_ROLES, SECOND_COMMITTEE, Case

# URLs outside the matrix on purpose: Django's admin has its own permission checks.
EXEMPT_NAMESPACES = {"admin"}


def collect_matrix() -> dict[str, Case]:
    matrix: dict[str, Case] = {}
    for app in settings.DOMAIN_APPS:
        try:
            module = importlib.import_module(f"{app}.tests.permissions")
        except ModuleNotFoundError:
            continue
        matrix.update(module.MATRIX)
    return matrix


MATRIX = collect_matrix()


def url_names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            if namespace in EXEMPT_NAMESPACES:
                continue
            names |= url_names(pattern, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


def test_every_url_is_in_the_matrix():
    missing = sorted(url_names() - set(MATRIX))
    assert not missing, f"URLs without a permission-matrix entry: {missing}"


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_permission(url_name, role, tree, users, second_committee, client_as):
    case = MATRIX[url_name]
    if case.setup:
        case.setup(tree, users)
    kwargs = case.kwargs(tree, users) if case.kwargs else {}
    url = reverse(url_name, kwargs=kwargs)
    client = client_as(role)
    data = case.data(tree, users) if case.data else {}
    response = getattr(client, case.method)(url, data)
    expected = case.expected(role, kwargs)
    assert response.status_code in expected, (
        f"{url_name} as {role}: {response.status_code}, expected {expected}"
    )
    if role in SECOND_COMMITTEE and response.status_code == 200 and not case.shared:
        leaked = [marker for marker in first_committee_markers(tree) if marker in text_of(response)]
        assert not leaked, f"{url_name} as {role} shows the first committee's {leaked}"


def first_committee_markers(tree) -> list[str]:
    """Names and codes that only the first committee's records carry."""
    units = [tree.committee, tree.sub_committee, tree.cell_a, tree.cell_b]
    people = [*tree.members_a, *tree.members_b, *tree.staff_a]
    return [unit.name for unit in units] + [person.code for person in people]


def text_of(response) -> str:
    """The readable text of a page or a download (HTML, JSON, CSV, Excel, Word)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheet" in kind:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if "wordprocessing" in kind:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read("word/document.xml").decode()
    return content.decode(errors="replace")
