"""What personal data Loket holds, declared by each app in its own `privacy.py`: how to find it for one person, how
long it is kept and from when, and how it is erased. Everything else in this app (the daily purge, export, erasure,
the record of processing in docs/privacy.md) reads these declarations; none of it knows an app by name."""

import dataclasses
import datetime
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.validators import validate_email
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _


@dataclasses.dataclass(frozen=True)
class Person:
    """Whom an access or erasure request is about: an e-mail address, and what else they can show (a case's
    reference, a chat's token) for what they sent without it."""

    email: str
    cases: tuple[str, ...] = ()
    chats: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Never blank: `visitor_email=""` would find every chat that left no address.
        validate_email(self.email)


# Characters that can stand in an address: "ann@example.org" is not found inside "joann@example.org" or
# "ann@example.org.uk", but is in "mail ann@example.org." or "<ann@example.org>".
_ADDRESS_CHAR = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.@-]"


def mentions(text: str, email: str) -> bool:
    """Whether `text` names `email` as a whole address (any case); a full stop after it ends a sentence unless a
    letter or digit follows."""
    whole = rf"(?<!{_ADDRESS_CHAR}){re.escape(email)}(?!\.?[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~@-])"
    return re.search(whole, text, re.IGNORECASE) is not None


def mentioning(rows: "models.QuerySet[Any]", field: str, email: str) -> "models.QuerySet[Any]":
    """The rows whose free text `field` names `email` as a whole address. The database narrows it down with a
    substring match; Python then drops rows where the address is only part of another one."""
    candidates = rows.filter(**{f"{field}__icontains": email}).values_list("pk", field)
    return rows.filter(pk__in=[pk for pk, text in candidates if mentions(text or "", email)])


class Erasure(enum.Enum):
    DELETE = "deleted"
    ANONYMISE = "anonymised"  # the row stays for the statistics, without what says who or what was said
    KEEP = (
        "kept"  # erasure does not apply (a legal obligation, or staff data managed elsewhere): `keep_reason` says why
    )


@dataclasses.dataclass(frozen=True)
class Retention:
    """Rows matching `expired(cutoff)` have had their time: `days` (a setting's name, or a number) after `start`."""

    days: str | int
    start: "str | Promise"  # human words for the record: "after the case is closed"
    expired: Callable[[datetime.datetime], models.Q]
    action: Erasure = Erasure.DELETE

    def period(self) -> int:
        return int(getattr(settings, self.days)) if isinstance(self.days, str) else self.days

    def describe(self, *, setting_name: bool = True) -> str:
        """ "365 days (`LOKET_RETENTION_DAYS`) after the case is closed"; for a visitor, without the setting."""
        setting = f" (`{self.days}`)" if isinstance(self.days, str) and setting_name else ""
        return _("%(days)s days%(setting)s %(start)s") % {
            "days": self.period(),
            "setting": setting,
            "start": self.start,
        }


@dataclasses.dataclass(frozen=True)
class Kind:
    """One model's personal data. `find` gives its rows about a person; `fields` are what an export shows;
    `anonymise` the values erasure (or an anonymising retention rule) writes; `files` a file field to export and
    delete with the row; `named_by` how the audit entry of an erasure lists the rows."""

    model: type[models.Model]
    what: "str | Promise"  # translated: the export's summary shows it in Dutch and English
    why: str
    who: str
    find: Callable[[Person], "models.QuerySet[Any]"]
    fields: tuple[str, ...]
    erasure: Erasure
    retention: Retention | None = None
    retention_note: "str | Promise" = ""  # when there is no retention rule: why, and what limits it instead
    anonymise: dict[str, Any] | Callable[[models.QuerySet[Any]], int] | None = None
    keep_reason: "str | Promise" = ""
    files: str = ""
    named_by: str = ""  # the field by which the audit trail names an erased row (a case's reference, a chat's id)

    @property
    def name(self) -> str:
        return self.model._meta.label_lower

    def kept_for(self, *, setting_name: bool = True) -> str:
        return self.retention.describe(setting_name=setting_name) if self.retention else str(self.retention_note)


@dataclasses.dataclass(frozen=True)
class Store:
    """Personal data outside Loket's own models (a library's tables, files on disk), for the record of processing;
    `purge(now)` removes what has had its time (the daily purge calls it, returning a count), `erase(email)` what names
    the address (called once an erasure is committed)."""

    name: str  # a table's label or a path: "sessions.session", "var/outbox"
    what: "str | Promise"
    why: str
    who: str
    kept: "str | Promise"
    erasure: "str | Promise"
    purge: Callable[[datetime.datetime], int] | None = None
    erase: Callable[[str], int] | None = None


_kinds: dict[str, Kind] = {}
_stores: dict[str, Store] = {}
_without: dict[str, str] = {}  # model label -> why it holds no personal data


def register(*kinds: Kind) -> None:
    for kind in kinds:
        assert kind.name not in _kinds, f"{kind.name} is declared twice"
        assert (kind.erasure is not Erasure.ANONYMISE) or kind.anonymise, f"{kind.name}: anonymised with what?"
        assert (kind.erasure is not Erasure.KEEP) or kind.keep_reason, f"{kind.name}: kept why?"
        assert kind.retention or kind.retention_note, f"{kind.name}: kept how long?"
        _kinds[kind.name] = kind


def register_store(*stores: Store) -> None:
    for store in stores:
        assert store.name not in _stores, f"{store.name} is declared twice"
        _stores[store.name] = store


def no_personal_data(models_and_reasons: Iterable[tuple[type[models.Model] | str, str]]) -> None:
    """Models (or "app.model" labels) that hold nothing about a person, and why: the registry test asks every model
    to be declared, and every declared label to be a model."""
    for model, reason in models_and_reasons:
        _without[model.lower() if isinstance(model, str) else model._meta.label_lower] = reason


def kinds() -> list[Kind]:
    return list(_kinds.values())


def stores() -> list[Store]:
    return list(_stores.values())


def without_personal_data() -> dict[str, str]:
    return dict(_without)
