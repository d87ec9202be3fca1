"""Loket's roles. Each is a Django group that the migrations create with exactly these permissions; the table in
docs/operations.md says the same in words, and a test holds the two together."""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CASES = ("contact.view_case", "contact.change_case", "contact.view_outgoingmail")
EDITING = (
    "wagtailadmin.access_admin",
    "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
    "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image", "wagtailimages.delete_image",
    "knowledge.view_feedback", "knowledge.change_feedback", "knowledge.delete_feedback",
    "guidance.add_guideline", "guidance.change_guideline", "guidance.delete_guideline", "guidance.view_guideline",
    "guidance.add_dilemma", "guidance.change_dilemma", "guidance.delete_dilemma", "guidance.view_dilemma",
    "contact.add_cannedanswer", "contact.change_cannedanswer", "contact.delete_cannedanswer",
    "contact.view_cannedanswer",
    "contact.add_topic", "contact.change_topic", "contact.delete_topic", "contact.view_topic",
    "wagtailredirects.add_redirect", "wagtailredirects.change_redirect", "wagtailredirects.delete_redirect",
)  # fmt: skip
ADMINISTRATION = (
    "wagtailadmin.access_admin",
    "auth.add_user", "auth.change_user", "auth.view_user",
    "audit.view_auditentry",
    "chat.add_team", "chat.change_team", "chat.delete_team", "chat.view_team",
    "chat.add_openinghours", "chat.change_openinghours", "chat.delete_openinghours", "chat.view_openinghours",
    "chat.change_agent", "chat.view_agent",
    "reports.view",
)  # fmt: skip


DOCUMENTS_AND_IMAGES = (
    "add_document",
    "change_document",
    "choose_document",
    "add_image",
    "change_image",
    "choose_image",
)


@dataclass(frozen=True)
class Role:
    key: str  # what `loket staff … --role` and the single sign-on's roles claim say
    group: str  # the Django group's name
    label: Promise
    permissions: tuple[str, ...]
    page_permissions: tuple[str, ...] = field(default=())  # on the whole page tree
    collection_permissions: tuple[str, ...] = field(default=())  # on every collection of documents and images
    works_in_console: bool = False


ROLES = (
    Role("agent", "Agent", _("Agent"), CASES, works_in_console=True),
    Role(
        "supervisor", "Supervisor", _("Supervisor"), (*CASES, "chat.supervise", "reports.view"), works_in_console=True
    ),
    Role(
        "editor",
        "Editor",
        _("Editor"),
        EDITING,
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=DOCUMENTS_AND_IMAGES,
    ),
    Role(
        "integrity",
        "Integrity office",
        _("Integrity office"),
        ("wagtailadmin.access_admin", "guidance.view_statistics"),
    ),
    Role("admin", "Administrator", _("Administrator"), ADMINISTRATION),
)
BY_KEY = {role.key: role for role in ROLES}
