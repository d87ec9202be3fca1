"""Staff in Wagtail's admin: links to the console and to one's security page, a person's sign-in actions in the user
list, and audit entries for what administrators change in the user editor."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from loket.audit import actions as audit
from loket.staff import actions, queries


class ConsoleMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("contact.change_case")


@hooks.register("register_admin_menu_item")
def register_console_menu_item() -> MenuItem:
    return ConsoleMenuItem(_("Console"), reverse("console:cases"), icon_name="mail", order=50)


@hooks.register("register_account_menu_item")
def register_security_menu_item(request: HttpRequest) -> dict[str, Any]:
    return {
        "url": reverse("staff:security"),
        "label": _("Sign-in and security"),
        "help_text": _("Two-factor authentication, passkeys, password and your sessions."),
    }


@hooks.register("register_user_listing_buttons")
def person_buttons(user: Any, request_user: Any) -> list[Button]:
    if not request_user.has_perm("auth.change_user") or (user.is_superuser and not request_user.is_superuser):
        return []
    url = reverse("staff:person", args=[user.pk])
    return [Button(_("Sessions and second factor"), url, icon_name="key", priority=50)]


def _snapshot(user: Any) -> dict[str, Any]:
    return {
        "roles": sorted(queries.role_keys(user)),
        "active": user.is_active,
        "email": user.email,
        "name": user.get_full_name(),
        "superuser": user.is_superuser,
    }


@hooks.register("before_edit_user")
def remember_before_edit(request: HttpRequest, user: Any) -> None:
    request._loket_staff_before = _snapshot(user)  # type: ignore[attr-defined]


@hooks.register("after_edit_user")
def record_edit(request: HttpRequest, user: Any) -> None:
    before, after = getattr(request, "_loket_staff_before", {}), _snapshot(user)
    changed = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    if not changed:
        return
    audit.record("staff.changed", subject=user, request=request, changes=changed)
    if before.get("active") and not user.is_active:
        actions.end_sessions(user, request=request)  # a disabled account's consoles close too


@hooks.register("after_create_user")
def record_create(request: HttpRequest, user: Any) -> None:
    audit.record("staff.added", subject=user, request=request, roles=sorted(queries.role_keys(user)), via="admin")


@hooks.register("after_delete_user")
def record_delete(request: HttpRequest, user: Any) -> None:
    audit.record("staff.deleted", subject=f"user:{user.get_username()}", request=request)
