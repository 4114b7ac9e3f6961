from core.testing import Case


def token(tree, users):
    return {"token": "0123456789abcdef0123456789abcdef"}


MATRIX = {
    "workbook:index": Case(expect={"office": 200}),
    # An empty upload is refused with the form again (400); nothing is stored.
    "workbook:upload": Case(method="post", expect={"office": 400}),
    # A token that is not this session's upload does not exist.
    "workbook:preview": Case(expect={"office": 404}, kwargs=token),
    "workbook:confirm": Case(method="post", expect={"office": 404}, kwargs=token),
    "workbook:export": Case(expect={"office": 200, "inspection": 200}),
    "workbook:template": Case(expect={"office": 200, "inspection": 200}),
}
