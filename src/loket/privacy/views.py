"""Access and erasure requests in Wagtail's admin, for administrators: find a person's data, download it, or erase it
after a page that lists what will go."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from loket.privacy import actions
from loket.privacy.forms import PersonForm
from loket.privacy.registry import Erasure

# Administrators (docs/operations.md): the role that manages staff accounts handles requests about people's data.
PERMISSION = "auth.change_user"


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _found(form: PersonForm) -> list[dict[str, object]]:
    return [
        {
            "title": found.kind.model._meta.verbose_name_plural,
            "count": len(found.pks),
            "erasure": found.kind.erasure,
            "reason": found.kind.keep_reason,
        }
        for found in actions.find(form.person())
    ]


def search(request: HttpRequest) -> HttpResponse:
    """The person's address (and references): what is held about them, with the export and erase buttons. Posted,
    never in the URL: an address in a query string ends up in server logs and the browser's history."""
    _allowed(request)
    form = PersonForm(request.POST if request.method == "POST" else None)
    found = _found(form) if form.is_valid() else None
    return render(
        request,
        "privacy/admin_search.html",
        {"form": form, "found": found, "page_title": _("Personal data"), "header_icon": "user"},
    )


def export(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    form = PersonForm(request.POST)
    if request.method != "POST" or not form.is_valid():
        return redirect("privacy_search")
    zipped = actions.export(form.person(), request=request, via="admin")
    response = HttpResponse(zipped, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="personal-data.zip"'
    return response


def erase(request: HttpRequest) -> HttpResponse:
    """POST: what will be erased, anonymised or kept; POST with `confirm`: do it."""
    _allowed(request)
    form = PersonForm(request.POST)
    if request.method != "POST" or not form.is_valid():
        return redirect("privacy_search")
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        done = actions.erase(form.person(), request=request, via="admin")
        changed = sum(count for how, count in done.values() if how is not Erasure.KEEP)
        messages.success(request, _("Erased: %(count)s rows deleted or anonymised.") % {"count": changed})
        return redirect("privacy_search")
    return render(
        request,
        "privacy/admin_erase.html",
        {"form": form, "found": _found(form), "page_title": _("Erase personal data"), "header_icon": "bin"},
    )
