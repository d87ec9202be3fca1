"""Writes over every app's personal data, driven by the registry: the retention purge, an access request's export,
an erasure. The audit trail records exports and erasures in the same transaction."""

import dataclasses
import datetime
import functools
import hashlib
import hmac
import io
import json
import logging
import zipfile
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Concat
from django.template.loader import render_to_string
from django.utils import timezone, translation

from loket.audit import actions as audit
from loket.privacy.registry import Erasure, Kind, Person, kinds, stores

logger = logging.getLogger(__name__)

BATCH = 500  # rows per transaction in the purge: a long purge never holds a long lock


def address_mark(email: str) -> str:
    """How the audit trail names a person whose data was exported or erased: not the address itself, and keyed (with
    SECRET_KEY) so that nobody can test a guessed address against the trail without the key."""
    key = settings.SECRET_KEY.encode()
    return "address:" + hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


def _anonymise(kind: Kind, rows: "models.QuerySet[Any]") -> int:
    if callable(kind.anonymise):
        return kind.anonymise(rows)
    assert kind.anonymise is not None
    return rows.update(**kind.anonymise)


def _neutralise_admin_log(model: type[models.Model], pks: list[Any]) -> None:
    """Wagtail's admin log (and Django's) names an object by what `__str__` said when it was edited, and may keep
    changed values: for rows erased or anonymised, the entries keep who did what when, but not the label or data."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ids = [str(pk) for pk in pks]
    label = Concat(Value(f"{model._meta.label_lower} #"), F("object_id"), output_field=models.CharField())
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(label=label, data={})
    LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(object_repr=label, change_message="")


def _apply(kind: Kind, action: Erasure, rows: "models.QuerySet[Any]") -> int:
    _neutralise_admin_log(rows.model, list(rows.values_list("pk", flat=True)))
    if action is Erasure.ANONYMISE:
        return _anonymise(kind, rows)
    _, by_model = rows.delete()  # a query: related rows go by cascade, files once committed (apps.py)
    return by_model.get(rows.model._meta.label, 0)


def purge(*, now: datetime.datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    """Every retention rule, in batches of BATCH rows, each batch its own transaction: the rows of each kind whose
    time is up, deleted or anonymised. Running it again finds nothing more to do."""
    now = now or timezone.now()
    done: dict[str, int] = {}
    for kind in kinds():
        rule = kind.retention
        if rule is None:
            continue
        expired = kind.model._default_manager.filter(rule.expired(now - datetime.timedelta(days=rule.period())))
        if dry_run:
            done[kind.name] = expired.count()
            continue
        count, previous = 0, None
        while pks := list(expired.order_by("pk").values_list("pk", flat=True)[:BATCH]):
            if pks == previous:  # a rule whose rows stay expired once anonymised would never end
                logger.error("privacy purge: %s rows still expired after %s", kind.name, rule.action.value)
                break
            with transaction.atomic():
                _apply(kind, rule.action, kind.model._default_manager.filter(pk__in=pks))
            count, previous = count + len(pks), pks
        done[kind.name] = count
        if count:
            logger.info("privacy purge: %s %s %s", count, kind.name, rule.action.value)
    for store in stores():
        if store.purge is not None and not dry_run:
            done[store.name] = count = store.purge(now)
            if count:
                logger.info("privacy purge: %s %s removed", count, store.name)
    return done


@dataclasses.dataclass
class Found:
    """One kind's rows about a person (as they were when found)."""

    kind: Kind
    pks: list[Any]

    @property
    def rows(self) -> "models.QuerySet[Any]":
        return self.kind.model._default_manager.filter(pk__in=self.pks).order_by("pk")


def find(person: Person) -> list[Found]:
    """Everything held about a person, kind by kind (kinds with nothing left out)."""
    found = [Found(kind, list(kind.find(person).order_by("pk").values_list("pk", flat=True))) for kind in kinds()]
    return [f for f in found if f.pks]


def _value(row: models.Model, field: str) -> object:
    value = getattr(row, field)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return str(value)
    return value


def _rows(found: Found) -> list[dict[str, object]]:
    return [{field: _value(row, field) for field in found.kind.fields} for row in found.rows]


def _label(kind: Kind, field: str) -> str:
    return str(getattr(kind.model._meta.get_field(field), "verbose_name", field))


def export(
    person: Person, *, actor: Any = None, write: Callable[[bytes], object] | None = None, **audit_details: Any
) -> bytes:
    """A zip for an access request: `data.json` (everything, machine-readable), a summary in Dutch and in English
    (`overzicht.html`, `summary.html`) and the files (`files/`). The trail records that it was made, after `write`
    (if given) has stored it: an export that could not be written is not recorded as made."""
    found = find(person)
    data = {
        "email": person.email,
        "exported_at": timezone.now(),
        "kinds": {f.kind.name: _rows(f) for f in found},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))
        for language, name in (("nl", "overzicht.html"), ("en", "summary.html")):
            with translation.override(language):
                sections = [
                    {
                        "title": f.kind.model._meta.verbose_name_plural,
                        "what": f.kind.what,
                        "kept": f.kind.kept_for(setting_name=False),
                        "labels": [_label(f.kind, field) for field in f.kind.fields],
                        "rows": [list(row.values()) for row in data["kinds"][f.kind.name]],  # type: ignore[index]
                    }
                    for f in found
                ]
                html = render_to_string(
                    "privacy/summary.html",
                    {"person": person, "sections": sections, "at": data["exported_at"], "language": language},
                )
            archive.writestr(name, html)
        for f in found:
            if f.kind.files:
                for row in f.rows:
                    file = getattr(row, f.kind.files)
                    if file and file.storage.exists(file.name):
                        with file.storage.open(file.name) as content:
                            archive.writestr(f"files/{file.name}", content.read())
    zipped = buffer.getvalue()
    if write is not None:
        write(zipped)
    with transaction.atomic():
        audit.record("privacy.exported", actor=actor, subject=address_mark(person.email), **audit_details)
    return zipped


def erase(person: Person, *, actor: Any = None, **audit_details: Any) -> dict[str, tuple[Erasure, int]]:
    """Erase a person everywhere in one transaction: each kind's rows deleted or anonymised (or kept, for the
    reason its declaration gives). Files go once the transaction is committed. Returns what was done per kind."""
    done: dict[str, tuple[Erasure, int]] = {}
    with transaction.atomic():
        found = find(person)  # every kind's rows first: anonymising one kind must not hide another's rows
        # Which cases and chats went, by reference and number (as the trail names them elsewhere), for the trail.
        named = {
            f.kind.name: [str(v) for v in f.rows.values_list(f.kind.named_by, flat=True)]
            for f in found
            if f.kind.named_by and f.kind.erasure is not Erasure.KEEP
        }
        for f in found:
            if f.kind.erasure is not Erasure.KEEP:
                _apply(f.kind, f.kind.erasure, f.rows)
            done[f.kind.name] = (f.kind.erasure, len(f.pks))
        counts = {name: count for name, (how, count) in done.items() if how is not Erasure.KEEP}
        audit.record(
            "privacy.erased",
            actor=actor,
            subject=address_mark(person.email),
            erased=counts,
            items=named,
            **audit_details,
        )
        for store in stores():  # files and the like: only once the erasure is sure to stay
            if store.erase is not None:
                transaction.on_commit(functools.partial(store.erase, person.email))
    return done


def delete_file_on_commit(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """A row with a file was deleted (by erasure, retention or cascade): the file goes once that is committed, so a
    rolled-back erasure leaves every file in place."""
    for kind in kinds():
        if kind.model is sender and kind.files:
            file = getattr(instance, kind.files)
            if file.name:
                transaction.on_commit(functools.partial(file.storage.delete, file.name))
