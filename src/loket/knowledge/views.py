"""Thin views: parse input, call an action or a query, render."""

import secrets

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Page

from loket.knowledge import actions, queries
from loket.knowledge.forms import CommentForm, VoteForm
from loket.security import rate_limited


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    if rate_limited(request, "search"):
        return render(request, "knowledge/search.html", {"rate_limited": True}, status=429)
    results = queries.search_pages(
        request.GET.get("q", ""), locale=Locale.get_active(), page_number=request.GET.get("page")
    )
    if results.terms and not results.total:
        actions.record_unanswered_search(terms=results.terms, language=get_language())
    return render(request, "knowledge/search.html", {"search": results})


def _visitor(request: HttpRequest) -> str:
    return request.session.setdefault(queries.VISITOR_KEY, secrets.token_urlsafe(24))


def _feedback_response(
    request: HttpRequest, page: Page, *, notice: str = "", form: CommentForm | None = None, status: int = 200
) -> HttpResponse:
    """The feedback box alone for the page's script; without script, back to the page (or a page of its own)."""
    context = {
        "page": page,
        "feedback": queries.feedback_of_visitor(page, request.session.get(queries.VISITOR_KEY)),
        "notice": notice,
        "comment_form": form,
    }
    if request.headers.get("X-Requested-With") == "fetch":
        return render(request, "knowledge/includes/feedback.html", context, status=status)
    if status == 200:
        return redirect(page.url + "#feedback")
    return render(request, "knowledge/feedback_page.html", context, status=status)


@require_POST
def vote(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page.objects.live().public(), id=page_id).specific
    if rate_limited(request, "feedback"):
        return _feedback_response(request, page, notice="rate-limited", status=429)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _feedback_response(request, page, notice="invalid", status=400)
    try:
        actions.record_feedback(
            page=page, visitor=_visitor(request), useful=form.cleaned_data["useful"], language=get_language()
        )
    except actions.AlreadyAnswered:
        return _feedback_response(request, page, notice="already-answered", status=409)
    return _feedback_response(request, page)


@require_POST
def comment(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page.objects.live().public(), id=page_id).specific
    if rate_limited(request, "feedback"):
        return _feedback_response(request, page, notice="rate-limited", status=429)
    feedback = queries.feedback_of_visitor(page, request.session.get(queries.VISITOR_KEY))
    if feedback is None:
        return _feedback_response(request, page, notice="invalid", status=400)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _feedback_response(request, page, form=form, status=400)
    try:
        actions.add_feedback_comment(feedback=feedback, comment=form.cleaned_data["comment"])
    except actions.AlreadyAnswered:
        return _feedback_response(request, page, notice="already-answered", status=409)
    return _feedback_response(request, page)
