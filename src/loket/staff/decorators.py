"""Staff pages guard themselves the same way: sign in first; signed in without the permission, a page that says
so and links the places one's roles do allow (not a bare 403)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render


def staff_page(permission: str) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @login_required
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.has_perm(permission):
                return no_access(request)
            return view(request, *args, **kwargs)

        return guarded

    return decorate


def no_access(request: HttpRequest, reason: str = "") -> HttpResponseBase:
    return render(request, "staff/no_access.html", {"reason": reason}, status=403)
