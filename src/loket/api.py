"""The JSON API (/api/); its OpenAPI description is served at /api/openapi.json."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import NinjaAPI, Schema, Status
from pydantic import field_validator
from wagtail.models import Locale

from loket.chat.api import router as chat_router
from loket.guidance import (
    analyzers,  # noqa: F401 - registers the post check's analyzers
    engine,
)
from loket.knowledge import queries
from loket.problems import EVERY_OPERATION, Problem, install
from loket.security import rate_limited

api = NinjaAPI(title="Loket API", version="1", docs_url=None, urls_namespace="loket-api")
api.add_router("/chat", chat_router)
install(api)


SEARCH_LIMITED = {
    "nl": "U zocht heel vaak op korte tijd. Wacht even en probeer het opnieuw.",
    "en": "You searched very often in a short time. Please wait a minute and try again.",
}


class SearchHit(Schema):
    title: str
    url: str
    snippet: str


class SearchOut(Schema):
    query: str
    total: int
    page: int
    pages: int
    results: list[SearchHit]


@api.get(
    "/search",
    response={200: SearchOut, 429: Problem, **EVERY_OPERATION},
    summary="Search the knowledge pages",
    tags=["knowledge"],
)
def search(request: HttpRequest, q: str = "", page: int = 1, language: str = "nl") -> Status:
    if rate_limited(request, "search"):  # the same limit as the search page's
        return Status(429, {"code": "rate-limited", "detail": SEARCH_LIMITED.get(language, SEARCH_LIMITED["nl"])})
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    results = queries.search_pages(q, locale=locale, page_number=page)
    return Status(
        200,
        {
            "query": results.query,
            "total": results.total,
            "page": results.page.number if results.page else 1,
            "pages": results.page.paginator.num_pages if results.page else 0,
            "results": [
                {"title": hit.page.title, "url": hit.page.full_url or hit.page.url, "snippet": "".join(hit.snippet)}
                for hit in results.hits
            ],
        },
    )


class CheckIn(Schema):
    text: str
    at: datetime | None = None  # ISO 8601 text, as described: not also a number of seconds, as pydantic would take
    account: Literal["private", "professional", "organisation"] = "private"
    language: Literal["nl", "en"] = "nl"

    @field_validator("at", mode="before")
    @classmethod
    def _text_only(cls, value: object) -> object:
        if value is not None and not isinstance(value, str):
            raise ValueError("a date and time as ISO 8601 text")
        return value


class FindingOut(Schema):
    category: str
    severity: Literal["info", "warning", "risk"]
    start: int
    end: int
    guideline: str
    message: str
    suggestion: str


class CheckOut(Schema):
    findings: list[FindingOut]


RATE_LIMITED = {
    "nl": "U hebt heel vaak nagekeken op korte tijd. Wacht even en probeer het opnieuw.",
    "en": "You checked very often in a short time. Please wait a minute and try again.",
}


@api.post(
    "/guidance/check",
    response={200: CheckOut, 429: Problem, **EVERY_OPERATION},
    summary="Check a draft social-media post against the guidelines",
    tags=["guidance"],
)
def check_post(request: HttpRequest, payload: CheckIn) -> Status:
    if rate_limited(request, "check"):
        return Status(429, {"code": "rate-limited", "detail": RATE_LIMITED[payload.language]})
    try:
        findings = engine.check(payload.text, account=payload.account, at=payload.at, language=payload.language)
    except engine.PostError as error:
        return Status(422, {"code": error.code, "detail": error.messages[payload.language]})
    return Status(200, {"findings": [finding.as_dict() for finding in findings]})
