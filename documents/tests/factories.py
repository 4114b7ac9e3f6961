import datetime as dt

import factory
from django.core.files.base import ContentFile

from documents.models import Document, DocumentDelivery, StudyTopic

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class DocumentFactory(factory.django.DjangoModelFactory[Document]):
    """An outside document (no issuing unit of ours) unless issued_by is given."""

    class Meta:
        model = Document

    number_symbol = factory.Sequence(lambda n: f"{n + 100}-KH/ĐU")
    kind = Document.Kind.PLAN
    issued_on = dt.date(2017, 3, 6)
    issuer = "Đảng ủy thử nghiệm"
    summary = factory.Sequence(lambda n: f"Kế hoạch học tập và làm theo số {n}")
    issued_by = None


class DocumentWithFileFactory(DocumentFactory):
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="van-ban.pdf"))


class DeliveryFactory(factory.django.DjangoModelFactory[DocumentDelivery]):
    class Meta:
        model = DocumentDelivery

    document = factory.SubFactory(DocumentFactory)
    sent_on = dt.date(2017, 3, 8)


class StudyTopicFactory(factory.django.DjangoModelFactory[StudyTopic]):
    class Meta:
        model = StudyTopic

    code = factory.Sequence(lambda n: f"CD-T{n:03d}")
    title = factory.Sequence(lambda n: f"Chuyên đề thử nghiệm số {n}")
    kind = StudyTopic.Kind.ANNUAL
    start_year = 2021
    end_year = 2021
