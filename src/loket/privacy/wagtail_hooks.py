"""Privacy in Wagtail's admin: Settings → Personal data, for administrators."""

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from loket.privacy import views


@hooks.register("register_admin_urls")
def register_privacy_urls() -> list[object]:
    return [
        path("privacy/", views.search, name="privacy_search"),
        path("privacy/export/", views.export, name="privacy_export"),
        path("privacy/erase/", views.erase, name="privacy_erase"),
    ]


class PrivacyMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_settings_menu_item")
def register_privacy_menu_item() -> MenuItem:
    return PrivacyMenuItem(_("Personal data"), reverse("privacy_search"), icon_name="user", order=910)
