"""Each analyzer: what it must find, and near misses it must leave alone, in Dutch and English."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from loket.guidance import analyzers  # noqa: F401
from loket.guidance.engine import check

BRUSSELS = ZoneInfo("Europe/Brussels")


def categories(text, **options):
    return {finding.category for finding in check(text, **options)}


def finds(category, text, **options):
    return category in categories(text, **options)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Namens de Dienst Wegen: de werken duren nog twee weken.", "private"),
        ("On behalf of the permits office: we oppose this plan.", "professional"),
        ("Wij als agentschap vinden deze regel onzin.", "private"),
        ("Als ambtenaar bij de stad vind ik dit een slecht plan.", "private"),
        ("As a civil servant I think this reform is a disaster.", "private"),
    ],
)
def test_speaking_for_the_organisation_is_found(text, account):
    assert finds("speaking-for-organisation", text, account=account)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Namens het hele team: bedankt voor uw bezoek!", "organisation"),  # the organisation's own account
        ("Namens mijn familie: bedankt voor de kaartjes.", "private"),
        ("On behalf of my whole family, thank you all.", "private"),
        ("In eigen naam: als ambtenaar vind ik dit plan slecht.", "private"),
        ("Views are my own, but as a civil servant I think this is wrong.", "private"),
        ("Ik vind de nieuwe parkeerregeling slecht.", "private"),  # an opinion, but not as staff
    ],
)
def test_own_name_family_and_the_organisations_account_are_not_speaking_for_it(text, account):
    assert not finds("speaking-for-organisation", text, account=account)


@pytest.mark.parametrize(
    "text",
    [
        "Vertrouwelijk: het auditrapport is vernietigend.",
        "Het interne verslag is klaar, nog niet publiek hoor.",
        "The tender is going to Acme, not yet announced.",
        "Off the record: the minister will announce cuts next week.",
        "Sneak peek from the internal evaluation report!",
        "De gunning gaat naar firma Peeters.",
    ],
)
def test_confidential_information_is_found(text):
    assert finds("confidential-information", text)


@pytest.mark.parametrize(
    "text",
    [
        "Uw vraag wordt altijd vertrouwelijk behandeld.",
        "Vertrouwen is alles in een team.",
        "Confident we will finish on time!",
        "The report was badly drafted, in my view.",
        "De bus gaat naar Gent om 8 uur.",  # "gaat naar" with no decision in sight
        "As announced last week, the desk moves to the station.",
    ],
)
def test_confidential_near_misses_are_left_alone(text):
    assert not finds("confidential-information", text)


@pytest.mark.parametrize(
    "text",
    [
        "Rijksregisternummer 85.07.30-033.28 gevonden op straat.",
        "Stort het op BE21 0012 3456 7803 aub.",
        "Bel haar op 0486 33 90 17.",
        "Call him on +32 475 60 12 34.",
        "Mail hem op kevin.maes92@mail.example",
        "Kaartjes naar Dorpsstraat 44 in Oosterbeke.",
        "Mevrouw Janssens kwam weer langs.",
        "A citizen at the desk, Sandra Mertens, was furious.",
        "Onze collega ligt in het ziekenhuis met longontsteking.",
    ],
)
def test_personal_data_is_found(text):
    assert finds("personal-data", text)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Rijksregisternummer 85.07.30-033.29", "private"),  # fails the check digits
        ("Bel gratis naar 1700.", "private"),
        ("Mail me gerust op jan.devos@werk.example", "professional"),
        ("Ons loket op het Stationsplein 5 is vrijdag dicht.", "organisation"),
        ("Flu season: stay home when you have a fever.", "organisation"),
        ("Vrije Burgers houdt vandaag een congres.", "private"),
    ],
)
def test_personal_data_near_misses_are_left_alone(text, account):
    assert not finds("personal-data", text, account=account)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn baas is de grootste idioot ooit.",
        "Die luie ambtenaren van de IT-dienst doen niks.",
        "Our management is a bunch of clueless incompetents.",
        "Citizens calling on Monday are entitled whiners.",
    ],
)
def test_insults_are_found(text):
    assert finds("respect-and-loyalty", text)


@pytest.mark.parametrize(
    "text",
    [
        "Ik vind de nieuwe regel slecht voor wie werkt, en dat zeg ik ook op het teamoverleg.",
        "Waiting 40 minutes on the phone is not acceptable; we can do better.",
        "Wat een stomme regen vandaag.",  # an insulting word, but about nobody
    ],
)
def test_criticism_without_insults_is_allowed(text):
    assert not finds("respect-and-loyalty", text)


TUESDAY_AFTERNOON = datetime(2026, 3, 10, 14, 30, tzinfo=BRUSSELS)
TUESDAY_EVENING = datetime(2026, 3, 10, 19, 30, tzinfo=BRUSSELS)
SATURDAY = datetime(2026, 3, 14, 11, 0, tzinfo=BRUSSELS)
EASTER_MONDAY = datetime(2026, 4, 6, 11, 0, tzinfo=BRUSSELS)


def test_a_private_post_during_working_hours_is_found():
    assert finds("working-hours", "Wie gaat er mee naar zee?", at=TUESDAY_AFTERNOON)


@pytest.mark.parametrize(
    ("at", "account"),
    [
        (TUESDAY_EVENING, "private"),
        (SATURDAY, "private"),
        (EASTER_MONDAY, "private"),  # a Belgian public holiday
        (TUESDAY_AFTERNOON, "professional"),
        (TUESDAY_AFTERNOON, "organisation"),
        (None, "private"),  # no time given: not judged
    ],
)
def test_working_hours_only_judge_private_posts_in_office_hours(at, account):
    assert not finds("working-hours", "Wie gaat er mee naar zee?", at=at, account=account)


@pytest.mark.parametrize(
    "text",
    [
        "Een journalist belde me, ik heb hem alles uitgelegd.",
        "Journalists, DM me for the inside story.",
        "Spoke to Radio Brabo this morning about the delays.",
    ],
)
def test_dealing_with_the_press_directly_is_found(text):
    assert finds("press-contact", text)


@pytest.mark.parametrize(
    "text",
    [
        "Een journalist belde me; ik heb hem doorverwezen naar onze woordvoerder.",
        "A reporter asked me for figures, so I referred her to the press office.",
        "As announced in our press release, the desk closes in June.",
    ],
)
def test_referring_journalists_is_right(text):
    assert not finds("press-contact", text)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Stem op 14 juni voor Partij Samen!", "professional"),
        ("Proud to support the Civic Party's plan. Vote Civic!", "organisation"),
        ("Als ambtenaar zeg ik: stem niet voor Vrije Burgers.", "private"),
    ],
)
def test_political_statements_while_recognisable_as_staff_are_found(text, account):
    assert finds("political-opinion", text, account=account)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Ik stem dit jaar voor Partij Samen.", "private"),  # a private citizen
        ("Stemmen kan tot 16u. Meer info op stemmen.example.org", "organisation"),
        ("Polling stations are open from 8am to 4pm.", "organisation"),
    ],
)
def test_private_votes_and_election_information_are_not_political_statements(text, account):
    assert not finds("political-opinion", text, account=account)


def test_findings_point_at_the_words_and_name_their_guideline():
    text = "Mijn baas is een idioot."
    [finding] = check(text)
    assert text[finding.start : finding.end] == "idioot"
    assert (finding.category, finding.severity, finding.guideline) == ("respect-and-loyalty", "risk", "loyalty")


def test_messages_come_in_the_requested_language():
    [dutch] = check("Mijn baas is een idioot.", language="nl")
    [english] = check("Mijn baas is een idioot.", language="en")
    assert dutch.message.startswith("Dit is beledigend")
    assert english.message.startswith("This is insulting")


def test_a_harmless_post_has_no_findings():
    assert check("Zaterdag in de tuin de eerste tomaten geplukt 🍅", at=SATURDAY) == []
