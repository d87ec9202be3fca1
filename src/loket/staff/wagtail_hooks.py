"""Staff in Wagtail's admin: links to the console and to one's security page, a person's sign-in actions in the user
list, and audit entries for what administrators change in the user editor."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
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
    return ConsoleMenuItem(_("Console"), reverse("console:workspace"), icon_name="mail", order=50)


@hooks.register("register_account_menu_item")
def register_security_menu_item(request: HttpRequest) -> dict[str, Any]:
    return {
        "url": reverse("staff:security"),
        "label": _("Sign-in and security"),
        "help_text": _("Two-factor authentication, passkeys, password and your sessions."),
    }


@hooks.register("insert_global_admin_js")
def staff_session_script() -> str:
    """The idle timeout's warning in Wagtail's admin too (Loket's own staff pages carry it in their layout)."""
    return format_html(
        '<script src="{}" defer data-idle-seconds="{}" data-keepalive-url="{}" data-time-zone="{}" data-warning="{}" '
        'data-stay="{}"></script>',
        static("loket/js/staff.js"), settings.LOKET_STAFF_SESSION_IDLE, reverse("staff:keepalive"), settings.TIME_ZONE,
        _("Because nothing happened for a while, you will be signed out at {time}."), _("Stay signed in"),
    )  # fmt: skip


@hooks.register("register_user_listing_buttons")
def person_buttons(user: Any, request_user: Any) -> list[Button]:
    if not request_user.has_perm("auth.change_user") or (user.is_superuser and not request_user.is_superuser):
        return []
    url = reverse("staff:person", args=[user.pk])
    return [Button(_("Sessions and second factor"), url, icon_name="key", priority=50)]


def _beyond_administrators(request: HttpRequest, user: Any = None) -> HttpResponse | None:
    """Only a superuser makes or touches a superuser: an administrator's role does not reach above itself."""
    if request.user.is_superuser:
        return None
    if (user is not None and user.is_superuser) or (request.method == "POST" and request.POST.get("is_superuser")):
        return HttpResponseForbidden(_("Only a superuser can make or change a superuser."))
    return None


def _snapshot(user: Any) -> dict[str, Any]:
    return {
        "roles": sorted(queries.role_keys(user)),
        "active": user.is_active,
        "email": user.email,
        "name": user.get_full_name(),
        "superuser": user.is_superuser,
    }


@hooks.register("before_create_user")
def check_create(request: HttpRequest) -> HttpResponse | None:
    return _beyond_administrators(request)


@hooks.register("before_edit_user")
def check_and_remember_edit(request: HttpRequest, user: Any) -> HttpResponse | None:
    request._loket_staff_before = {**_snapshot(user), "password": user.password}  # type: ignore[attr-defined]
    return _beyond_administrators(request, user)


@hooks.register("before_delete_user")
def check_delete(request: HttpRequest, user: Any) -> HttpResponse | None:
    return _beyond_administrators(request, user)


@hooks.register("after_edit_user")
def record_edit(request: HttpRequest, user: Any) -> None:
    before, after = getattr(request, "_loket_staff_before", {}), _snapshot(user)
    changed = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    if changed:
        audit.record("staff.changed", subject=user, request=request, changes=changed)
    if "roles" in changed:  # the same event as `loket staff set-roles`, for whoever follows role changes
        audit.record("staff.roles-changed", subject=user, request=request, before=changed["roles"][0],
                     after=changed["roles"][1], via="admin")  # fmt: skip
    if before.get("password") != user.password:
        audit.record("staff.password-changed", subject=user, request=request, via="admin")
    if before.get("active") and not user.is_active:
        actions.end_sessions(user, request=request)
    if "roles" in changed or not user.is_active:
        actions.withdraw_console(user)  # consoles reopen with the new roles; without any, no more chats


@hooks.register("after_create_user")
def record_create(request: HttpRequest, user: Any) -> None:
    audit.record(
        "staff.added", subject=user, request=request, roles=sorted(queries.role_keys(user)),
        superuser=user.is_superuser, via="admin",
    )  # fmt: skip


@hooks.register("after_delete_user")
def record_delete(request: HttpRequest, user: Any) -> None:
    audit.record("staff.deleted", subject=f"user:{user.get_username()}", request=request)
