"""Spreadsheet exports that a spreadsheet cannot be tricked by: a cell that begins like a formula (`=HYPERLINK(…)`,
`+`, `-`, `@`, a tab or a carriage return) is written as text, with a leading apostrophe, as OWASP advises. Visitors
write feedback comments and names; staff open the CSV files in Excel or LibreOffice."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class NeutralisedCsvMixin:
    """For Wagtail's export views (its XLSX export already stores such cells as text)."""

    FORMAT_CSV = "csv"

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        processed = super().preprocess_field_value(field, value, export_format)  # type: ignore[misc]
        return neutralise(processed) if export_format == self.FORMAT_CSV else processed
