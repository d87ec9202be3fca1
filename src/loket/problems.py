"""The API's one error format (docs/chat-protocol.md, "Starting a chat"): `{"code", "detail"}`, where `code` is for
programs and `detail` a sentence for people in the request's language; a 422 adds `errors`, one per field. Django
Ninja's own answers to bad input (`{"detail": [...]}`, `{"detail": "Cannot parse request body"}`) become this too."""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

WHERE = {"body", "query", "path", "payload"}  # parts of a pydantic location that name where, not which field


class FieldError(Schema):
    field: str
    message: str


class Problem(Schema):
    code: str
    detail: str


class Invalid(Problem):
    errors: list[FieldError] = []  # empty when what is wrong is not one field's form (an unknown topic, say)


# What any operation can answer: input it cannot read or that does not fit, and the database away (loket.errors).
EVERY_OPERATION: dict[int, Any] = {400: Problem, 422: Invalid, 503: Problem}


def _language(request: HttpRequest) -> str:
    """The `language` the request asked for (query string, or a JSON body's field), else Dutch."""
    asked = request.GET.get("language", "")
    if not asked and request.content_type == "application/json":
        try:
            body = json.loads(request.body)
        except ValueError:
            body = None
        asked = body.get("language", "") if isinstance(body, dict) else ""
    return asked if isinstance(asked, str) and asked in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {
                "field": ".".join(str(part) for part in error.get("loc", ()) if part not in WHERE) or "body",
                "message": str(error.get("msg", "")),
            }
            for error in exc.errors
        ]
        with translation.override(_language(request)):
            detail = _("Check what was sent: %(fields)s.") % {"fields": ", ".join(e["field"] for e in errors)}
        return api.create_response(request, {"code": "invalid", "detail": detail, "errors": errors}, status=422)

    @api.exception_handler(HttpError)
    def refused(request: HttpRequest, exc: HttpError) -> HttpResponse:
        with translation.override(_language(request)):
            detail = _("The request could not be read: send JSON.") if exc.status_code == 400 else str(exc)
        code = "bad-request" if exc.status_code == 400 else "refused"
        return api.create_response(request, {"code": code, "detail": detail}, status=exc.status_code)
