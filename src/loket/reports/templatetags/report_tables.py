"""The repeated parts of the report pages written in Python: a year by day is 365 table rows of 15 cells and 1,095
bars, which the template language took longer to write than the figures took to read (docs/benchmarks.md). The
output is what the templates wrote: every value localized and escaped as `{{ value }}` does."""

from typing import Any

from django import template
from django.template.base import render_value_in_context
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def table_rows(context: template.Context, rows: list[list[Any]]) -> SafeString:
    """<tr> per row: the first cell its header, an empty value as "—"."""

    def cell(value: Any) -> str:
        return render_value_in_context("—" if value is None else value, context)

    return mark_safe(  # noqa: S308 - every value is escaped by render_value_in_context
        "".join(
            f'<tr><th scope="row">{render_value_in_context(row[0], context)}</th>'
            + "".join(f"<td>{cell(value)}</td>" for value in row[1:])
            + "</tr>\n    "
            for row in rows
        )
    )


@register.simple_tag(takes_context=True)
def chart_bars(context: template.Context, bars: list[Any]) -> SafeString:
    """<rect> per bar, with its label as its tooltip."""

    def v(value: Any) -> str:
        return render_value_in_context(value, context)

    return mark_safe(  # noqa: S308 - every value is escaped by render_value_in_context
        "".join(
            f'<rect x="{v(bar.x)}" y="{v(bar.y)}" width="{v(bar.width)}" height="{v(bar.height)}" '
            f'fill="{v(bar.colour)}"><title>{v(bar.label)}</title></rect>'
            for bar in bars
        )
    )
