"""Reads about staff: their roles, where they work, and whether they still owe a second factor."""

from typing import Any

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from loket.staff.roles import BY_KEY, ROLES, Role

SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def roles_of(user: Any) -> list[Role]:
    return [BY_KEY[key] for key in role_keys(user)]


def landing_url(user: Any) -> str:
    """Agents and supervisors work in the console; editors, the integrity office and administrators in the admin."""
    if any(role.works_in_console for role in roles_of(user)):
        return reverse("console:workspace")
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_home")
    return reverse("staff:no-access")


def places(user: Any) -> list[dict[str, str]]:
    """The staff pages this person's roles let them use, for the navigation of every staff page."""
    found = []
    if user.has_perm("contact.change_case"):
        found += [
            {"name": "workspace", "url": reverse("console:workspace"), "label": _("Workspace")},
            {"name": "cases", "url": reverse("console:case-list"), "label": _("Cases")},
        ]
    if user.has_perm("chat.supervise"):
        found.append({"name": "board", "url": reverse("console:board"), "label": _("Board")})
    if user.has_perm("reports.view"):
        found.append({"name": "reports", "url": reverse("reports:chat"), "label": _("Reports")})
    if user.has_perm("wagtailadmin.access_admin"):
        found.append({"name": "admin", "url": reverse("wagtailadmin_home"), "label": _("Admin")})
    if user.has_perm("guidance.view_statistics"):
        found.append({"name": "statistics", "url": reverse("guidance:statistics"), "label": _("Trainer statistics")})
    found.append({"name": "security", "url": reverse("staff:security"), "label": _("Sign-in and security")})
    return found


def has_second_factor(user: Any) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exists()


def signed_in_with_provider(request: HttpRequest) -> bool:
    """Single sign-on: the organisation's provider decides about second factors for this session."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "socialaccount" for record in records)


def owes_second_factor(request: HttpRequest) -> bool:
    """Signed in, a second factor is required, and this person has none yet: they may only go and set one up."""
    return (
        settings.LOKET_STAFF_2FA == "required"
        and request.user.is_authenticated
        and not signed_in_with_provider(request)
        and not has_second_factor(request.user)
    )


def _claim(data: dict[str, Any], path: str) -> Any:
    """A claim by name, or by a dotted path into nested claims (Keycloak: `realm_access.roles`)."""
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def roles_from_claims(extra_data: dict[str, Any]) -> list[str]:
    """Loket's role identifiers among the provider's roles or groups, from the user info and the ID token.

    `LOKET_OIDC_ROLE_MAP` (`provider-name=role,…`) translates names that differ from Loket's own."""
    mapping = dict(settings.LOKET_OIDC_ROLE_MAP)
    found: set[str] = set()
    for source in (extra_data.get("userinfo"), extra_data.get("id_token"), extra_data):
        if not isinstance(source, dict):
            continue
        value = _claim(source, settings.LOKET_OIDC_ROLES_CLAIM)
        names = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
        for name in names:
            if isinstance(name, str) and (key := mapping.get(name, name)) in BY_KEY:
                found.add(key)
    return [role.key for role in ROLES if role.key in found]


def role_keys(user: Any) -> list[str]:
    """The identifiers of this person's roles, in the order of ROLES (uses prefetched groups)."""
    names = {group.name for group in user.groups.all()}
    return [role.key for role in ROLES if role.group in names]
