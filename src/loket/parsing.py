"""Reading a number from a request (query string, form, frame): one way, everywhere. (Not named `numbers`: commands
run inside this folder, such as `makemessages`, would find it before the standard library's.)

`str.isdigit()` accepts "²" and "٣", which `int()` refuses, and `int()` accepts numbers far beyond what the database
stores: both ended in errors (500) before. Here only plain ASCII digits within the range count; anything else is None.
"""

import datetime
import re

MAX_ID = 2**31 - 1  # the largest id, number or count a request may name (well inside every database's integers)


def whole_number(value: object, *, maximum: int = MAX_ID) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= maximum else None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if number <= maximum else None


def iso_date(value: object) -> datetime.date | None:
    """A calendar day written YYYY-MM-DD (ASCII digits only), or None."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
