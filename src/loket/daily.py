"""Daily background work (the retention purge, the reports): each task plans its own next run; a starting worker
makes sure every one of them is planned once."""

import datetime
from typing import Any

from django.utils import timezone

# "module.task": every daily task; a task listed here runs once at the first worker start, then every day.
DAILY_TASKS = (
    "loket.privacy.tasks.purge_expired",
    "loket.reports.tasks.update_reports",
)


def plan_next(task: Any) -> None:
    """Called at the end of a daily task: the same again in a day."""
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + datetime.timedelta(days=1)).enqueue()


def plan_all() -> None:
    """When a worker starts: every daily task that is not planned yet is planned now."""
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    for path in DAILY_TASKS:
        task = import_string(path)
        if not DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists():
            task.enqueue()
