"""`loket audit`: the audit trail, oldest first, as a table or as one JSON object per line."""

import argparse
import datetime
import json
import sys
from typing import Any

from django.utils import timezone


def _since(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO date or date and time: {value!r} (e.g. 2026-11-30 or 2026-11-30T08:00+01:00)"
        ) from None
    return moment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_since, help="only entries from then on (ISO 8601; local time if no zone)")
    parser.add_argument("--person", metavar="USERNAME", help="only what this member of staff did")
    parser.add_argument("--event", help="only this event, e.g. case.opened (a prefix ending in '.' takes a family)")
    parser.add_argument("--object", help="only what was done to this, e.g. case:2026-000123 or user:ann")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


def as_json(entry: Any) -> dict[str, object]:
    return {
        "at": entry.at.isoformat(),
        "event": entry.event,
        "actor": entry.actor_name or None,
        "object": entry.subject or None,
        "address": entry.address or None,
        "details": entry.details,
    }


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    from loket.audit.models import AuditEntry

    entries = AuditEntry.objects.order_by("at", "pk")
    if args.since:
        since = timezone.make_aware(args.since) if timezone.is_naive(args.since) else args.since  # local time
        entries = entries.filter(at__gte=since)
    if args.person:
        entries = entries.filter(actor_name=args.person)
    if args.object:
        entries = entries.filter(subject=args.object)
    if args.event:
        entries = (
            entries.filter(event__startswith=args.event)
            if args.event.endswith(".")
            else entries.filter(event=args.event)
        )
    for entry in entries.iterator(chunk_size=2000):
        if args.json:
            print(json.dumps(as_json(entry), ensure_ascii=False), file=out)
        else:
            at = timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S%z")
            extra = " ".join(f"{key}={value}" for key, value in entry.details.items())
            who, subject, address = entry.actor_name or "-", entry.subject or "-", entry.address or "-"
            print(f"{at}  {who:15} {entry.event:22} {subject:28} {address:15} {extra}".rstrip(), file=out)
    return 0
