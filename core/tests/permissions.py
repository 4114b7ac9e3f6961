from core.testing import Case

EVERYONE = {
    "office": 200,
    "secretary": 200,
    "other_secretary": 200,
    "inspection": 200,
    "member": 200,
    "editor": 200,
}

MATRIX = {
    "core:home": Case(expect=EVERYONE),
    "core:healthz": Case(expect={**EVERYONE, "anonymous": 200}),
    "core:language": Case(
        expect={**{role: 302 for role in EVERYONE}, "anonymous": 302},
        method="post",
        data=lambda tree, users: {"language": "en", "next": "/"},
    ),
    "core:audit": Case(expect={"office": 200, "inspection": 200}),
}
