"""The search documents follow publishing at once (PostgreSQL; see search_postgres.py)."""

from typing import Any

from django.db import connection
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished


@receiver(page_published)
@receiver(page_unpublished)
def _live_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if connection.vendor == "postgresql":
        from loket.knowledge.search_postgres import page_live_changed

        page_live_changed(instance)
