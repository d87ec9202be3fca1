"""Writes about staff accounts: the only code that makes staff, changes their roles, ends their sessions or resets
their second factor. Each change and its audit entry commit together."""

from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse

from loket.audit import actions as audit
from loket.chat import actions as chat_actions
from loket.chat import events as chat_events
from loket.chat.models import Agent, Team
from loket.parsing import whole_number
from loket.staff.roles import BY_KEY, ROLES


@transaction.atomic
def sync_role_groups() -> None:
    """After every migrate: each role's group has exactly the permissions that roles.py gives it (post_migrate)."""
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    def permission(label: str) -> Permission:
        app_label, _, codename = label.partition(".")
        found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if found is None:
            raise LookupError(f"role permission {label} does not exist")
        return found

    root_page, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.group)
        group.permissions.set([permission(label) for label in role.permissions])
        if root_page is not None:  # (a database emptied by `flush` has no page tree until the next migrate)
            GroupPagePermission.objects.filter(group=group).exclude(
                page=root_page, permission__codename__in=role.page_permissions
            ).delete()
            for codename in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission(f"wagtailcore.{codename}")
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group).exclude(
                collection=root_collection, permission__codename__in=role.collection_permissions
            ).delete()
            for codename in role.collection_permissions:
                app = "wagtaildocs" if codename.endswith("_document") else "wagtailimages"
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(f"{app}.{codename}")
                )


class StaffError(Exception):
    """A request about staff accounts that cannot be carried out, with the reason for the operator."""


def _roles(keys: list[str]) -> list[str]:
    unknown = [key for key in keys if key not in BY_KEY]
    if unknown:
        raise StaffError(f"unknown role {unknown[0]!r}: choose from {', '.join(BY_KEY)}")
    if not keys:
        raise StaffError(f"give at least one role: {', '.join(BY_KEY)}")
    return list(dict.fromkeys(keys))


def find_teams(names: list[str]) -> list[Team]:
    """Teams by id or by their Dutch or English name (in any case)."""
    found = []
    for name in names:
        team = (
            Team.objects.filter(pk=number).first()
            if (number := whole_number(name)) is not None
            else Team.objects.filter(name_nl__iexact=name).first() or Team.objects.filter(name_en__iexact=name).first()
        )
        if team is None:
            known = ", ".join(f"{t.name_nl} ({t.pk})" for t in Team.objects.all()) or "none yet"
            raise StaffError(f"unknown team {name!r}: the teams are {known}")
        found.append(team)
    return found


def sign_in_link(user: Any) -> str:
    """A one-time link to choose a password and sign in; it lapses after PASSWORD_RESET_TIMEOUT (a day) or once used."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def add_staff(
    *,
    username: str,
    email: str,
    roles: list[str],
    teams: list[str] | None = None,
    name: str = "",
    password: str | None = None,
    actor: Any = None,
    address: str = "",
    **audit_details: Any,
) -> Any:
    """A new member of staff with their roles (and, for agents, their teams straight away)."""
    User = get_user_model()
    username, email = username.strip(), email.strip()
    try:
        User._meta.get_field("username").run_validators(username)
        if not username:
            raise ValidationError("empty")
    except ValidationError:
        raise StaffError(
            f"{username!r} cannot be a username: use 1 to 150 letters, digits and @ . + - _ (no spaces)"
        ) from None
    if User.objects.filter(username__iexact=username).exists():
        raise StaffError(f"the username {username!r} is taken")
    try:
        validate_email(email)
    except ValidationError:
        raise StaffError(f"{email!r} is not an e-mail address, for example name@example.org") from None
    if (holder := User.objects.filter(email__iexact=email).first()) is not None:
        raise StaffError(f"{email} is already the address of {holder.username} (password resets go to it)")
    keys, chosen_teams = _roles(roles), find_teams(teams or [])
    first, _, last = name.strip().partition(" ")
    user = User(username=username, email=email, first_name=first[:150], last_name=last[:150])
    if password is None:
        user.set_unusable_password()
    else:
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise StaffError(" ".join(error.messages)) from None
        user.set_password(password)
    user.save()
    audit.record("staff.added", actor=actor, subject=user, address=address, roles=keys, **audit_details)
    set_roles(user, keys, actor=actor, address=address, teams=chosen_teams, **audit_details)
    return user


@transaction.atomic
def set_roles(
    user: Any,
    keys: list[str],
    *,
    actor: Any = None,
    address: str = "",
    request: HttpRequest | None = None,
    teams: list[Team] | None = None,
    **audit_details: Any,
) -> None:
    """Exactly these of Loket's roles (other groups stay). Agents and supervisors can take chats at once."""
    keys = _roles(keys)
    wanted = {BY_KEY[key].group for key in keys}
    ours = {role.group for role in ROLES}
    before = sorted(role.key for role in ROLES if role.group in set(user.groups.values_list("name", flat=True)))
    user.groups.remove(*Group.objects.filter(name__in=ours - wanted))
    user.groups.add(*Group.objects.filter(name__in=wanted))
    if any(BY_KEY[key].works_in_console for key in keys):
        agent = chat_actions.agent_for(user)
        if teams:
            agent.teams.set(teams)
    after = sorted(keys)
    if before != after:
        withdraw_console(user)
    if before != after:
        audit.record(
            "staff.roles-changed", actor=actor, subject=user, address=address, request=request,
            before=before, after=after, **audit_details,
        )  # fmt: skip


@transaction.atomic
def end_sessions(
    user: Any, *, actor: Any = None, address: str = "", request: HttpRequest | None = None, **audit_details: Any
) -> int:
    """Sign a person out everywhere: every session ends and their open consoles close."""
    count = 0
    for session in UserSession.objects.filter(user_id=user.pk):
        session.end()
        count += 1
    agent = Agent.objects.filter(user=user).first()
    if agent is not None:
        chat_events.console_signed_out(agent.pk, None)
    audit.record(
        "signout.everywhere", actor=actor, subject=user, address=address, request=request, sessions=count,
        **audit_details,
    )  # fmt: skip
    return count


def console_signed_out(user: Any, session_key: str) -> None:
    """One session ended: the consoles opened with it close (the person's other sessions stay)."""
    agent = Agent.objects.filter(user=user).first()
    if agent is not None:
        chat_events.console_signed_out(agent.pk, session_key)


@transaction.atomic
def disable_staff(user: Any, *, actor: Any = None, address: str = "", **audit_details: Any) -> None:
    """No more sign-in, no session left; an agent goes offline and their chats go back to the front of the queue."""
    if not user.is_active:
        raise StaffError(f"{user.get_username()} is disabled already")
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit.record("staff.disabled", actor=actor, subject=user, address=address, **audit_details)
    end_sessions(user, actor=actor, address=address, **audit_details)
    withdraw_console(user)


@transaction.atomic
def enable_staff(user: Any, *, actor: Any = None, address: str = "", **audit_details: Any) -> None:
    if user.is_active:
        raise StaffError(f"{user.get_username()} is not disabled")
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit.record("staff.enabled", actor=actor, subject=user, address=address, **audit_details)


def withdraw_console(user: Any) -> None:
    """After a change of roles or of the account, the person's open consoles close (a console that may still open
    comes back at once with the roles as they are now, say as a supervisor). Someone who may no longer take chats
    goes offline and their chats go back to the front of the queue."""
    user = get_user_model().objects.get(pk=user.pk)  # permissions as they are now, not as cached
    agent = Agent.objects.filter(user=user).first()
    if agent is None:
        return
    chat_events.console_signed_out(agent.pk, None)
    if not (user.is_active and user.has_perm("contact.change_case")):
        chat_actions.withdraw_agent(agent_id=agent.pk)


@transaction.atomic
def reset_second_factor(user: Any, *, actor: Any = None, address: str = "", **audit_details: Any) -> int:
    """Every app, passkey and recovery code of this person goes; they set up a new one at their next sign-in."""
    count, _ = Authenticator.objects.filter(user_id=user.pk).delete()
    audit.record("mfa.reset", actor=actor, subject=user, address=address, authenticators=count, **audit_details)
    end_sessions(user, actor=actor, address=address, **audit_details)
    return count
