"""Writes of the integrity toolkit."""

from django.db import transaction

from loket import content
from loket.guidance.models import Answer, Dilemma, Guideline, Option


class UnknownOption(ValueError):
    pass


@transaction.atomic
def load_guidance_content() -> int:
    """Add the guidelines and dilemmas of loket/content/ that are missing; what editors changed stays as they left it
    (a dilemma that exists keeps its options too)."""
    guidelines = content.guidelines()
    dilemmas = content.dilemmas(guideline_codes={spec["code"] for spec in guidelines})  # checks every file first
    added = 0
    for order, spec in enumerate(guidelines):
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
    for order, spec in enumerate(dilemmas):
        dilemma, created = Dilemma.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "sort_order": order,
                **{f"{field}_{lang}": spec[lang][field] for field in ("title", "scenario") for lang in ("nl", "en")},
            },
        )
        if created:
            dilemma.guidelines.set(Guideline.objects.filter(code__in=spec["guidelines"]))
            Option.objects.bulk_create(
                Option(dilemma=dilemma, sort_order=position, **_option_fields(option))
                for position, option in enumerate(spec["options"])
            )
            added += 1
    return added


def _option_fields(option: dict) -> dict[str, str]:
    """{"key", "verdict", "nl": {"text", "feedback"}, "en": {...}} as the fields of `Option`."""
    texts = {f"{name}_{lang}": option[lang][name] for name in ("text", "feedback") for lang in ("nl", "en")}
    return {"key": option["key"], "verdict": option["verdict"], **texts}


def answer_dilemma(*, dilemma: Dilemma, option: str) -> Answer:
    chosen = dilemma.options.filter(key=option).first()
    if chosen is None:
        raise UnknownOption(option)
    return Answer.objects.create(dilemma=dilemma, option=option, verdict=chosen.verdict)
