"""The daily retention purge: every app's rules (declared in its `privacy.py`), once a day."""

from django_tasks import task

from loket import daily


@task()
def purge_expired() -> dict[str, int]:
    from loket.privacy import actions

    done = actions.purge()
    daily.plan_next(purge_expired)
    return done
