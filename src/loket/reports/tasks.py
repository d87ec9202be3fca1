"""The reports' daily work: recount the last days' rollup, and forget searches older than LOKET_SEARCH_LOG_DAYS."""

from django_tasks import task

from loket import daily


@task()
def update_reports() -> int:
    from loket.knowledge.actions import purge_search_log
    from loket.reports import actions

    count = actions.rebuild_recent()
    purge_search_log()
    daily.plan_next(update_reports)
    return count
