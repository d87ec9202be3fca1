"""Reads of the integrity toolkit: the trainer's statistics for the integrity office."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek

from loket.guidance.models import Answer, Dilemma


@dataclass(frozen=True)
class DilemmaStatistics:
    dilemma: Dilemma
    answers: int
    risky: int

    @property
    def risky_share(self) -> float:
        return self.risky / self.answers if self.answers else 0.0


def dilemma_statistics() -> list[DilemmaStatistics]:
    """Every dilemma with its answers, the most often answered riskily first."""
    rows = Dilemma.objects.annotate(
        answer_count=Count("answers"), risky_count=Count("answers", filter=Q(answers__verdict="risky"))
    )
    stats = [DilemmaStatistics(d, d.answer_count, d.risky_count) for d in rows]
    return sorted(stats, key=lambda s: (-s.risky_share, -s.answers, s.dilemma.sort_order))


def weekly_trend(weeks: int = 12) -> list[tuple[datetime.date, int, int]]:
    """(week's Monday, answers, risky answers) for the last `weeks` weeks that had answers."""
    since = datetime.date.today() - datetime.timedelta(weeks=weeks)
    rows = (
        Answer.objects.filter(answered_on__gte=since)
        .annotate(week=TruncWeek("answered_on"))
        .values("week")
        .annotate(total=Count("id"), risky=Count("id", filter=Q(verdict="risky")))
        .order_by("week")
    )
    return [(row["week"], row["total"], row["risky"]) for row in rows]
