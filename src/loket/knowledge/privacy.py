"""The knowledge pages' personal data: what visitors write in feedback and search (docs/privacy.md)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.knowledge.models import (
    ArticlePage,
    ContactPage,
    Feedback,
    GuidancePage,
    HomePage,
    IndexPage,
    UnansweredSearch,
)
from loket.privacy.registry import Erasure, Kind, Retention, mentioning, no_personal_data, register

COMMENT_DAYS = 365  # a comment has done its work when an editor has read it; the vote alone is kept for the counts

register(
    Kind(
        model=Feedback,
        what=_(
            "Whether a page was useful and, when not, the visitor's comment (free text, which may name them). "
            "Linked to a random token of the browser session, not to a person."
        ),
        why="To improve the pages.",
        who="editors and administrators",
        # Only the text can say who wrote it: a comment that gives the address.
        find=lambda person: mentioning(Feedback.objects.all(), "comment", person.email),
        fields=("page", "useful", "comment", "language", "created_at"),
        erasure=Erasure.ANONYMISE,
        anonymise={"comment": ""},
        retention=Retention(
            COMMENT_DAYS,
            _("after it was given, for the comment; the vote is kept without it"),
            lambda cutoff: Q(created_at__lt=cutoff) & ~Q(comment=""),
            action=Erasure.ANONYMISE,
        ),
    ),
    Kind(
        model=UnansweredSearch,
        what=_(
            "Searches that found nothing: the words, the day and how often; nothing about who searched (but the "
            "words may name someone)."
        ),
        why="To write the pages people look for in vain.",
        who="editors and administrators",
        find=lambda person: mentioning(UnansweredSearch.objects.all(), "text", person.email),
        fields=("day", "language", "text", "count"),
        erasure=Erasure.DELETE,
        retention=Retention(
            "LOKET_SEARCH_LOG_DAYS",
            _("after the day of the search"),
            lambda cutoff: Q(day__lt=timezone.localdate(cutoff)),
        ),
    ),
)

no_personal_data(
    (model, "published knowledge pages (their editors are staff accounts)")
    for model in (HomePage, IndexPage, ArticlePage, GuidancePage, ContactPage)
)
no_personal_data([("knowledge.searchdocument", "a page's words for the site search")])
