from django.urls import reverse


def test_a_member_sees_his_cell_name_without_a_link_he_could_not_open(tree, users, client_as):
    person = users["member"].person
    page = (
        client_as("member").get(reverse("organisation:person", args=[person.pk])).content.decode()
    )
    unit_url = reverse("organisation:unit", args=[person.unit_id])
    assert person.unit.name in page
    assert unit_url not in page
    office_page = client_as("office").get(reverse("organisation:person", args=[person.pk]))
    assert unit_url in office_page.content.decode()
