"""Editors manage the guidelines and dilemmas; the integrity office reaches the trainer's statistics."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from loket.guidance.models import Dilemma, Guideline


class GuidelineViewSet(SnippetViewSet):
    model = Guideline
    icon = "doc-full"
    list_display = ["code", "title_nl", "source", "version"]
    list_filter = ["source"]
    search_fields = ["code", "title_nl", "title_en"]


class DilemmaViewSet(SnippetViewSet):
    model = Dilemma
    icon = "help"
    list_display = ["title_nl", "slug", "sort_order"]


class GuidanceGroup(SnippetViewSetGroup):
    items = (GuidelineViewSet, DilemmaViewSet)
    menu_icon = "doc-full"
    menu_label = _("Social-media guidance")
    menu_name = "guidance"


register_snippet(GuidanceGroup)


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):  # type: ignore[no-untyped-def]
        return request.user.has_perm("guidance.view_statistics")


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item() -> MenuItem:
    return StatisticsMenuItem(_("Trainer statistics"), reverse("guidance:statistics"), icon_name="pick", order=710)
