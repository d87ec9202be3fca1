"""speaking-for-organisation: speaking for the organisation, or an opinion under one's job title."""

import re
from collections.abc import Iterator

from loket.guidance.engine import OWN_NAME, STAFF, Phrases, Post, Span, analyzer

FOR_THE_ORGANISATION = Phrases.of(
    "namens", "on behalf of", "wij als", "we als", "we at", "we as", "ons agentschap heeft", "onze dienst heeft",
    "our agency has", "our department has", "our office has", "our agency", "het standpunt van onze",
    "the position of our",
    "ons standpunt", "onze organisatie vindt", "onze organisatie heeft", "wij van", "the agency's position",
    "our official position", "officieel standpunt",
)  # fmt: skip
NOT_THE_ORGANISATION = Phrases.of(
    "namens mijn familie", "namens het gezin", "namens de familie", "namens mezelf", "namens ons gezin",
    "on behalf of my family", "on behalf of my whole family", "on behalf of the family", "on behalf of myself",
    "namens de hele familie", "namens mijn hele familie", "not on behalf", "niet namens",
)  # fmt: skip
OPINION = Phrases.of(
    "vind", "vinden", "vind ik", "mening", "slecht", "zou beter", "ramp", "schande", "belachelijk", "fout", "stem",
    "steun", "moet", "moeten", "gewoon", "think", "find", "honestly", "joke", "badly", "should", "terrible",
    "voting", "vote", "disaster", "wrong", "ridiculous", "stand behind", "support",
    "onzin", "nonsense", "absurd", "schandalig", "shameful", "outrageous", "tegen", "against", "oppose", "verzet",
)  # fmt: skip
# "Als teamleider bij …", "as a caseworker at …": a job title tied to an employer.
JOB_AT = re.compile(r"\b(?:als|as an?)\s+\w+\s+(?:bij|van|op|at|in|for)\b", re.IGNORECASE)


@analyzer(
    "speaking-for-organisation",
    guideline="own-name",
    nl=(
        "Dit klinkt alsof u namens de organisatie spreekt.",
        "Spreek enkel namens de organisatie als dat uw opdracht is. Anders: zeg dat het uw persoonlijke mening is.",
    ),
    en=(
        "This sounds as if you speak for the organisation.",
        "Only speak for the organisation when that is your task. Otherwise, say it is your personal view.",
    ),
)
def speaking_for_organisation(post: Post) -> Iterator[Span]:
    if post.account == "organisation":
        return  # the organisation's own account speaks for it by definition
    excluded = list(NOT_THE_ORGANISATION.find(post))
    for span in FOR_THE_ORGANISATION.find(post):
        if not span.inside_any(excluded):
            yield span
    if OWN_NAME.first(post):
        return
    job = STAFF.first(post) or next((Span(m.start(), m.end()) for m in JOB_AT.finditer(post.text)), None)
    if job and OPINION.first(post):
        yield Span(job.start, job.end, "warning")
