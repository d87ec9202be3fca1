"""Editors keep the topics of the e-mail form; the outbox shows what is waiting, sent or given up; incoming mail
and the mailboxes show what came in and what could not be stored."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from loket.audit import actions as audit
from loket.contact.models import CannedAnswer, Case, IncomingMail, Mailbox, OutgoingMail, Topic


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    form_fields = ["name_nl", "name_en", "active", "sort_order"]
    list_display = ["name_nl", "name_en", "active", "sort_order"]


class CasePermissionPolicy(ModelPermissionPolicy):
    """Cases are worked on in the console, where every change goes through contact's actions: here they are only
    looked up (by superusers; no role has the admin and cases both)."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return "view" in actions and super().user_has_permission(user, "view")


register_permission_policy(Case, CasePermissionPolicy(Case))


class CaseInspectView(InspectView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        audit.record_view("case.opened", request=request, subject=self.object, via="admin")
        return response


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "mail"
    form_fields: list[str] = []
    list_display = ["reference", "subject", "topic", "status", "created_at"]
    list_filter = ["status", "topic"]
    search_fields = ["reference", "subject", "email"]
    inspect_view_enabled = True
    inspect_view_class = CaseInspectView
    copy_view_enabled = False


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    form_fields = ["status"]
    list_display = ["case", "kind", "to", "status", "attempts", "next_attempt_at", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    inspect_view_enabled = True
    copy_view_enabled = False


class IncomingMailViewSet(ModelViewSet):
    """What came in by mail and what became of it; those that could not be stored, with the reason."""

    model = IncomingMail
    icon = "mail"
    form_fields: list[str] = []
    list_display = ["received_at", "mailbox", "status", "tries", "error", "case"]
    list_filter = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False


class MailboxViewSet(ModelViewSet):
    model = Mailbox
    icon = "mail"
    form_fields: list[str] = []
    list_display = ["name", "connected", "last_check_at", "waiting", "last_error"]
    inspect_view_enabled = True
    copy_view_enabled = False


class CannedAnswerViewSet(ModelViewSet):
    model = CannedAnswer
    icon = "openquote"
    form_fields = ["title", "text_nl", "text_en", "page"]
    list_display = ["title", "page"]


class ContactGroup(ViewSetGroup):
    items = (CaseViewSet, OutgoingMailViewSet, IncomingMailViewSet, MailboxViewSet, TopicViewSet, CannedAnswerViewSet)
    menu_icon = "mail"
    menu_label = _("Contact")
    menu_name = "contact"


@hooks.register("register_admin_viewset")
def register_contact_viewsets() -> ContactGroup:
    return ContactGroup()
