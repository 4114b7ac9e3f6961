import datetime as dt

import factory

from inspections.models import Finding, Inspection, InspectionPlan, Remediation


class InspectionPlanFactory(factory.django.DjangoModelFactory[InspectionPlan]):
    class Meta:
        model = InspectionPlan

    year = 2020
    number_symbol = factory.Sequence(lambda n: f"{n + 1:02d}-KH/ĐU")
    issued_on = dt.date(2020, 1, 20)


class InspectionFactory(factory.django.DjangoModelFactory[Inspection]):
    """A planned supervision of a cell (pass subject_unit or subject_person)."""

    class Meta:
        model = Inspection

    code = factory.Sequence(lambda n: f"GS-T-{n:03d}")
    form = Inspection.Form.SUPERVISION
    year = 2020
    content = "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    planned_from: dt.date | None = dt.date(2020, 3, 1)
    planned_to: dt.date | None = dt.date(2020, 3, 20)


class ConcludedInspectionFactory(InspectionFactory):
    state = Inspection.State.CONCLUDED
    started_on = dt.date(2020, 3, 2)
    ended_on = dt.date(2020, 3, 15)
    concluded_on = dt.date(2020, 3, 25)
    conclusion_number = "12-TB/ĐU"
    conclusion = "Chi bộ đã thực hiện cơ bản tốt; còn khuyết điểm cần khắc phục."


class FindingFactory(factory.django.DjangoModelFactory[Finding]):
    class Meta:
        model = Finding

    kind = Finding.Kind.SHORTCOMING
    text = "Chưa xây dựng chuẩn mực riêng của chi bộ."


class RemediationFactory(factory.django.DjangoModelFactory[Remediation]):
    class Meta:
        model = Remediation

    inspection = factory.SubFactory(ConcludedInspectionFactory)
    content = factory.Sequence(lambda n: f"Xây dựng chuẩn mực riêng của chi bộ ({n})")
    deadline = dt.date(2020, 6, 30)
    created_on = dt.date(2020, 3, 25)
