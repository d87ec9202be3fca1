"""Knowledge pages (Wagtail page types) and the "was this page useful?" feedback on them."""

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from loket.knowledge.blocks import BodyBlock


class ContentPage(Page):
    """What every knowledge page has: an intro, a body of blocks, and feedback under it."""

    intro = models.TextField(_("intro"), blank=True, help_text=_("One or two sentences, shown in lists and search."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict[str, object]:
        from loket.knowledge import queries

        context = super().get_context(request, *args, **kwargs)
        context["feedback"] = queries.feedback_of_visitor(self, request.session.get(queries.VISITOR_KEY))
        context["overview"] = self.overview_page()
        return context

    def overview_page(self) -> Page | None:
        """Where "back to overview" leads: the parent, unless that is the invisible tree root."""
        parent = self.get_parent()
        return parent.specific if parent is not None and parent.depth >= 2 else None

    def child_pages(self) -> models.QuerySet[Page]:
        return self.get_children().live().public().specific()

    def plain_text(self) -> str:
        """The page's text without markup, for search snippets: one line per block (a heading, a paragraph, a list
        item, a rule's title), so that a heading does not run into the sentence after it."""
        lines = [self.intro, *_block_lines(self.body.stream_block, self.body)]
        return "\n".join(" ".join(line.split()) for line in lines if line and line.strip())


_BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def _block_lines(block: blocks.Block, value: Any) -> Iterator[str]:
    """The text of a block's value, one line per block of text, in reading order."""
    if isinstance(block, blocks.RichTextBlock):
        for part in _BLOCK_END.split(value.source):
            yield unescape(strip_tags(part))
    elif isinstance(block, blocks.ChoiceBlock):
        return  # a setting (a callout's tone, a channel's kind), not text on the page
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if name != "link":  # an address or a route, not text on the page
                yield from _block_lines(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_lines(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_lines(child.block, child.value)
    else:
        yield from (str(text) for text in block.get_searchable_content(value))


class HomePage(ContentPage):
    """The start of a language's site: what Loket offers and the main topics (the home's children)."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.IndexPage", "knowledge.ArticlePage", "knowledge.GuidancePage", "knowledge.ContactPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class IndexPage(ContentPage):
    """An overview of a topic that lists its pages."""

    subpage_types = ["knowledge.IndexPage", "knowledge.ArticlePage", "knowledge.GuidancePage"]

    class Meta:
        verbose_name = _("overview page")
        verbose_name_plural = _("overview pages")


class ArticlePage(ContentPage):
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")


class GuidancePage(ContentPage):
    """Guidance for staff: a longer page with a table of contents and a review date."""

    reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = [*ContentPage.content_panels, FieldPanel("reviewed_on")]
    subpage_types = ["knowledge.ArticlePage"]

    class Meta:
        verbose_name = _("guidance page")
        verbose_name_plural = _("guidance pages")

    def table_of_contents(self) -> list[tuple[str, str]]:
        return [(slugify(block.value), block.value) for block in self.body if block.block_type == "heading"]


class ContactPage(ContentPage):
    """The channel overview (/contact/): e-mail, chat, phone and the organisation's social media."""

    subpage_types = ["knowledge.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact overview")
        verbose_name_plural = _("contact overviews")


class Feedback(models.Model):
    """One visitor's answer to "was this page useful?", with an optional comment when it was not."""

    wagtail_reference_index_ignore = True  # no page content here: no reference-index task per save

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("page"))
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    language = models.CharField(_("language"), max_length=8)
    # A random token kept in the visitor's session: one answer per page per browser session.
    visitor = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "visitor"], name="one_feedback_per_page_per_visitor")]

    def __str__(self) -> str:
        return f"{self.page} · {'+' if self.useful else '-'}"


class UnansweredSearch(models.Model):
    """A search that found nothing: its normalised text and how often per day and language. Nothing about who
    searched (no address, no session); kept LOKET_SEARCH_LOG_DAYS. The list an editor works from."""

    wagtail_reference_index_ignore = True

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=8)
    text = models.CharField(_("search"), max_length=200)
    count = models.PositiveIntegerField(_("times"), default=0)

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "text"], name="one_unanswered_search_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.text}: {self.count}"


class SearchDocument(models.Model):
    """PostgreSQL: a page's words as one stored `tsvector`, title and text weighted, stemmed in the page's language
    (Dutch or English); kept with Wagtail's search index (`search_postgres.py`). The site search matches and ranks
    this one column; Wagtail's own entries (two vectors, one language for all) still serve the admin's search. The
    table stays empty on SQLite, whose FTS5 index serves both."""

    wagtail_reference_index_ignore = True

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    # The page's language and whether it is live, copied here so that counting a common word's matches reads this
    # table alone (joining 25,000 matches to the page table took longer than the rest of the search). `live` follows
    # publishing at once (receivers.py); Wagtail's index, and with it the document, follows in a background task.
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", db_index=False)
    live = models.BooleanField(default=True)
    title = SearchVectorField()  # the title's words alone: which pages are the best candidates to rank
    document = SearchVectorField()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return str(self.page_id)
