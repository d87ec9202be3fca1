"""Thin views of the integrity toolkit: guidelines, the post check, the dilemma trainer and its statistics."""

import csv
import itertools
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from loket.exports import neutralise
from loket.guidance import actions, engine, queries
from loket.guidance.forms import AnswerForm, CheckForm
from loket.guidance.models import Dilemma, Guideline
from loket.i18n import content_language
from loket.security import rate_limited
from loket.staff.decorators import staff_page

CATEGORY_LABELS = {
    "speaking-for-organisation": _("Speaking for the organisation"),
    "confidential-information": _("Confidential information"),
    "personal-data": _("Personal data"),
    "respect-and-loyalty": _("Respect and loyalty"),
    "working-hours": _("Working hours"),
    "press-contact": _("Press contact"),
    "political-opinion": _("Political opinion"),
}
SEVERITY_LABELS = {"info": _("Information"), "warning": _("Warning"), "risk": _("Risk")}
PROGRESS_KEY = "loket_trainer"


def guidelines(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/guidelines.html", {"guidelines": Guideline.objects.all()})


@dataclass(frozen=True)
class Segment:
    text: str
    severity: str  # "" for text without a finding
    numbers: tuple[int, ...]  # the findings (1-based, as listed) that cover this text


def segments(text: str, findings: list[engine.Finding]) -> list[Segment]:
    """The text cut at every finding's edges, each piece with the findings that cover it."""
    order = {"info": 0, "warning": 1, "risk": 2}
    edges = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    pieces = []
    for start, end in itertools.pairwise(edges):
        covering = [n for n, f in enumerate(findings, 1) if f.start <= start and end <= f.end]
        severity = max((findings[n - 1].severity for n in covering), key=order.__getitem__, default="")
        pieces.append(Segment(text[start:end], severity, tuple(covering)))
    return pieces


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    form = CheckForm(request.POST or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST":
        if rate_limited(request, "check"):
            context["rate_limited"] = True
            return render(request, "guidance/check.html", context, status=429)
        if form.is_valid():
            findings = engine.check(
                form.cleaned_data["text"],
                account=form.cleaned_data["account"],
                at=form.cleaned_data["at"],
                language=content_language(),
            )
            guidelines = {g.code: g for g in Guideline.objects.filter(code__in={f.guideline for f in findings})}
            context.update(
                checked=True,
                segments=segments(engine.clean(form.cleaned_data["text"]), findings),
                findings=[
                    {
                        "finding": f,
                        "label": CATEGORY_LABELS[f.category],
                        "severity": SEVERITY_LABELS[f.severity],
                        "excerpt": engine.clean(form.cleaned_data["text"])[f.start : f.end],
                        "guideline": guidelines.get(f.guideline),
                    }
                    for f in findings
                ],
            )
    return render(request, "guidance/check.html", context, status=400 if form.errors else 200)


def trainer(request: HttpRequest) -> HttpResponse:
    progress = request.session.get(PROGRESS_KEY, {})
    dilemmas = [(d, progress.get(d.slug)) for d in Dilemma.objects.all()]
    return render(request, "guidance/trainer.html", {"dilemmas": dilemmas, "done": len(progress)})


@require_http_methods(["GET", "POST"])
def dilemma(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(Dilemma, slug=slug)
    form = AnswerForm(request.POST or None)
    progress = request.session.get(PROGRESS_KEY, {})
    if request.method == "POST" and form.is_valid():
        try:
            answer = actions.answer_dilemma(dilemma=current, option=form.cleaned_data["option"])
        except actions.UnknownOption:
            form.add_error("option", _("Choose one of the options."))
        else:
            request.session[PROGRESS_KEY] = {**progress, slug: answer.option}
            return redirect("guidance:dilemma", slug=slug)
    chosen = current.option(progress.get(slug, "")) if request.method == "GET" else None
    following = Dilemma.objects.filter(sort_order__gt=current.sort_order).first()
    return render(
        request,
        "guidance/dilemma.html",
        {
            "dilemma": current,
            "options": current.localized_options(),
            "chosen": chosen,
            # None while an editor has not (yet) marked one: the page still opens.
            "recommended": next((o for o in current.localized_options() if o["verdict"] == "recommended"), None),
            "following": following,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@staff_page("guidance.view_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    stats = queries.dilemma_statistics()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="trainer-statistics.csv"'
        writer = csv.writer(response)
        writer.writerow(["dilemma", "title", "answers", "risky answers", "risky share"])
        for row in stats:
            writer.writerow(
                [neutralise(row.dilemma.slug), neutralise(row.dilemma.localized("title")), row.answers, row.risky,
                 f"{row.risky_share:.2f}"]
            )  # fmt: skip
        return response
    trend = queries.weekly_trend()
    peak = max((total for _, total, _ in trend), default=1)
    return render(
        request,
        "guidance/statistics.html",
        {
            "stats": stats,
            "trend": [(week, total, risky, 100 * total // peak, 100 * risky // peak) for week, total, risky in trend],
        },
    )
