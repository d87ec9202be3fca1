"""The audit trail's retention: entries older than LOKET_AUDIT_RETENTION_DAYS go, once a day."""

from django_tasks import task

from loket import daily


@task()
def purge_expired_entries() -> int:
    from loket.audit import actions

    count = actions.purge_expired()
    daily.plan_next(purge_expired_entries)
    return count
