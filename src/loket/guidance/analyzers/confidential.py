"""confidential-information: drafts, internal documents, undecided files and decisions not yet announced."""

from collections.abc import Iterator

from loket.guidance.engine import Phrases, Post, Span, analyzer

SECRET = Phrases.of(
    "vertrouwelijk*", "=confidential", "nog niet publiek", "nog niet officieel", "nog niet gecommuniceerd",
    "nog niet bekend", "nog niet beslist", "nog niet goedgekeurd", "not public yet", "not yet public",
    "not yet announced", "not been approved", "haven't been approved", "not approved yet", "not official yet",
    "off the record", "between us", "onder ons", "embargo", "=draft", "ontwerp van", "ontwerptekst*",
    "intern* rapport*", "intern* audit*", "intern* memo*", "intern* nota*", "intern* verslag*", "intern* evaluat*",
    "intern* document*", "internal report*", "internal memo*", "internal evaluation*", "internal audit*",
    "internal file*", "internal document*", "inspectieverslag*", "never disclosed", "sneak peek", "spoiler",
    "kan al verklappen", "mag het eigenlijk niet", "can already reveal", "can't say much yet",
    "will announce", "valt de bom", "volgende week beslist", "wordt volgende week", "gaat naar",
    "is going to", "goes to", "wordt toegekend", "will be awarded",
    "nog niet aangekondigd", "nog niet bekendgemaakt", "uitgelekt*", "niet verder vertellen",
    "vertel het niet verder", "binnenskamers", "we mogen nog niets zeggen", "voor het officieel is", "ontwerpversie",
    "werkversie", "=leaked", "leak", "don't tell anyone", "keep this quiet", "under wraps", "not supposed to share",
    "before it's official", "before it is official", "draft version", "not yet been announced",
    "hasn't been announced", "not been decided", "nog niet rond",
)  # fmt: skip
# "gaat naar", "is going to" only speak of a decision next to a tender, a job or an award.
AWARD_WORDS = Phrases.of(
    "tender", "gunning", "opdracht", "aanbesteding", "job", "functie", "selectie*", "contract", "premie", "subsidie",
    "vergunning", "award*", "post", "position",
)  # fmt: skip
AWARD_ONLY = {
    ("gaat", "naar"),
    ("is", "going", "to"),
    ("goes", "to"),
    ("wordt", "toegekend"),
    ("will", "be", "awarded"),
}
# "Uw vraag wordt vertrouwelijk behandeld" promises discretion; it reveals nothing.
DISCRETION = Phrases.of("vertrouwelijk behandeld", "vertrouwelijk behandelen", "treated confidentially")


@analyzer(
    "confidential-information",
    guideline="confidentiality",
    nl=(
        "Dit lijkt niet-publieke informatie: een ontwerp, een intern document of een beslissing die nog niet "
        "bekend is.",
        "Deel alleen wat al publiek is. Wacht op de officiële bekendmaking, of vraag het uw leidinggevende.",
    ),
    en=(
        "This looks like non-public information: a draft, an internal document or a decision not yet announced.",
        "Share only what is already public. Wait for the official announcement, or ask your manager.",
    ),
)
def confidential_information(post: Post) -> Iterator[Span]:
    discreet = list(DISCRETION.find(post))
    for start, end in post.sentences():
        for span in SECRET.find(post, start, end):
            words = tuple(post.text[span.start : span.end].lower().split())
            if words in AWARD_ONLY and not AWARD_WORDS.first(post, start, end):
                continue
            if span.inside_any(discreet):
                continue
            yield span
