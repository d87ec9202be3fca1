"""personal-data: other people's national register numbers, bank accounts, phone numbers, e-mail and home
addresses, health, and citizens or clients named in a post."""

import re
from collections.abc import Iterator

import phonenumbers
from stdnum import iban
from stdnum.be import nn

from loket.guidance.engine import Phrases, Post, Span, analyzer

NATIONAL_NUMBER = re.compile(r"\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-.\s]?\d{3}[.\s]?\d{2}\b")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
STREET = re.compile(
    r"\b[A-Z][\w-]*(?:straat|laan|plein|weg|lei|dreef|kaai|steenweg|baan|markt|pad|hof|veld)\s+\d+[a-z]?\b"
    r"|\b\d+[a-z]?,?\s+[A-Z][\w-]*(?:straat|laan|plein|weg|lei|dreef)\b"
    r"|\b\d+\s+[A-Z]\w+\s+(?:Street|Road|Avenue|Lane|Square|Drive)\b"
)
# Someone named with a title, or a citizen or client named next to that word.
TITLED_NAME = re.compile(
    r"\b(?:(?i:mevrouw|meneer|mevr\.|dhr\.)|Mr\.?|Mrs\.?|Ms\.?|Mister)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
)
FULL_NAME = re.compile(r"\b[A-Z][a-zé'-]+\s+(?:(?:Van|van|De|de|Van der|van der)\s+)?[A-Z][a-zé'-]+\b")
CITIZEN = Phrases.of(
    "burger*", "klant*", "aanvrager*", "cliënt*", "client*", "citizen*", "applicant*", "customer*", "woman at",
    "man at", "vrouw aan", "man aan", "at my desk", "aan mijn loket", "aan het loket", "at the desk",
)  # fmt: skip
HEALTH = Phrases.of(
    "ziekenhuis", "ziek", "zieke", "ziekte*", "longontsteking", "kanker", "dementie", "depressie", "burn-out",
    "bevallen", "zwanger*", "diagnose*", "operatie", "chemo*", "hospital", "sick", "illness", "cancer", "dementia",
    "depression", "pregnant", "gave birth", "diagnos*", "surgery", "disability",
)  # fmt: skip
PERSON = Phrases.of(
    "collega", "buurvrouw", "buurman", "zus", "broer", "moeder", "vader", "vriend*", "colleague", "neighbour",
    "neighbor", "sister", "brother", "mother", "father", "friend",
)  # fmt: skip
OWN = {"me", "mij", "my", "mijn", "mine"}
OTHER = {"hem", "haar", "him", "her", "zijn", "his", "hun", "their"}


def _someone_elses_email(post: Post, span: Span) -> bool:
    """An address offered as one's own ("mail me op …", "my work address: …") is the writer's to give."""
    before = [t.text.lower() for t in post.tokens if t.end <= span.start][-6:]
    return not (OWN & set(before)) or bool(OTHER & set(before))


@analyzer(
    "personal-data",
    guideline="confidentiality",
    nl=(
        "Dit bevat persoonsgegevens van iemand anders.",
        "Laat namen, nummers, adressen en gezondheidsinformatie van burgers en collega's weg. Vervagen is riskant.",
    ),
    en=(
        "This contains someone else's personal data.",
        "Leave out names, numbers, addresses and health details of citizens and colleagues. Blurring is risky.",
    ),
)
def personal_data(post: Post) -> Iterator[Span]:
    text = post.text
    for match in NATIONAL_NUMBER.finditer(text):
        if nn.is_valid(match.group(0)):
            yield Span(match.start(), match.end())
    for match in IBAN.finditer(text):
        if iban.is_valid(match.group(0)):
            yield Span(match.start(), match.end())
    for phone in phonenumbers.PhoneNumberMatcher(text, "BE", leniency=phonenumbers.Leniency.VALID):
        yield Span(phone.start, phone.end)
    for match in EMAIL.finditer(text):
        span = Span(match.start(), match.end())
        if _someone_elses_email(post, span):
            yield span
    if post.account != "organisation":  # the organisation's own offices are public addresses
        for match in STREET.finditer(text):
            yield Span(match.start(), match.end())
    for match in TITLED_NAME.finditer(text):
        yield Span(match.start(), match.end())
    for start, end in post.sentences():
        citizens = list(CITIZEN.find(post, start, end))
        if citizens:
            for match in FULL_NAME.finditer(text, start, end):
                # "Vrije Burgers", "Agentschap Klantencontact": the citizen word inside a name makes no person.
                if not any(c.start < match.end() and match.start() < c.end for c in citizens):
                    yield Span(match.start(), match.end())
        health = HEALTH.first(post, start, end)
        if health and (PERSON.first(post, start, end) or FULL_NAME.search(text, start, end)):
            yield health
