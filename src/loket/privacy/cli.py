"""`loket privacy`: purge what retention no longer allows, export or erase one person's data, write the record of
processing."""

import argparse
import datetime
import io
import pathlib
import sys
from typing import TextIO


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    purge = actions.add_parser("purge", help="apply every retention rule now (the daily task does it too)")
    purge.add_argument("--dry-run", action="store_true", help="only count what would go")
    for name, help_text in (
        ("export", "everything held about one person, as a zip (summary in Dutch and English, JSON, files)"),
        ("erase", "erase or anonymise everything held about one person, in one transaction"),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("email")
        action.add_argument("--case", action="append", default=[], metavar="REFERENCE", help="a case of theirs too")
        action.add_argument("--chat", action="append", default=[], metavar="TOKEN", help="a chat of theirs too")
        if name == "export":
            action.add_argument(
                "--out", type=pathlib.Path, help="the zip to write (default: privacy-export-DATE-MARK.zip)"
            )
        else:
            action.add_argument("--yes", action="store_true", help="do it; without this, only list what would go")
    record = actions.add_parser("record", help="write the record of processing (docs/privacy.md) from the registry")
    record.add_argument("--out", type=pathlib.Path, help="where to write it (default: print it)")


def call(argv: list[str], out: TextIO | io.TextIOBase) -> int:
    """`loket privacy ARGV…` from code: the old management commands are aliases of it."""
    parser = argparse.ArgumentParser(prog="loket privacy")
    add_arguments(parser)
    return run(parser.parse_args(argv), out=out)


def run(args: argparse.Namespace, out: TextIO | io.TextIOBase | None = None) -> int:
    from django.core.exceptions import ValidationError

    from loket.audit import actions as audit
    from loket.privacy import actions, record
    from loket.privacy.registry import Person

    out = out or sys.stdout
    if args.action == "purge":
        done = actions.purge(dry_run=args.dry_run)
        verb = "would go" if args.dry_run else "done"
        for name, count in done.items():
            print(f"{name:28} {count:>8} {verb}", file=out)
        return 0
    if args.action == "record":
        text = record.generate()
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            out.write(text)
        return 0
    try:
        person = Person(email=args.email.strip(), cases=tuple(args.case), chats=tuple(args.chat))
    except ValidationError:
        print(f"Not an e-mail address: {args.email!r}", file=sys.stderr)
        return 2
    if args.action == "export":
        # Never the address in a file name (it ends up in shell history, backups and directory listings).
        mark = actions.address_mark(person.email).removeprefix("address:")[:8]
        path = args.out or pathlib.Path(f"privacy-export-{datetime.date.today():%Y-%m-%d}-{mark}.zip")
        actions.export(person, write=path.write_bytes, **audit.operator())
        print(f"Written: {path}", file=out)
        return 0
    if not args.yes:
        print("Would erase (add --yes to do it):", file=out)
        for found in actions.find(person):
            print(f"  {found.kind.name:28} {len(found.pks):>6} {found.kind.erasure.value}", file=out)
        return 1
    for name, (how, count) in actions.erase(person, **audit.operator()).items():
        print(f"{name:28} {count:>6} {how.value}", file=out)
    return 0
