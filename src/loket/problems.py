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
    errors: list[FieldError] = []  # one per field refused; empty when no one field is to blame


# What any operation can answer: input it cannot read or that does not fit, and the database away (loket.errors).
EVERY_OPERATION: dict[int, Any] = {400: Problem, 422: Invalid, 503: Problem}


def request_language(request: HttpRequest) -> str:
    """The language a request asked for: a JSON body's `language` field, else the `language` query parameter, else
    Dutch (a value that is not one of Loket's languages counts as none)."""
    languages = dict(settings.LANGUAGES)
    body = None
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body)
        except Exception:  # not JSON, or a body that can no longer be read (too large, already streamed)
            body = None
    for asked in (body.get("language") if isinstance(body, dict) else None, request.GET.get("language")):
        if isinstance(asked, str) and asked in languages:
            return asked
    return settings.LANGUAGE_CODE


NOT_STORABLE = "text_not_storable"  # the error type of text a database cannot keep (see loket.chat.api)


# Pydantic's messages are English only: a field's message is ours, by the kind of error, in the request's language.
def _field_message(error: dict[str, Any]) -> str:
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("Fill this in.")
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return _("Give a whole number.")
    if kind == "string_type":
        return _("Give text.")
    if kind == "string_too_long" and isinstance(context.get("max_length"), int):
        return _("Keep this to at most %(limit)d characters.") % {"limit": context["max_length"]}
    if kind == "literal_error":
        return _("Choose one of the values this field allows.")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return _("Send a JSON object.")
    if kind in {NOT_STORABLE, "string_unicode"}:  # string_unicode: half a UTF-16 surrogate pair
        return _("This text contains a character that cannot be stored, such as a NUL character.")
    return _("This value does not fit here.")


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        with translation.override(request_language(request)):
            errors = [
                {
                    "field": ".".join(str(part) for part in error.get("loc", ()) if part not in WHERE) or "body",
                    "message": _field_message(error),
                }
                for error in exc.errors
            ]
            detail = _("Check what was sent: %(fields)s.") % {"fields": ", ".join(e["field"] for e in errors)}
        return api.create_response(request, {"code": "invalid", "detail": detail, "errors": errors}, status=422)

    @api.exception_handler(HttpError)
    def refused(request: HttpRequest, exc: HttpError) -> HttpResponse:
        with translation.override(request_language(request)):
            detail = _("The request could not be read: send JSON.") if exc.status_code == 400 else str(exc)
        code = "bad-request" if exc.status_code == 400 else "refused"
        return api.create_response(request, {"code": code, "detail": detail}, status=exc.status_code)
