"""respect-and-loyalty: insulting or demeaning language about colleagues, managers, citizens or the organisation.

Criticism is allowed; insults are not. An insulting adjective counts only next to a person or the
organisation in the same sentence; a word that is itself an insult for a person ("idioot") always counts.
"""

from collections.abc import Iterator

from loket.guidance.engine import Phrases, Post, Span, analyzer

INSULTS_FOR_PEOPLE = Phrases.of(
    "idioot", "idioten", "debiel*", "sukkel*", "klootzak*", "prutser*", "profiteur*", "zeur*", "lafaard*",
    "parasiet*", "zakkenvuller*", "nietsnut*", "bende", "kluwen van", "idiot*", "moron*", "clown*", "coward*",
    "whiner*", "parasite*", "pen-pusher*", "jerk*", "loser*", "imbecile*", "incompetents",
    "eikel*", "trut*", "kneus*", "knoeier*", "amateurs", "zielepoot*", "zakken", "lul", "fool*", "muppet*",
    "imbecil*", "scum", "leech*", "freeloader*", "scrounger*", "losers", "nitwit*", "dimwit*", "numpty",
)  # fmt: skip
INSULTING = Phrases.of(
    "dom", "domme", "domste", "stom", "stomme", "incompetent*", "nutteloos", "nutteloze", "lui", "luie",
    "waardeloos", "waardeloze", "onbekwaam", "onbekwame", "stupid*", "dumb*", "brain-dead", "lazy", "lazi*",
    "useless", "clueless", "pathetic", "entitled", "rude*", "spineless", "two-faced", "worthless",
    "achterlijk*", "zot", "zotte", "hopeloos", "hopeloze", "zielig*", "idiotisch*", "belachelijke", "incapabel*",
    "idiotic", "braindead", "ignorant", "hopeless", "clowns", "lame", "inept", "moronic", "spineless",
)  # fmt: skip
PEOPLE = Phrases.of(
    "baas", "chef", "leidinggevende*", "directeur*", "directie", "manager*", "management", "collega*", "teamleider*",
    "team leader", "burger*", "klant*", "ambtenaar", "ambtenaren", "dienst", "afdeling", "departement", "agentschap",
    "mensen", "persoon", "gasten", "iedereen", "wie", "boss", "director", "colleague*", "citizen*", "client*",
    "customer*", "civil servant*", "department", "agency", "people", "person", "woman", "man", "anyone",
    "everyone", "staff", "team", "they", "zij", "ze", "them",
)  # fmt: skip


@analyzer(
    "respect-and-loyalty",
    guideline="loyalty",
    nl=(
        "Dit is beledigend of kleinerend voor collega's, leidinggevenden, burgers of de organisatie.",
        "Kritiek mag, in eigen naam en met argumenten. Geef feedback aan de persoon zelf, niet aan het internet.",
    ),
    en=(
        "This is insulting or demeaning towards colleagues, managers, citizens or the organisation.",
        "Criticism is allowed, in your own name and with arguments. Give feedback to the person, not the internet.",
    ),
)
def respect_and_loyalty(post: Post) -> Iterator[Span]:
    for start, end in post.sentences():
        yield from INSULTS_FOR_PEOPLE.find(post, start, end)
        if PEOPLE.first(post, start, end):
            yield from INSULTING.find(post, start, end)
