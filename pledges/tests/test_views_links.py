from django.urls import reverse


def test_only_those_who_may_record_paper_pledges_see_the_button(tree, users, client_as):
    record_url = reverse("pledges:pledge_record")
    assert record_url in client_as("secretary").get(reverse("pledges:pledge_list")).content.decode()
    inspection_page = client_as("inspection").get(reverse("pledges:pledge_list"))
    assert inspection_page.status_code == 200
    assert record_url not in inspection_page.content.decode()
