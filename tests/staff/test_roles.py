"""Roles: the table in docs/operations.md is what the database grants, and each role reaches its own places."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from loket.staff.roles import BY_KEY, ROLES
from tests.staff.conftest import make_staff, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("optional_2fa")]

OPERATIONS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def documented_roles() -> dict[str, tuple[set[str], set[str]]]:
    """identifier -> (permissions, page and collection permissions), read from the table in docs/operations.md."""
    rows = {}
    for line in OPERATIONS.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and (key := re.fullmatch(r"`(\w+)`", cells[1])):
            rows[key.group(1)] = (set(re.findall(r"`([\w.]+)`", cells[3])), set(re.findall(r"`(\w+)`", cells[4])))
    return rows


def test_the_role_table_in_the_docs_is_what_each_group_is_granted():
    documented = documented_roles()
    assert set(documented) == set(BY_KEY)
    for role in ROLES:
        group = Group.objects.get(name=role.group)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        on_tree = {p.permission.codename for p in GroupPagePermission.objects.filter(group=group)} | {
            p.permission.codename for p in GroupCollectionPermission.objects.filter(group=group)
        }
        assert documented[role.key] == (granted, on_tree), role.key


def test_permissions_added_by_hand_are_taken_away_at_the_next_migrate():
    from loket.staff.actions import sync_role_groups

    agent = Group.objects.get(name="Agent")
    agent.permissions.add(*Group.objects.get(name="Administrator").permissions.all())
    sync_role_groups()
    assert agent.permissions.count() == len(BY_KEY["agent"].permissions)


def test_the_old_groups_become_roles_and_keep_their_members():
    migration = __import__("loket.staff.migrations.0001_role_groups", fromlist=["into_roles"])
    old_agent, old_editor, old_moderator = (get_user_model().objects.create_user(name) for name in ("a", "e", "m"))
    for name, user in (("Agents", old_agent), ("Editors", old_editor), ("Moderators", old_moderator)):
        Group.objects.create(name=name).user_set.add(user)
    migration.into_roles(apps, None)
    assert not Group.objects.filter(name__in=["Agents", "Editors", "Moderators"]).exists()
    assert list(old_agent.groups.values_list("name", flat=True)) == ["Agent"]
    assert {*Group.objects.get(name="Editor").user_set.values_list("username", flat=True)} >= {"e", "m"}


def test_each_role_reaches_its_own_places_and_no_others(client_class):
    expectations = {
        # role: (console, admin, audit trail in the admin, trainer statistics)
        "agent": (200, 302, 302, 403),
        "supervisor": (200, 302, 302, 403),
        "editor": (403, 200, 302, 403),
        "integrity": (403, 200, 302, 200),
        "admin": (403, 200, 200, 403),
    }
    for key, expected in expectations.items():
        make_staff(f"{key}-person", key)
        browser = client_class()
        sign_in(browser, f"{key}-person")
        seen = tuple(
            browser.get(url).status_code
            for url in ("/console/", "/admin/", "/admin/audit/", "/richtlijnen/statistieken/")
        )
        assert seen == expected, key


def test_staff_sent_where_their_roles_do_not_reach_are_told_so_and_shown_where_they_may_go(client_class):
    make_staff("ann", "agent")
    agent = client_class()
    sign_in(agent, "ann")
    admin = agent.get("/admin/audit/", follow=True)  # Wagtail's refusal, then no circle through the sign-in page
    assert admin.status_code == 403 and "Uw rollen geven geen toegang tot het beheer." in admin.content.decode()
    assert 'href="/console/"' in admin.content.decode()
    make_staff("eddy", "editor")
    editor = client_class()
    sign_in(editor, "eddy")
    console = editor.get("/console/")
    assert console.status_code == 403 and "Uw rollen geven geen toegang tot deze pagina." in console.content.decode()
    assert 'href="/admin/"' in console.content.decode()
