"""Writes of the integrity toolkit."""

from django.db import transaction

from loket.guidance import content
from loket.guidance.models import Answer, Dilemma, Guideline


class UnknownOption(ValueError):
    pass


@transaction.atomic
def load_guidance_content() -> int:
    """Add the guidelines and dilemmas that are missing; what editors changed stays as they left it."""
    added = 0
    for order, spec in enumerate(content.GUIDELINES):
        _, created = Guideline.objects.get_or_create(
            code=spec["code"],
            defaults={
                "source": spec["source"],
                "version": spec["version"],
                "sort_order": order,
                **{f"{field}_{lang}": spec[lang][field] for field in ("title", "text") for lang in ("nl", "en")},
                **{f"examples_{lang}": "\n".join(spec[lang]["examples"]) for lang in ("nl", "en")},
            },
        )
        added += created
    for order, spec in enumerate(content.DILEMMAS):
        dilemma, created = Dilemma.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "sort_order": order,
                "options": spec["options"],
                **{f"{field}_{lang}": spec[lang][field] for field in ("title", "scenario") for lang in ("nl", "en")},
            },
        )
        if created:
            dilemma.guidelines.set(Guideline.objects.filter(code__in=spec["guidelines"]))
            added += 1
    return added


def answer_dilemma(*, dilemma: Dilemma, option: str) -> Answer:
    chosen = next((o for o in dilemma.options if o["key"] == option), None)
    if chosen is None:
        raise UnknownOption(option)
    return Answer.objects.create(dilemma=dilemma, option=option, verdict=chosen["verdict"])
