"""Writes: the only code that changes knowledge state outside Wagtail's editor."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from loket.knowledge.models import Feedback, UnansweredSearch


class AlreadyAnswered(Exception):
    """This visitor already said whether this page was useful."""


def record_feedback(*, page: Page, visitor: str, useful: bool, language: str) -> Feedback:
    try:
        with transaction.atomic():
            return Feedback.objects.create(page=page, visitor=visitor, useful=useful, language=language)
    except IntegrityError as error:
        raise AlreadyAnswered from error


def add_feedback_comment(*, feedback: Feedback, comment: str) -> Feedback:
    """A comment is added once, to an answer that said the page was not useful."""
    if feedback.useful or feedback.comment:
        raise AlreadyAnswered
    feedback.comment = comment
    feedback.save(update_fields=["comment"])
    return feedback


def record_unanswered_search(*, terms: list[str], language: str) -> None:
    """Count a search that found nothing under its normalised text (its words, lower case, in order, once each)."""
    text = " ".join(terms)[:200]
    if not text:
        return
    key = {"day": timezone.localdate(), "language": language, "text": text}
    if UnansweredSearch.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            UnansweredSearch.objects.create(**key, count=1)
    except IntegrityError:  # another request created it meanwhile
        UnansweredSearch.objects.filter(**key).update(count=F("count") + 1)
