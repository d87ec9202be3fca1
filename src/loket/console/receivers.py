"""The console hears of e-mail cases: a change in the contact app reaches the open consoles of the case's teams
(and supervisors) over the chat's events. Here, so that contact and chat need not know each other."""

from typing import Any

from django.dispatch import receiver

from loket.chat import events
from loket.chat.queries import teams_for
from loket.contact.queries import case_summary
from loket.contact.signals import case_changed


@receiver(case_changed)
def _tell_consoles(sender: Any, case: Any, change: str, **kwargs: Any) -> None:
    frame = {"type": "case", "change": change, "case": case_summary(case)}
    events.case_changed(teams_for(case.topic), frame)
