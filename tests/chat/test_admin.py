import pytest
from django.contrib.auth.models import User

from loket.chat.models import OpeningHours


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("boss", password="pw-long-enough-123"))
    return client


def test_editors_set_the_opening_hours_and_teams_in_the_admin(admin_client):
    for url in (
        "/admin/chat/teams/",
        "/admin/chat/agents/",
        "/admin/chat/conversations/",
        "/admin/chat/opening-hours/",
    ):
        assert admin_client.get(url).status_code == 200, url
    response = admin_client.post(
        "/admin/chat/opening-hours/new/", {"weekday": "0", "opens": "09:00", "closes": "17:00"}
    )
    assert response.status_code == 302
    assert str(OpeningHours.objects.get()) in ("Monday 09:00-17:00", "maandag 09:00-17:00")
