"""The round in a real browser: the member self-assesses, the secretary proposes at the cell's
meeting, the office decides. Screenshots for the user guide."""

import datetime as dt

import pytest

from core.actors import SYSTEM
from core.testing import sign_in_browser
from pledges.models import PersonalPlan, Pledge
from ratings import services
from ratings.models import Level, Rating


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_round_from_self_assessment_to_decision(page, tree, users, meeting_a, screenshot):
    member = tree.members_a[1]
    Pledge.objects.create(
        person=member,
        year=2019,
        registered_on=dt.date(2019, 2, 20),
        content="Học tập và làm theo tấm gương đạo đức Hồ Chí Minh; thực hiện văn hóa công sở.",
    )
    PersonalPlan.objects.create(
        person=member, year=2019, content="Hoàn thành đúng hạn 100% nhiệm vụ chuyên môn được giao."
    )
    sign_in_browser(page, "member")
    page.goto("/xep-loai/?year=2019")
    page.get_by_role("link", name="Bản tự đánh giá của tôi").click()
    page.fill("#id_self_text", "Hoàn thành tốt nhiệm vụ chuyên môn, thực hiện nghiêm bản cam kết.")
    page.select_option("#id_self_level", Level.GOOD)
    screenshot(page, "ratings-self-assess")
    page.get_by_role("button", name="Lưu bản tự đánh giá").click()
    page.get_by_text("Đã lưu bản tự đánh giá.").wait_for()
    assert Rating.objects.get(person=member, year=2019).self_assessed_at

    page.context.clear_cookies()
    sign_in_browser(page, "secretary")
    page.goto(f"/xep-loai/chi-bo/{tree.cell_a.pk}/2019/")
    page.select_option("#meeting", str(meeting_a.pk))
    page.select_option(f"#level_{member.pk}", Level.GOOD)
    page.select_option("#level_cell", Level.GOOD)
    screenshot(page, "ratings-cell-review")
    page.get_by_role("button", name="Ghi đề nghị của chi bộ").click()
    page.get_by_text("Đã ghi đề nghị của chi bộ.").wait_for()
    assert Rating.objects.get(person=member, year=2019).proposal_meeting == meeting_a
    # A cell is decided after all its members: the other two are reviewed too.
    others = [person for person in tree.members_a if person != member]
    for person in others:
        services.rating_self_assess(
            person=person, year=2019, text="…", self_level=Level.GOOD, user=SYSTEM
        )
    services.ratings_propose(
        cell=tree.cell_a,
        year=2019,
        meeting=meeting_a,
        proposals=[(person, Level.GOOD, "") for person in others],
        user=users["secretary"],
    )

    page.context.clear_cookies()
    sign_in_browser(page, "office")
    page.goto("/xep-loai/quyet-dinh/2019/")
    rating = Rating.objects.get(person=member, year=2019)
    assert page.locator(f"select[name=level_{rating.pk}]").input_value() == Level.GOOD
    page.get_by_role("button", name="Ghi các quyết định trên trang này").click()
    page.get_by_text("Đã ghi 4 quyết định.").wait_for()
    screenshot(page, "ratings-decide")
    rating.refresh_from_db()
    assert rating.level == Level.GOOD and rating.decided_by == users["office"]
    page.goto("/xep-loai/tien-do/?year=2019")
    page.get_by_role("heading", name="Tổng hợp theo mức xếp loại").wait_for()
    screenshot(page, "ratings-progress")
    page.goto(f"/xep-loai/danh-gia/{rating.pk}/")
    screenshot(page, "ratings-detail")
