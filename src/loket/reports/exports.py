"""Report tables as CSV and XLSX. Every text cell goes through loket.exports.neutralise, in both formats, so a team,
topic, page title or search that begins like a formula (`=HYPERLINK(`) is shown as text, never run.

XLSX is written with openpyxl: already installed with Wagtail (its own exports use it), well kept, and its
write-only mode streams rows without holding the workbook's cells in memory."""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from loket.exports import neutralise

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cells(row: Sequence[Any]) -> list[Any]:
    return ["" if value is None else neutralise(value) for value in row]


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(_cells(row) for row in rows)
    return response


def xlsx_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str) -> HttpResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append(list(header))
    for row in rows:
        # A workbook cannot hold control characters (a vertical tab pasted from a word processor into a topic's name):
        # each becomes a space rather than failing the whole export.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v for v in _cells(row)])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
