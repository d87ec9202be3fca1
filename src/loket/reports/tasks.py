"""The reports' daily work: recount the last days' chat rollup and the e-mail days that changed (the search log's
retention is loket.privacy's, with every other rule)."""

from django_tasks import task

from loket import daily


@task()
def update_reports() -> int:
    from loket.reports import actions

    count = actions.rebuild_recent() + actions.refresh_email()
    daily.plan_next(update_reports)
    return count
