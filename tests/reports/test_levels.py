"""Two-level histograms (reports/levels.py): rows stored before them get their levels from the migration."""

import datetime
import importlib

from django.apps import apps

from loket.reports import actions
from loket.reports.models import (
    ChatAgentDay,
    ChatAgentMonth,
    ChatAgentQuarter,
    EmailGroupDay,
    EmailGroupMonth,
    EmailGroupQuarter,
)
from tests.reports.conftest import local
from tests.reports.test_email_rollup import received
from tests.reports.test_months import answered

migration = importlib.import_module("loket.reports.migrations.0005_two_level_histograms")
LEVELLED = (ChatAgentDay, ChatAgentMonth, ChatAgentQuarter, EmailGroupDay)
UNITS = (EmailGroupMonth, EmailGroupQuarter)


def stored() -> dict[str, list[tuple[object, ...]]]:
    found = {
        model.__name__: sorted((row.day, row.pk, row.coarse, row.fine) for row in model.objects.all())
        for model in LEVELLED
    }
    for model in UNITS:
        found[model.__name__] = sorted(
            (row.day, row.topic_id, row.language, row.assignee_id, row.received, row.closed, row.first_responses,
             row.resolutions, row.coarse, row.fine)
            for row in model.objects.all()
        )  # fmt: skip
    return found


def test_the_migration_gives_the_rows_stored_before_it_the_levels_that_a_rebuild_gives(team, topic, agent):
    from loket.contact.models import Case

    for month, day, wait in [(2, 25, 5), (3, 15, 40), (5, 10, 200), (10, 30, 50)]:
        answered(team, topic, agent, day, month, wait=wait, length=wait * 10)
    for n, (month, day, hours) in enumerate([(2, 3, 1.5), (2, 20, 30), (7, 1, 200)]):
        case = received(topic, local(2026, month, day, 9, 0), n=n)
        Case.objects.filter(pk=case.pk).update(closed_at=case.created_at + datetime.timedelta(hours=hours))
    actions.rebuild(first=datetime.date(2026, 2, 1), last=datetime.date(2026, 10, 31))
    actions.rebuild_email(first=datetime.date(2026, 2, 1), last=datetime.date(2026, 10, 31))
    rebuilt = stored()
    assert all(rebuilt[model.__name__] for model in (*LEVELLED, *UNITS))
    assert len({str(row[2]) for row in rebuilt["EmailGroupDay"]}) == 3  # buckets of different hours

    for model in LEVELLED:  # as the rows were before the migration
        model.objects.update(coarse={}, fine={})
    for model in UNITS:
        model.objects.all().delete()
    migration.fill(apps, None)
    assert stored() == rebuilt
