"""Thin views of the reports: read the period and breakdown, ask queries/tables, render or export."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.chat.models import Team
from loket.reports import actions, charts, exports, queries, tables
from loket.reports.periods import BadParameter, Period, choice_from, period_from, team_from
from loket.staff.decorators import staff_page

PERMISSION = "reports.view"
# In a checkout docs/reports.md; in an installed wheel the copy that pyproject.toml puts beside this module.
DEFINITIONS = (Path(__file__).resolve().parents[3] / "docs" / "reports.md", Path(__file__).with_name("definitions.md"))


def _bad(request: HttpRequest, error: BadParameter, template: str | None = None) -> HttpResponse:
    if template is None:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    return render(request, template, {"error": error.message, **_choices(request)}, status=400)


def _choices(request: HttpRequest) -> dict[str, Any]:
    """What the period form offers, with what was asked kept (also when it was refused)."""
    return {
        "asked": request.GET,
        "teams": Team.objects.all(),
        "breakdowns": [(key, tables.breakdown_label(key)) for key in tables.CHAT_BREAKDOWNS],
        "periods": [
            ("today", _("Today")),
            ("7d", _("Last 7 days")),
            ("month", _("Last month")),
            ("range", _("Chosen days")),
        ],
    }


def _export(table: tables.Table, kind: str, period: Period, name: str) -> HttpResponse:
    filename = f"{name}-{period.first}-{period.last}"
    if kind == "xlsx":
        return exports.xlsx_response(filename, table.header, table.rows, title=name)
    return exports.csv_response(filename, table.header, table.rows)


@staff_page(PERMISSION)
def chat_csv(request: HttpRequest) -> HttpResponse:
    """The daily chat export: one row per day and team, the columns of tables.CHAT_CSV_HEADER first."""
    try:
        period = period_from({**request.GET.dict(), "period": "range"})  # `from` and `to` are required here
        team = team_from(request.GET)
    except BadParameter as error:
        return _bad(request, error)
    rows = tables.daily_chat_rows(period.first, period.last, team)
    return exports.csv_response(f"chat-{period.first}-{period.last}", [*tables.CHAT_CSV_HEADER, "team_name"], rows)


def _chat(request: HttpRequest) -> tuple[Period, str, int | None]:
    return (
        period_from(request.GET), choice_from(request.GET, "by", tables.CHAT_BREAKDOWNS, "team"),
        team_from(request.GET),
    )  # fmt: skip


def _hours(period: Period, team: int | None) -> list[Any]:
    return queries.hour_days(period.first, period.last, team_id=team)


@staff_page(PERMISSION)
def chat(request: HttpRequest) -> HttpResponse:
    try:
        period, breakdown, team = _chat(request)
    except BadParameter as error:
        return _bad(request, error, "reports/chat.html")
    groups = tables.chat_groups(period.first, period.last, breakdown, team) if breakdown != "hour" else None
    total = tables.chat_total(period.first, period.last, team, groups)
    context: dict[str, Any] = {
        **_choices(request), "section": "reports", "period": period, "breakdown": breakdown, "team": team,
        "total": total, "query": request.GET.urlencode(),
    }  # fmt: skip
    if breakdown == "hour":
        table, grid = tables.hour_table(_hours(period, team))
        context["heatmap"] = charts.heatmap(
            title=_("Chats offered per hour of the week"),
            description=_("Darker cells are hours in which more chats were offered. The table below has the numbers."),
            weekdays=tables.weekday_names(), grid=[[cell[0] for cell in hours] for hours in grid], unit=_("offered"),
        )  # fmt: skip
        context["grid"] = grid
    else:
        assert groups is not None
        table = tables.chat_table(groups, breakdown, period.first, period.last)
        context["chart"] = charts.bar_chart(
            title=table.caption,
            description=_("Offered, answered and abandoned chats; the table below has these and the other figures."),
            categories=tables.chart_categories(table, breakdown, period.first, period.last),
            series=[(_("Offered"), [row[1] for row in table.rows]), (_("Answered"), [row[2] for row in table.rows]),
                    (_("Abandoned"), [row[3] for row in table.rows])],
        )  # fmt: skip
    context["table"] = table
    return render(request, "reports/chat.html", context)


@staff_page(PERMISSION)
def chat_export(request: HttpRequest, kind: str) -> HttpResponse:
    try:
        period, breakdown, team = _chat(request)
    except BadParameter as error:
        return _bad(request, error)
    table = (
        tables.hour_table(_hours(period, team))[0]
        if breakdown == "hour"
        else tables.chat_table(tables.chat_groups(period.first, period.last, breakdown, team), breakdown,
                               period.first, period.last)
    )  # fmt: skip
    return _export(table, kind, period, f"chat-by-{breakdown}")


@staff_page(PERMISSION)
def wallboard(request: HttpRequest) -> HttpResponse:
    context = {"board": queries.wallboard(), "loaded": timezone.localtime(), "section": "reports"}
    return render(request, "reports/wallboard.html", context)


@staff_page(PERMISSION)
def wallboard_figures(request: HttpRequest) -> JsonResponse:
    """The wallboard's figures for its script while its live socket (reports/consumers.py) cannot connect."""
    return JsonResponse({"at": timezone.now().isoformat(), **queries.wallboard()})


def _email(request: HttpRequest) -> tuple[Period, str]:
    found = period_from(request.GET), choice_from(request.GET, "by", tables.EMAIL_BREAKDOWNS, "day")
    actions.refresh_email()  # the days whose cases changed since they were counted
    return found


def _email_choices(request: HttpRequest) -> dict[str, Any]:
    labels = {"day": _("Day"), "topic": _("Topic"), "language": _("Language"), "agent": _("Assigned to")}
    return {**_choices(request), "teams": None, "breakdowns": [(k, labels[k]) for k in tables.EMAIL_BREAKDOWNS]}


@staff_page(PERMISSION)
def email(request: HttpRequest) -> HttpResponse:
    try:
        period, breakdown = _email(request)
    except BadParameter as error:
        return render(request, "reports/email.html", {**_email_choices(request), "error": error.message}, status=400)
    table = tables.email_table(period.first, period.last, breakdown)
    chart = charts.bar_chart(
        title=table.caption,
        description=_("Cases received by the form and by mail; the table below has these and the other figures."),
        categories=tables.chart_categories(table, breakdown, period.first, period.last),
        series=[(_("By the form"), [row[2] for row in table.rows]), (_("By mail"), [row[3] for row in table.rows])],
    )
    return render(request, "reports/email.html", {
        **_email_choices(request), "section": "reports", "period": period, "table": table, "chart": chart,
        "backlog": tables.backlog_table(period.first, period.last), "query": request.GET.urlencode(),
    })  # fmt: skip


@staff_page(PERMISSION)
def email_export(request: HttpRequest, kind: str) -> HttpResponse:
    try:
        period, breakdown = _email(request)
        which = choice_from(request.GET, "table", ("cases", "backlog"), "cases")
    except BadParameter as error:
        return _bad(request, error)
    if which == "backlog":
        return _export(tables.backlog_table(period.first, period.last), kind, period, "email-backlog")
    return _export(tables.email_table(period.first, period.last, breakdown), kind, period, f"email-by-{breakdown}")


@staff_page(PERMISSION)
def knowledge(request: HttpRequest) -> HttpResponse:
    choices = {**_choices(request), "teams": None, "breakdowns": None}
    try:
        period = period_from(request.GET)
    except BadParameter as error:
        return render(request, "reports/knowledge.html", {**choices, "error": error.message}, status=400)
    pages = tables.feedback_table(period.first, period.last)
    searches = tables.searches_table(period.first, period.last)
    top = pages.rows[:10]
    chart = charts.bar_chart(
        title=_("The ten pages most often found not useful"),
        description=_("Useful and not useful answers per page; the table below has every page."),
        categories=[str(row[0]) for row in top],
        series=[(_("Not useful"), [row[2] for row in top]), (_("Useful"), [row[1] for row in top])],
    )
    return render(request, "reports/knowledge.html", {
        **choices, "section": "reports", "period": period, "pages": pages, "searches": searches, "chart": chart,
        "query": request.GET.urlencode(), "search_log_days": settings.LOKET_SEARCH_LOG_DAYS,
    })  # fmt: skip


@staff_page(PERMISSION)
def knowledge_export(request: HttpRequest, kind: str) -> HttpResponse:
    try:
        period = period_from(request.GET)
        which = choice_from(request.GET, "table", ("pages", "searches"), "pages")
    except BadParameter as error:
        return _bad(request, error)
    if which == "searches":
        return _export(tables.searches_table(period.first, period.last), kind, period, "searches-without-result")
    return _export(tables.feedback_table(period.first, period.last), kind, period, "page-feedback")


@staff_page(PERMISSION)
def definitions(request: HttpRequest) -> HttpResponse:
    """docs/reports.md, the one place the figures are defined (shipped inside the package as definitions.md)."""
    text = next((p.read_text(encoding="utf-8") for p in DEFINITIONS if p.is_file()), "")
    return render(request, "reports/definitions.html", {"text": text, "section": "reports"})
