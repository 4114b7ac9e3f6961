"""Every URL × every role → the expected status. Each app lists its URLs in
`<app>/tests/permissions.py` as MATRIX = {url_name: Case(...)}; a URL missing from the
matrix fails `test_every_url_is_in_the_matrix`."""

import importlib

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.testing import ALL_ROLES, Case

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
def test_permission(url_name, role, tree, users, client_as):
    case = MATRIX[url_name]
    if case.setup:
        case.setup(tree, users)
    kwargs = case.kwargs(tree, users) if case.kwargs else {}
    url = reverse(url_name, kwargs=kwargs)
    client = client_as(role)
    data = case.data(tree, users) if case.data else {}
    response = getattr(client, case.method)(url, data)
    assert response.status_code == case.statuses[role], (
        f"{url_name} as {role}: {response.status_code}, expected {case.statuses[role]}"
    )
