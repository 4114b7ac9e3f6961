from core.testing import SIGNED_IN, Case

MATRIX = {
    "core:home": Case(expect=SIGNED_IN),
    "core:healthz": Case(expect={**SIGNED_IN, "anonymous": 200}),
    "core:language": Case(
        expect={**{role: 302 for role in SIGNED_IN}, "anonymous": 302},
        method="post",
        data=lambda tree, users: {"language": "en", "next": "/"},
    ),
    "core:audit": Case(expect={"office": 200, "inspection": 200}),
}
