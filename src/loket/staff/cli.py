"""`loket staff`: staff accounts and their roles for operators. Every change is in the audit trail.

Its options are read before Django starts (`loket --help` stays quick); what needs the models is imported in `run`."""

import argparse
import json
import sys
from typing import Any, TextIO

from loket.staff.roles import BY_KEY


def add_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="staff_command", required=True, metavar="COMMAND")
    roles = ", ".join(BY_KEY)

    add = commands.add_parser("add", help="a new member of staff; prints a one-time sign-in link")
    add.add_argument("username")
    add.add_argument("--email", required=True)
    add.add_argument("--role", action="append", required=True, metavar="ROLE", help=f"one or more of: {roles}")
    add.add_argument("--team", action="append", default=[], metavar="TEAM", help="a chat team (name or id); repeatable")
    add.add_argument("--name", default="", help='the full name, e.g. "An Peeters"')
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input instead of a link"
    )

    listing = commands.add_parser("list", help="every account with roles, second factors and last sign-in")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")

    for name, text in (
        ("link", "a new one-time link to choose a password and sign in (the first one lapsed)"),
        ("disable", "no more sign-in; sessions end; an agent's chats go back to the queue"),
        ("enable", "a disabled account may sign in again"),
        ("reset-2fa", "remove someone's apps, passkeys and recovery codes; they set up new ones"),
        ("sign-out", "end every session of someone, everywhere"),
    ):
        commands.add_parser(name, help=text).add_argument("username")

    set_roles = commands.add_parser("set-roles", help="replace someone's Loket roles")
    set_roles.add_argument("username")
    set_roles.add_argument("--role", action="append", required=True, metavar="ROLE", help=f"one or more of: {roles}")


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    from loket.staff import actions

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise actions.StaffError(f"there is no account {username!r} (see `loket staff list`)")
    return user


def run(args: argparse.Namespace) -> int:
    from django.utils import translation

    from loket.staff import actions

    try:
        with translation.override("en"):  # like the command's own messages (password rules come from Django)
            return _run(args, sys.stdin, sys.stdout)
    except actions.StaffError as error:
        print(f"loket staff: error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    from loket.audit import actions as audit
    from loket.staff import actions, queries

    who = audit.operator()
    command = args.staff_command
    if command == "add":
        password = stdin.readline().rstrip("\r\n") if args.password_stdin else None
        if args.password_stdin and not password:
            raise actions.StaffError("--password-stdin read an empty line")
        user = actions.add_staff(
            username=args.username, email=args.email, roles=args.role, teams=args.team, name=args.name,
            password=password, **who,
        )  # fmt: skip
        print(f"Added {user.username} ({', '.join(role.group for role in queries.roles_of(user))}).", file=out)
        if password is None:
            print("One-time link to choose a password and sign in (valid for 24 hours):", file=out)
            print(f"  {actions.sign_in_link(user)}", file=out)
    elif command == "list":
        _list(args.json, out)
    elif command == "link":
        user = _user(args.username)
        if not user.is_active:
            raise actions.StaffError(f"{args.username} is disabled")
        print("One-time link to choose a password and sign in (valid for 24 hours):", file=out)
        print(f"  {actions.sign_in_link(user)}", file=out)
    elif command == "disable":
        actions.disable_staff(_user(args.username), **who)
        print(f"Disabled {args.username}: signed out everywhere, no more sign-in.", file=out)
    elif command == "enable":
        actions.enable_staff(_user(args.username), **who)
        print(f"Enabled {args.username}: they may sign in again.", file=out)
    elif command == "reset-2fa":
        count = actions.reset_second_factor(_user(args.username), **who)
        print(
            f"Removed {_count(count, 'second factor')} of {args.username} and signed them out; they sign in with "
            "their password (and set up a new app or passkey where one is required).",
            file=out,
        )
    elif command == "sign-out":
        count = actions.end_sessions(_user(args.username), **who)
        print(f"Signed {args.username} out everywhere: {_count(count, 'session')} ended.", file=out)
    elif command == "set-roles":
        user = _user(args.username)
        actions.set_roles(user, args.role, **who)
        print(f"{user.username}: {', '.join(role.group for role in queries.roles_of(user))}.", file=out)
    return 0


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def _list(as_json: bool, out: TextIO) -> None:
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.db.models import Prefetch

    from loket.chat.models import Agent
    from loket.staff import queries

    users = (
        get_user_model()
        .objects.order_by("username")
        .prefetch_related(
            "groups", Prefetch("authenticator_set", queryset=Authenticator.objects.only("user_id", "type"))
        )
    )
    teams = {
        agent.user_id: [str(team) for team in agent.teams.all()] for agent in Agent.objects.prefetch_related("teams")
    }
    rows = []
    for user in users:
        row: dict[str, Any] = {
            "username": user.username,
            "name": user.get_full_name(),
            "email": user.email,
            "roles": queries.role_keys(user) + (["superuser"] if user.is_superuser else []),
            "teams": teams.get(user.pk, []),
            "active": user.is_active,
            "second_factors": sorted({a.type for a in user.authenticator_set.all()}),  # type: ignore[attr-defined]
            "last_sign_in": user.last_login.isoformat() if user.last_login else None,
        }
        if as_json:
            print(json.dumps(row, ensure_ascii=False), file=out)
        else:
            rows.append(row)
    if not as_json:
        _table(rows, out)


def _table(rows: list[dict[str, Any]], out: TextIO) -> None:
    columns = ("username", "state", "roles", "teams", "second factors", "last sign-in", "e-mail")
    lines = [
        (
            row["username"], "active" if row["active"] else "DISABLED", ",".join(row["roles"]) or "-",
            ",".join(row["teams"]) or "-", ",".join(row["second_factors"]) or "none",
            (row["last_sign_in"] or "never")[:16].replace("T", " "), row["email"],
        )
        for row in rows
    ]  # fmt: skip
    widths = [max(len(str(value)) for value in column) for column in zip(columns, *lines, strict=True)]
    for line in (columns, *lines):
        print("  ".join(f"{value:{width}}" for value, width in zip(line, widths, strict=True)).rstrip(), file=out)
