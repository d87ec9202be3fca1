"""Editors' view of the feedback: every answer with its comment, and a score per page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from loket.exports import NeutralisedCsvMixin
from loket.knowledge import queries
from loket.knowledge.models import Feedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Feedback comes from visitors: editors read, correct and delete it, never add it."""

    def user_has_permission(self, user, action):  # type: ignore[no-untyped-def]
        return action != "add" and super().user_has_permission(user, action)


permission_policy = FeedbackPermissionPolicy(Feedback)
register_permission_policy(Feedback, permission_policy)


class FeedbackIndexView(NeutralisedCsvMixin, IndexView):
    pass


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    index_view_class = FeedbackIndexView
    copy_view_enabled = False
    icon = "comment"
    menu_label = _("Page feedback")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["page", "useful", "comment", "language", "created_at"]
    list_filter = ["useful", "language"]
    search_fields = ["comment"]
    inspect_view_enabled = True
    form_fields = ["comment"]
    list_export = ["page", "useful", "comment", "language", "created_at"]


class FeedbackScoresView(NeutralisedCsvMixin, ReportView):
    """Per page: how many found it useful and how many did not, the least useful first."""

    page_title = _("Feedback per page")
    permission_policy = permission_policy
    permission_required = "view"
    header_icon = "pick"
    index_url_name = "feedback_scores"
    index_results_url_name = "feedback_scores_results"
    columns = [
        TitleColumn("title", label=_("Page"), get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.id])),
        Column("useful_count", label=_("Useful")),
        Column("not_useful_count", label=_("Not useful")),
        Column("comment_count", label=_("Comments")),
    ]
    list_export = ["title", "useful_count", "not_useful_count", "comment_count"]

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return queries.feedback_scores()


@hooks.register("register_admin_viewset")
def register_feedback_viewset() -> FeedbackViewSet:
    return FeedbackViewSet("feedback")


@hooks.register("register_admin_urls")
def register_feedback_scores_url() -> list[object]:
    return [
        path("reports/feedback/", FeedbackScoresView.as_view(), name="feedback_scores"),
        path(
            "reports/feedback/results/",
            FeedbackScoresView.as_view(results_only=True),
            name="feedback_scores_results",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):  # type: ignore[no-untyped-def]
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_feedback_scores_menu_item() -> MenuItem:
    return FeedbackMenuItem(_("Feedback per page"), reverse("feedback_scores"), icon_name="pick", order=700)
