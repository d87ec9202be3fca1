"""The post check: a draft post in, findings out. Pure Python, no Django, deterministic.

Three ways in share this engine: the check page, `POST /api/guidance/check` and `loket check`. Each
category is an analyzer in `analyzers/`, registered with `@analyzer`; an analyzer reads a `Post` (its text,
tokens with offsets and lemmas, account, planned time) and yields the spans it objects to. The engine turns
spans into `Finding`s with the message and suggestion in the requested language.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import simplemma

MAX_LENGTH = 10_000
ACCOUNTS = ("private", "professional", "organisation")
LANGUAGES = ("nl", "en")
SEVERITIES = ("info", "warning", "risk")
BRUSSELS = ZoneInfo("Europe/Brussels")


class PostError(ValueError):
    """Input the check cannot take, with a message for the person who sent it."""

    def __init__(self, code: str, messages: dict[str, str]):
        super().__init__(messages["en"])
        self.code = code
        self.messages = messages


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    forms: frozenset[str]  # the lower-cased word and its Dutch and English lemmas


@dataclass(frozen=True)
class Post:
    text: str
    account: str = "private"
    at: datetime | None = None
    tokens: tuple[Token, ...] = field(default=(), repr=False)

    def sentences(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence: findings that need two things together look within one."""
        start = 0
        for match in re.finditer(r"[.!?\n]+", self.text):
            yield start, match.end()
            start = match.end()
        if start < len(self.text):
            yield start, len(self.text)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    severity: str = "risk"

    def inside_any(self, others: Iterable["Span"]) -> bool:
        """Whether this span starts inside one of `others` (a phrase that excuses it, say)."""
        return any(other.start <= self.start < other.end for other in others)


@dataclass(frozen=True)
class Finding:
    category: str
    severity: str
    start: int
    end: int
    guideline: str
    message: str
    suggestion: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Analyzer:
    category: str
    guideline: str
    messages: dict[str, tuple[str, str]]  # language -> (message, suggestion)
    find: Callable[[Post], Iterable[Span]]


ANALYZERS: dict[str, Analyzer] = {}


def analyzer(category: str, *, guideline: str, nl: tuple[str, str], en: tuple[str, str]):  # type: ignore[no-untyped-def]
    """Register a function `Post -> spans` as the analyzer of `category`."""

    def register(find: Callable[[Post], Iterable[Span]]) -> Callable[[Post], Iterable[Span]]:
        ANALYZERS[category] = Analyzer(category, guideline, {"nl": nl, "en": en}, find)
        return find

    return register


WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")  # with apostrophes (also the typographic one) and hyphens
# Addresses of web pages and mailboxes are not words of the post: "stemmen.example.org" says nothing about voting.
LINK = re.compile(
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|be|com|eu|net|example)\b\S*"
)


@lru_cache(maxsize=50_000)
def forms(word: str) -> frozenset[str]:
    lower = word.lower()
    return frozenset({lower, simplemma.lemmatize(lower, lang="nl"), simplemma.lemmatize(lower, lang="en")})


def tokenize(text: str) -> tuple[Token, ...]:
    words = LINK.sub(lambda m: " " * len(m.group(0)), text)
    return tuple(Token(m.group(0), m.start(), m.end(), forms(m.group(0))) for m in WORD.finditer(words))


def clean(text: str) -> str:
    """Control characters become spaces (offsets stay put); line breaks and tabs stay."""
    return "".join(" " if unicodedata.category(ch) == "Cc" and ch not in "\n\t" else ch for ch in text)


def make_post(text: str, *, account: str = "private", at: datetime | None = None) -> Post:
    if not isinstance(text, str):
        raise PostError("text", {"nl": "De tekst ontbreekt.", "en": "The text is missing."})
    if len(text) > MAX_LENGTH:
        raise PostError(
            "too-long",
            {
                "nl": f"Een bericht mag hoogstens {MAX_LENGTH:,} tekens lang zijn; dit heeft er {len(text):,}.".replace(
                    ",", "."
                ),
                "en": f"A post can be at most {MAX_LENGTH:,} characters long; this one has {len(text):,}.",
            },
        )
    if account not in ACCOUNTS:
        raise PostError(
            "account",
            {
                "nl": "Kies het account: privé, professioneel of dat van de organisatie.",
                "en": "Choose the account: private, professional or the organisation's.",
            },
        )
    if at is not None and at.tzinfo is not None:
        try:
            at.astimezone(BRUSSELS)
        except OverflowError:  # the first or last day datetime knows, in a far zone
            raise PostError(
                "at",
                {
                    "nl": "Kies een tijdstip tussen het jaar 2 en 9998.",
                    "en": "Choose a time between the years 2 and 9998.",
                },
            ) from None
    text = clean(text)
    return Post(text=text, account=account, at=at, tokens=tokenize(text))


def check(text: str, *, account: str = "private", at: datetime | None = None, language: str = "nl") -> list[Finding]:
    """All findings for one draft post, in reading order; `language` is that of the messages."""
    post = make_post(text, account=account, at=at)
    language = language if language in LANGUAGES else "nl"
    findings = set()
    for item in ANALYZERS.values():
        message, suggestion = item.messages[language]
        for span in item.find(post):
            findings.add(
                Finding(item.category, span.severity, span.start, span.end, item.guideline, message, suggestion)
            )
    return sorted(findings, key=lambda f: (f.start, f.end, f.category))


# --- helpers the analyzers share --------------------------------------------------------------


class Phrases:
    """Word sequences matched on lemmas: "nog niet publiek" also finds "nog niet publieke".

    A word ending in `*` matches by prefix ("ontwerp*" finds "ontwerptekst"); one starting with `=` matches
    only that exact word, not its lemma ("=draft" does not find "drafted"). Phrases are indexed by their
    first word, so a post costs a dictionary look-up per token rather than a comparison per phrase.
    """

    def __init__(self, phrases: tuple[tuple[str, ...], ...]):
        self.phrases = phrases
        self._by_word: dict[str, list[tuple[str, ...]]] = {}
        self._by_prefix: list[tuple[str, tuple[str, ...]]] = []
        self._seen: dict[tuple[str, frozenset[str]], tuple[tuple[str, ...], ...]] = {}  # words recur across posts
        for phrase in phrases:
            first = phrase[0]
            if first.endswith("*"):
                self._by_prefix.append((first[:-1], phrase))
            else:
                self._by_word.setdefault(first, []).append(phrase)

    @classmethod
    def of(cls, *phrases: str) -> "Phrases":
        return cls(tuple(tuple(phrase.lower().split()) for phrase in phrases))

    @staticmethod
    def _matches(pattern: str, token: Token) -> bool:
        if pattern.startswith("="):
            return token.text.lower() == pattern[1:]
        if pattern.endswith("*"):
            return any(form.startswith(pattern[:-1]) for form in token.forms)
        return pattern in token.forms

    def _starting_at(self, token: Token) -> tuple[tuple[str, ...], ...]:
        key = (token.text.lower(), token.forms)
        if key not in self._seen:
            candidates: dict[tuple[str, ...], None] = {}
            for word in (*token.forms, "=" + key[0]):
                candidates.update(dict.fromkeys(self._by_word.get(word, ())))
            for prefix, phrase in self._by_prefix:
                if any(form.startswith(prefix) for form in token.forms):
                    candidates[phrase] = None
            if len(self._seen) > 100_000:
                self._seen.clear()
            self._seen[key] = tuple(candidates)
        return self._seen[key]

    def find(self, post: Post, start: int = 0, end: int | None = None) -> Iterator[Span]:
        tokens = [t for t in post.tokens if t.start >= start and (end is None or t.end <= end)]
        for i, token in enumerate(tokens):
            for phrase in self._starting_at(token):
                window = tokens[i : i + len(phrase)]
                if len(window) == len(phrase) and all(
                    self._matches(p, t) for p, t in zip(phrase[1:], window[1:], strict=True)
                ):
                    yield Span(window[0].start, window[-1].end)

    def first(self, post: Post, start: int = 0, end: int | None = None) -> Span | None:
        return next(self.find(post, start, end), None)


# Being recognisable as staff: naming one's public job or employer.
STAFF = Phrases.of(
    "als ambtenaar", "als medewerker", "als personeelslid", "als agent", "ik werk bij", "ik werk voor",
    "ik werk op", "mijn job bij", "bij mijn werkgever", "bij ons op de dienst", "op mijn dienst", "mijn dienst",
    "onze dienst", "mijn afdeling", "mijn departement", "mijn agentschap", "ons agentschap", "mijn werk bij",
    "as a civil servant", "as a public servant", "as an official", "as an employee", "i work at", "i work for",
    "i work in", "my job at", "in my role", "my department", "my agency", "our agency", "our department",
    "my team at", "ambtenaar", "civil servant", "public servant",
)  # fmt: skip
OWN_NAME = Phrases.of(
    "in eigen naam", "in mijn eigen naam", "persoonlijke mening", "mijn persoonlijke", "mijn mening",
    "op persoonlijke titel", "spreek voor mezelf", "spreek enkel voor mezelf", "niet namens", "privé mening",
    "views are my own", "my own views", "my views", "opinions are my own", "my own opinion", "personal view",
    "personal opinion", "my personal", "in my own name", "speaking for myself", "not on behalf",
    "not speaking for", "not the view of",
)  # fmt: skip


@lru_cache(maxsize=16)
def _belgian_holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("BE", years=year))


def in_office_hours(at: datetime) -> bool:
    """Monday to Friday, 9:00 to 17:00 in Brussels (Belgian public holidays excepted)."""
    local = at.astimezone(BRUSSELS) if at.tzinfo else at
    if local.weekday() >= 5 or local.date() in _belgian_holidays(local.year):
        return False
    return 9 <= local.hour < 17
