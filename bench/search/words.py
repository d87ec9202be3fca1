"""The words generated pages are made of, and searched for."""

# A Dutch-flavoured vocabulary: a few very common words and many rarer ones, as in real pages.
COMMON = ["de", "het", "een", "en", "van", "in", "is", "op", "te", "dat", "voor", "met", "u", "uw", "niet", "aan"]
TOPICS = [
    "sociale", "media", "richtlijn", "deontologische", "code", "integriteit", "geschenk", "uitnodiging",
    "leidinggevende", "collega", "burger", "dossier", "vertrouwelijk", "journalist", "woordvoerder", "werktijd",
    "computer", "gsm", "wachtrij", "chat", "formulier", "belasting", "premie", "subsidie", "woning", "rijbewijs",
    "identiteitskaart", "verhuis", "pensioen", "kinderbijslag", "studietoelage", "vergunning", "klacht",
    "ombudsman", "afspraak", "loket", "attest", "uittreksel", "adreswijziging", "verkiezing", "parkeerkaart",
]  # fmt: skip
STEMS = ["bouw", "zorg", "werk", "leer", "reis", "huur", "land", "stad", "water", "energie"]
SUFFIXES = ["plan", "premie", "regeling", "dienst", "aanvraag", "vergunning", "steun", "raad", "fonds", "attest"]
RARE = [stem + suffix for stem in STEMS for suffix in SUFFIXES]
VOCABULARY = TOPICS + RARE
