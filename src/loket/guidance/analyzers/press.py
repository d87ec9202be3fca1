"""press-contact: dealing with journalists directly instead of referring them to the spokesperson."""

import re
from collections.abc import Iterator

from loket.guidance.engine import Phrases, Post, Span, analyzer

PRESS = Phrases.of(
    "journalist*", "reporter*", "pers", "=press", "interview*", "radio", "tv", "televisie", "krant", "newspaper",
    "journaliste*", "verslaggever*", "redactie", "nieuwsdienst", "the media", "de media", "podcast", "columnist*",
)  # fmt: skip
NEWS_OUTLET = re.compile(r"\b\w*(?:krant|Krant|-TV|Gazette|Courier|Post|Weekblad|Times)\b")
DEALING = Phrases.of(
    "bellen", "belde", "gesproken", "gesprek", "uitgelegd", "uitleggen", "uit te leggen", "verteld", "vertellen",
    "citeren", "gegeven", "live op", "dm", "stuur me", "stuur mij", "told", "tell", "spoke", "speak", "talked",
    "talk", "phone", "inside story", "gave", "airs", "asked me", "vroeg me", "off the record", "who follow me",
    "all about", "alles",
    "quote me", "citeer me", "mag me citeren", "exclusief", "exclusive", "scoop", "onthul*", "reveal*", "shared with",
    "gedeeld met", "leaked to",
)  # fmt: skip
REFERRED = Phrases.of(
    "woordvoerder*", "spokesperson*", "spokesman", "spokeswoman", "persdienst", "press office", "persverantwoordelijke",
    "doorverwezen", "doorverwijzen", "referred", "refer",
)  # fmt: skip
NOT_CONTACT = Phrases.of("press release", "persbericht", "persmededeling")


@analyzer(
    "press-contact",
    guideline="press",
    nl=(
        "U lijkt rechtstreeks met de pers te praten.",
        "Verwijs journalisten door naar de woordvoerder of de persdienst; zij beantwoorden persvragen.",
    ),
    en=(
        "You seem to deal with the press directly.",
        "Refer journalists to the spokesperson or the press office; they answer press questions.",
    ),
)
def press_contact(post: Post) -> Iterator[Span]:
    if REFERRED.first(post):
        return
    releases = list(NOT_CONTACT.find(post))
    press = [span for span in PRESS.find(post) if not span.inside_any(releases)]
    press += [Span(m.start(), m.end()) for m in NEWS_OUTLET.finditer(post.text)]
    if press and DEALING.first(post):
        yield min(press, key=lambda span: span.start)
