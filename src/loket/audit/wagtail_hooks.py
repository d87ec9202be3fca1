"""Administrators read the audit trail in the admin: filter by person, event, object and period; nobody edits it."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from loket.audit.models import AuditEntry
from loket.exports import NeutralisedCsvMixin


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Only "view", whoever asks (superusers too): the trail is added to by Loket itself, never by hand."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return "view" in actions and super().user_has_permission(user, "view")


register_permission_policy(AuditEntry, ReadOnlyPolicy(AuditEntry))


class AuditEntryIndexView(NeutralisedCsvMixin, IndexView):
    pass


class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    index_view_class = AuditEntryIndexView
    icon = "history"
    menu_label = _("Audit trail")
    add_to_settings_menu = True
    menu_order = 900
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["at", "actor_name", "event", "subject", "address"]
    list_filter = ["event", "actor", "at"]
    search_fields = ["subject", "actor_name", "event"]
    inspect_view_fields = ["at", "actor_name", "event", "subject", "address", "details"]
    list_export = ["at", "actor_name", "event", "subject", "address", "details"]
    form_fields: list[str] = []


@hooks.register("register_admin_viewset")
def register_audit_viewset() -> AuditEntryViewSet:
    return AuditEntryViewSet("audit")
