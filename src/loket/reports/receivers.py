"""What the reports hear from other apps."""

from typing import Any

from django.dispatch import receiver

from loket.chat.signals import turned_away
from loket.reports import actions


@receiver(turned_away)
def count_turned_away(sender: Any, *, topic: Any, language: str, reason: str, at: Any, **kwargs: Any) -> None:
    actions.record_turned_away(topic=topic, language=language, reason=reason, at=at)
