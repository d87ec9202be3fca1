"""Reading an incoming mail defensively: any bytes a stranger sends give a result, in bounded time, without raising.

No writes here: `actions.receive_mail` decides what the result becomes.
"""

import base64
import contextlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr

import nh3
from django.core.exceptions import SuspiciousFileOperation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.text import get_valid_filename

# Beyond these the standard parser gets slow (tens of thousands of parts) or recurses too deep (nesting), so such a
# mail is kept with its headers and a note instead of being parsed. Counted on the raw bytes, before any parsing.
MAX_MULTIPARTS = 50
MAX_BOUNDARY_LINES = 1000
MAX_NESTED_MESSAGES = 10
MAX_TEXT = 20_000

REFERENCE = re.compile(r"\b(\d{4}-\d{6})\b")
MESSAGE_IDS = re.compile(r"<[^<>\s]{1,250}>")
_BOUNDARY = re.compile(rb"boundary\*?[0-9]*\*?\s*=", re.IGNORECASE)
_NESTED = re.compile(rb"content-type:\s*message/", re.IGNORECASE)
_QUOTED_IDS = re.compile(rb"<[!-;=?-~]{1,250}>")
MAX_BOUNCE_SCAN = 200_000
_LINE_BREAKS = {"\r", "\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}


def one_line(value: str) -> str:
    """Control characters and line breaks become spaces: a header value is one line of visible text."""
    cleaned = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in value)
    return " ".join(cleaned.split())


def has_control_character(value: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") for c in value if c not in _LINE_BREAKS)


def has_line_break(value: str) -> bool:
    return any(c in _LINE_BREAKS for c in value)


def reply_token(reference: str) -> str:
    """80 bits of an HMAC of the reference (keyed by SECRET_KEY), in lower-case base32: local parts ignore case."""
    digest = salted_hmac("loket.contact.reply-address", reference, algorithm="sha256").digest()
    return base64.b32encode(digest[:10]).decode().lower()


def token_reference(address: str) -> tuple[str, bool]:
    """From `1700+2026-000123.token@…`: the reference named, and whether the token proves it."""
    local = address.partition("@")[0]
    if "+" not in local:
        return "", False
    reference, _, token = local.partition("+")[2].partition(".")
    if not REFERENCE.fullmatch(reference):
        return "", False
    return reference, bool(token) and constant_time_compare(token.lower(), reply_token(reference))


def safe_attachment_name(name: str, fallback: str) -> str:
    """A readable name without paths, control or direction characters (for display and the download header)."""
    name = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] != "C")
    name = re.split(r"[/\\]", name)[-1].strip().lstrip(".").strip()
    return name[:200] or fallback


def storage_name(name: str) -> str:
    """The file name on disk: letters, digits, dots and dashes only."""
    try:
        stem = get_valid_filename(name)
    except SuspiciousFileOperation:
        stem = ""
    return stem.lstrip(".")[-100:] or "bijlage"


@dataclass
class Part:
    name: str
    content_type: str
    content: bytes


@dataclass
class Incoming:
    sender_email: str = ""
    sender_name: str = ""
    subject: str = ""
    message_id: str = ""
    recipients: list[str] = field(default_factory=list)
    thread_ids: list[str] = field(default_factory=list)  # In-Reply-To and References
    text: str = ""
    attachments: list[Part] = field(default_factory=list)
    too_complex: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    automatic: bool = False  # RFC 3834 and its relatives: never to be answered automatically
    bounce: bool = False  # a delivery status notification
    quoted_ids: list[str] = field(default_factory=list)  # Message-IDs anywhere in the mail (a bounce quotes ours)

    @property
    def key(self) -> str:
        return self.message_id or ""


def _too_complex(raw: bytes) -> bool:
    return (
        len(_BOUNDARY.findall(raw)) > MAX_MULTIPARTS
        or raw.count(b"\n--") > MAX_BOUNDARY_LINES
        or len(_NESTED.findall(raw)) > MAX_NESTED_MESSAGES
    )


def _header(message: EmailMessage, name: str) -> str:
    """A header as text; one the parser cannot represent (an encoded line break in an address) is decoded by hand."""
    try:
        value = str(message.get(name, "") or "")
    except Exception:  # the header classes raise ValueError, IndexError, HeaderParseError…
        value = _raw_header(message, name)
    return one_line(value)


def _raw_header(message: EmailMessage, name: str) -> str:
    return _decoded(next((str(v) for k, v in message.raw_items() if k.lower() == name.lower()), ""))


def _decoded(raw: str) -> str:
    try:
        return str(make_header(decode_header(raw)))
    except Exception:  # unknown charsets, broken encoded words
        return raw


def _sender(message: EmailMessage) -> tuple[str, str]:
    with contextlib.suppress(Exception):  # see _header
        addresses = message["From"].addresses if message["From"] is not None else ()
        if addresses:
            return one_line(addresses[0].display_name)[:100], one_line(addresses[0].addr_spec)[:254]
    raw = next((str(v) for k, v in message.raw_items() if k.lower() == "from"), "")
    name, address = parseaddr(raw)  # before decoding: a decoded line break or "<" must not change the address
    return one_line(_decoded(name))[:100], one_line(address)[:254]


def _addresses(message: EmailMessage, *names: str) -> list[str]:
    wanted = {name.lower() for name in names}
    values = [one_line(str(v)) for k, v in message.raw_items() if k.lower() in wanted]
    return [address for _, address in getaddresses(values) if address]


def _text_of(message: EmailMessage) -> str:
    """The plain-text part; else the HTML part with every tag removed (nh3), never rendered as HTML."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset or transfer encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if part.get_content_subtype() == "html":
        content = html.unescape(nh3.clean(content, tags=set()))
    return str(content).replace("\x00", "").strip()[:MAX_TEXT]


def _automatic(headers: dict[str, str], envelope_sender: str | None) -> tuple[bool, bool]:
    """(automatic, bounce) by the headers that automatic senders set, the DSN type and a null return path."""
    content_type = headers.get("content-type", "").lower()
    bounce = "multipart/report" in content_type and "delivery-status" in content_type
    local = parseaddr(headers.get("from", ""))[1].partition("@")[0].lower()
    automatic = (
        bounce
        or headers.get("auto-submitted", "no").strip().lower().split(";")[0] != "no"
        or headers.get("precedence", "").strip().lower() in ("bulk", "junk", "list")
        or "list-id" in headers
        or any(name in headers for name in ("x-autoreply", "x-autorespond"))
        or local in ("mailer-daemon", "postmaster")
        or headers.get("return-path", "").strip() == "<>"
        or (envelope_sender is not None and not envelope_sender.strip("<> "))  # MAIL FROM:<>, the null path
    )
    return automatic, bounce


def read_message_id(raw: bytes) -> str:
    """Only the Message-ID, cheaply (the headers), of a mail that may not parse as a whole."""
    try:
        message: EmailMessage = BytesHeaderParser(policy=policy.default).parsebytes(raw)  # type: ignore[assignment]
        return _header(message, "Message-ID")[:250]
    except Exception:  # the headers themselves are broken
        return ""


def read(raw: bytes, *, envelope_sender: str | None = None, headers_only: bool = False) -> Incoming:
    """Everything Loket uses of a mail. Too deep or too many parts: the headers only, with `too_complex` set."""
    too_complex = headers_only or _too_complex(raw)
    message: EmailMessage
    if too_complex:
        message = BytesHeaderParser(policy=policy.default).parsebytes(raw)  # type: ignore[assignment]
    else:
        message = message_from_bytes(raw, policy=policy.default)  # type: ignore[assignment]
    name, address = _sender(message)
    found = Incoming(
        sender_email=address,
        sender_name=name,
        subject=_header(message, "Subject")[:150],
        message_id=_header(message, "Message-ID")[:250],
        recipients=_addresses(message, "To", "Cc", "Delivered-To", "X-Original-To"),
        thread_ids=MESSAGE_IDS.findall(f"{_header(message, 'In-Reply-To')} {_header(message, 'References')}"),
        headers={k.lower(): one_line(str(v))[:250] for k, v in message.raw_items()},
    )
    if not too_complex:
        try:
            found.text = _text_of(message)
            for number, part in enumerate(message.iter_attachments()):
                content = part.get_payload(decode=True)
                found.attachments.append(
                    Part(
                        name=safe_attachment_name(str(part.get_filename() or ""), f"bijlage-{number + 1}"),
                        content_type=part.get_content_type(),
                        content=content if isinstance(content, bytes) else b"",
                    )
                )
        except RecursionError:
            too_complex = True
        except Exception:  # whatever else a hostile structure triggers: keep what was read
            too_complex = True
    if too_complex:
        found.too_complex, found.text, found.attachments = True, "", []
    found.automatic, found.bounce = _automatic(found.headers, envelope_sender)
    if found.bounce:
        found.quoted_ids = [i.decode("ascii", "replace") for i in _QUOTED_IDS.findall(raw[:MAX_BOUNCE_SCAN])][:50]
    return found
