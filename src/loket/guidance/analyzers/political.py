"""political-opinion: political statements or voting advice while recognisable as staff."""

from collections.abc import Iterator

from loket.guidance.engine import STAFF, Phrases, Post, Span, analyzer

POLITICAL = Phrases.of(
    "partij*", "party", "party's", "parties", "stem op", "stem voor", "stem niet op", "stem niet voor", "stem ik",
    "stemt", "stemmen ze", "stem je", "vote against", "kiezers", "kiezer", "verkiezingsuitslag", "campagne",
    "kies voor", "mijn stem", "vote", "voting", "votes", "voter*", "#vote", "campaign*", "election result*",
    "steun ik", "i support",
    "partijprogramma", "verkiezingsprogramma", "coalitie", "oppositie", "my party", "manifesto", "campagneteam",
    "stemadvies", "stemwijzer", "go vote for", "cast your vote for", "elect",
)  # fmt: skip
# Informing people how and when to vote is the organisation's job, not a political statement.
CIVIC_INFORMATION = Phrases.of("=stemmen kan", "=stemmen =is", "polling station*", "stembureau*", "oproepingsbrief")


@analyzer(
    "political-opinion",
    guideline="objectivity",
    nl=(
        "Dit is een politieke uitspraak terwijl u herkenbaar bent als personeelslid.",
        "Politieke voorkeuren houdt u privé en uit uw werk; vanaf een officieel account blijft u altijd neutraal.",
    ),
    en=(
        "This is a political statement while you are recognisable as staff.",
        "Keep political preferences private and out of your work; an official account always stays neutral.",
    ),
)
def political_opinion(post: Post) -> Iterator[Span]:
    recognisable = post.account in ("professional", "organisation") or STAFF.first(post)
    if not recognisable:
        return
    informing = list(CIVIC_INFORMATION.find(post))
    for span in POLITICAL.find(post):
        if not span.inside_any(informing):
            yield span
