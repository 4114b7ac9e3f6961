from core.testing import ALL_ROLES, Case

# Signed-in users are sent on from the sign-in page; logging out is a POST that redirects.
MATRIX = {
    "accounts:login": Case(expect={"anonymous": 200, **{r: 302 for r in ALL_ROLES[1:]}}),
    "accounts:logout": Case(method="post", expect={role: 302 for role in ALL_ROLES}),
}
