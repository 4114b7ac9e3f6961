from core.testing import SIGNED_IN, Case
from documents.tests.factories import DocumentFactory, DocumentWithFileFactory, StudyTopicFactory

READERS = {"office": 200, "secretary": 200, "other_secretary": 200, "inspection": 200}
OFFICE = {"office": 200}


def committee_document(tree, users):
    return {"pk": DocumentFactory(issued_by=tree.committee).pk}


def cell_a_document(tree, users):
    """A document issued by cell A: cell B's secretary and the news editor do not see it."""
    return {"pk": DocumentFactory(issued_by=tree.cell_a, issuer="Chi bộ A").pk}


def cell_a_document_with_file(tree, users):
    return {"pk": DocumentWithFileFactory(issued_by=tree.cell_a, issuer="Chi bộ A").pk}


def topic(tree, users):
    return {"pk": StudyTopicFactory().pk}


# The member and the news editor do not read the register (domain.md); an object is 404.
CELL_A_READERS = {
    "office": 200,
    "secretary": 200,
    "other_secretary": 404,
    "inspection": 200,
    "member": 404,
    "editor": 404,
}

MATRIX = {
    "documents:list": Case(expect=READERS),
    "documents:create": Case(expect=OFFICE),
    "documents:detail": Case(expect=CELL_A_READERS, kwargs=cell_a_document),
    "documents:update": Case(
        expect={"office": 200, "other_secretary": 404, "member": 404, "editor": 404},
        kwargs=cell_a_document,
    ),
    "documents:file": Case(expect=CELL_A_READERS, kwargs=cell_a_document_with_file),
    # Members and editors do not read the register: the document is not found for them.
    "documents:deliver": Case(
        expect={**OFFICE, "member": 404, "editor": 404}, kwargs=committee_document
    ),
    "documents:matrix": Case(expect={"office": 200, "inspection": 200}),
    "documents:topic_list": Case(expect=SIGNED_IN),
    # Study topics are shared reference data (the Central Committee's topics), no committee's.
    "documents:topic_detail": Case(expect=SIGNED_IN, kwargs=topic, shared=True),
    "documents:topic_create": Case(expect=OFFICE),
    "documents:topic_update": Case(expect=OFFICE, kwargs=topic, shared=True),
}
