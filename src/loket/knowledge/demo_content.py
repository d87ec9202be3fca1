"""Demo content for an empty Loket: pages in Dutch and English, and documents."""

# Documents (Wagtail documents, Dutch only; the loader renders `text` into a small PDF).
# key -> {"title": str, "filename": str (ends in .pdf), "text": str (plain text, paragraphs separated by a blank
# line, 150-400 words, Latin-1 characters only: no curly quotes, no emoji, use straight quotes and '-')}
DOCUMENTS: dict[str, dict[str, str]] = {
    "handreiking": {
        "title": "Handreiking sociale media",
        "filename": "handreiking-sociale-media.pdf",
        "text": (
            "Demosamenvatting, geschreven voor Loket. Dit is geen officieel document.\n\n"
            "Waarom deze handreiking? Veel personeelsleden zijn actief op sociale media, privé en in hun job. Dat "
            "biedt kansen om kennis te delen en een netwerk op te bouwen, maar het vraagt ook aandacht voor de grens "
            "tussen werk en privé. De handreiking is in co-creatie met medewerkers opgesteld en bundelt praktische "
            "richtlijnen voor de individuele medewerker. Ze hoort bij de visienota sociale media en ligt in lijn met "
            "de deontologische code.\n\n"
            "Drie basisregels. Wees verantwoordelijk en loyaal. Laat blijken of u als privépersoon spreekt dan wel "
            "namens de organisatie. Zet sociale media tijdens de werkuren enkel in voor uw opdracht.\n\n"
            "Uw mening. U mag uw mening geven, maar men ziet u als ambassadeur van de overheid. Zeg uitdrukkelijk "
            "dat het om uw persoonlijke standpunt gaat, zeker bij kritiek op het beleid of bij politieke uitspraken. "
            "Geef feiten altijd juist, volledig en objectief weer.\n\n"
            "Discretie. Schrijf niet over dossiers waarin nog niet beslist is, niet over persoonsgegevens van "
            "burgers of collega's en niet over vertrouwelijke commerciële, industriële of intellectuele gegevens. "
            "Die plicht loopt door nadat u de organisatie verlaten hebt.\n\n"
            "Loyaliteit en objectiviteit. Kritiek op een collega of leidinggevende bespreekt u met die persoon, niet "
            "online. Houd persoonlijke, politieke en religieuze voorkeuren buiten uw werk en vermijd elke schijn van "
            "partijdigheid tegenover klanten, leveranciers en kandidaten.\n\n"
            "Officiële kanalen en pers. Accounts van de organisatie zijn politiek neutraal: wat u daar plaatst, is "
            "communicatie in uw functie. Journalisten verwijst u door naar de woordvoerders.\n\n"
            "Zichtbaarheid. Ga ervan uit dat alles wat u plaatst, bewaard en gedeeld wordt. Een schermafdruk "
            "overleeft elke verwijdering.\n\n"
            "Twijfelt u? Vraag het aan uw leidinggevende voor u iets publiceert."
        ),
    },
    "visienota": {
        "title": "Visienota sociale media",
        "filename": "visienota-sociale-media.pdf",
        "text": (
            "Demosamenvatting, geschreven voor Loket. Dit is geen officieel document.\n\n"
            "Waarom sociale media? Burgers zoeken informatie steeds vaker via sociale media en verwachten dat de "
            "overheid daar ook aanwezig is. Een overheid die er luistert en antwoordt, staat dichter bij de mensen "
            "voor wie ze werkt.\n\n"
            "Dialoog in twee richtingen. Sociale media zijn geen extra kanaal om persberichten te verspreiden. Hun "
            "meerwaarde zit in het gesprek: vragen beantwoorden, reacties opvangen, ideeën toetsen en beleid beter "
            "uitleggen. Dat vraagt snelheid, een toegankelijke toon en de bereidheid om te luisteren, ook naar "
            "kritiek.\n\n"
            "Heldere rollen. Officiële accounts worden beheerd door aangewezen medewerkers. Ze zijn politiek "
            "neutraal en verwijzen voor persoonlijke vragen door naar e-mail, chat of telefoon. Persoonsgegevens "
            "horen niet thuis in publieke reacties.\n\n"
            "Medewerkers als ambassadeurs. Personeelsleden die over hun vak posten, maken het werk van de overheid "
            "zichtbaar en menselijk. De organisatie moedigt dat aan, binnen de grenzen van de deontologische code: "
            "verantwoordelijk en loyaal, duidelijk over de vraag of men in eigen naam spreekt, en met respect voor "
            "de discretieplicht.\n\n"
            "Ondersteuning. De handreiking sociale media vertaalt deze visie in concrete richtlijnen voor de "
            "individuele medewerker. Opleidingen, zoals de summerschools van 2014, helpen om die richtlijnen toe te "
            "passen op situaties uit de praktijk.\n\n"
            "Advies. De visienota en de handreiking kregen allebei een positief advies van het adviescomité."
        ),
    },
    "summerschool-presentatie": {
        "title": "Summerschool 'integer omgaan met sociale media' 2014 - presentatie",
        "filename": "summerschool-2014-presentatie.pdf",
        "text": (
            "Demosamenvatting, geschreven voor Loket. Deze tekst vat de presentatie samen; het is geen officieel "
            "document.\n\n"
            "Dia 1 - Waarom deze summerschool? Sociale media horen bij ons dagelijks leven. Hoe blijft u integer "
            "wanneer werk en privé online door elkaar lopen?\n\n"
            "Dia 2 - Het kader. De deontologische code, de handreiking sociale media en de ICT-code van 2014 geven "
            "houvast. Ze verbieden weinig, maar vragen dat u nadenkt voor u iets plaatst.\n\n"
            "Dia 3 - Geval: Facebookvrienden. Uw leidinggevende stuurt u een vriendschapsverzoek. Dat is niet "
            "verboden, maar loyaliteit en discretie gelden ook daar, en wat u post, kan op het werk ter sprake "
            "komen.\n\n"
            "Dia 4 - Geval: de leverancier. Een leverancier in een lopende aanbesteding wil met u bevriend worden. "
            "Weiger of houd het contact strikt neutraal, verwittig uw leidinggevende en geef het dossier door als uw "
            "objectiviteit in het gedrang komt.\n\n"
            "Dia 5 - Geval: tweeten in eigen naam. U wilt kritiek geven op een nieuwe maatregel. Dat mag, als u zegt "
            "dat het uw mening is, de feiten juist weergeeft en niets prijsgeeft uit dossiers zonder "
            "eindbeslissing.\n\n"
            "Dia 6 - Geval: tijdens de werkuren. Een privébericht posten vanaf uw werkpc kan alleen heel beperkt en "
            "uitzonderlijk, met akkoord van uw leidinggevende en binnen de ICT-regels.\n\n"
            "Dia 7 - Geval: de grappige schermafdruk. Een aanvraag van een burger delen is nooit grappig: "
            "persoonsgegevens zijn vertrouwelijk, en vervagen biedt geen garantie.\n\n"
            "Dia 8 - Geval: het officiële account. Een partijpolitiek bericht liken vanaf het account van de "
            "organisatie kan niet: officiële kanalen blijven neutraal.\n\n"
            "Dia 9 - Onthoud. Spreek in eigen naam, houd de feiten juist, bewaar de discretie en vraag raad bij "
            "twijfel."
        ),
    },
    "summerschool-verslag": {
        "title": "Summerschool 'integer omgaan met sociale media' 2014 - verslag",
        "filename": "summerschool-2014-verslag.pdf",
        "text": (
            "Demosamenvatting, geschreven voor Loket. Deze tekst vat het verslag samen; het is geen officieel "
            "document.\n\n"
            "Opzet. Tijdens de summerschools van 2014 bespraken personeelsleden uit verschillende diensten in kleine "
            "groepen praktijkgevallen over sociale media op het werk. Na elk geval volgde een gesprek in de volle "
            "groep.\n\n"
            "Vaststelling 1: er is zelden een zwart-witantwoord. Bijna elk geval hangt af van de context: welke "
            "functie u hebt, met wie u praat en op welk platform. De deelnemers werkten liever niet met verboden, "
            "maar met vragen die u zichzelf stelt voor u iets plaatst.\n\n"
            "Vaststelling 2: de grens tussen werk en privé vervaagt. Ook op een privéaccount blijft u herkenbaar als "
            "personeelslid. Veel deelnemers besloten hun profielen na te kijken en duidelijker te vermelden dat ze "
            "in eigen naam spreken.\n\n"
            "Vaststelling 3: discretie is de belangrijkste grens. Dossiers zonder eindbeslissing en persoonsgegevens "
            "horen niet online, ook niet in een besloten groep.\n\n"
            "Vaststelling 4: kritiek hoort eerst intern thuis. Wie ontevreden is over een collega of een beslissing, "
            "spreekt die persoon of de leidinggevende aan. Intern het debat aangaan is een recht en een plicht.\n\n"
            "Vaststelling 5: leveranciers en klanten vragen extra voorzichtigheid. Een online vriendschap kan de "
            "schijn van partijdigheid wekken, ook als er niets aan de hand is.\n\n"
            "Aanbevelingen. De deelnemers vroegen om de handreiking beter bekend te maken, leidinggevenden voor te "
            "bereiden op vragen van hun team en praktijkgevallen te blijven gebruiken in opleidingen. Ze stelden ook "
            "voor om een vast aanspreekpunt te voorzien voor wie twijfelt.\n\n"
            "Tot slot. De ICT-code en de handreiking bleken bruikbaar houvast, op voorwaarde dat ze in gewone taal "
            "en met voorbeelden worden uitgelegd."
        ),
    },
}

# The home page's own title, intro and body, per language.
HOME: dict[str, dict[str, object]] = {
    "nl": {
        "title": "Welkom bij Loket",
        "intro": (
            "Met elke vraag aan de overheid kunt u terecht bij Loket, de informatiedienst. Zoek zelf een antwoord of "
            "neem contact op met een van onze medewerkers."
        ),
        "body": [
            ("heading", "Wat kunt u hier doen?"),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><strong>Zoeken en lezen</strong>: vind een antwoord in onze informatiepagina's. Onderaan elke "
                    "pagina laat u weten of ze u geholpen heeft.</li>"
                    "<li><strong>Mailen</strong>: stuur uw vraag via het <a "
                    'href="/contact/">contactformulier</a>. U krijgt zelf een kopie in uw mailbox.</li>'
                    '<li><strong>Chatten</strong>: <a href="/contact/">chat met een medewerker</a>. Terwijl u '
                    "wacht, ziet u uw plaats in de wachtrij.</li>"
                    "<li><strong>Bellen</strong>: bel gratis naar 1700, op werkdagen van 9 tot 19 uur.</li>"
                    "</ul>"
                    '<p>Alle kanalen op een rij vindt u op <a href="/contact/">Contacteer ons</a>.</p>'
                ),
            ),
            ("heading", "Voor personeelsleden"),
            (
                "paragraph",
                (
                    '<p>Werkt u zelf bij de overheid? Onder <a href="/integriteit/">Integriteit en deontologie</a> '
                    "vindt u de deontologische code, de richtlijnen voor het gebruik van sociale media en uitgewerkte "
                    'praktijkvoorbeelden. Op <a href="/werken-met-ict/">Werktijd en ICT</a> leest u hoe u correct '
                    "omgaat met uw werktijd, uw computer en uw gsm.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Voorbeeldinhoud",
                    "text": (
                        "<p>Deze pagina's zijn voorbeeldinhoud die bij Loket hoort. Redacteurs kunnen ze aanpassen of "
                        "vervangen in de beheeromgeving.</p>"
                    ),
                },
            ),
        ],
    },
    "en": {
        "title": "Welcome to Loket",
        "intro": (
            "Loket is the information service for every question you have for the government. Find an answer "
            "yourself, or get in touch with one of our staff."
        ),
        "body": [
            ("heading", "What can you do here?"),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><strong>Search and read</strong>: find an answer in our information pages. At the bottom of "
                    "each page you can tell us whether it helped you.</li>"
                    "<li><strong>E-mail</strong>: send your question through the contact form. You receive a copy in "
                    "your own mailbox.</li>"
                    "<li><strong>Chat</strong>: chat with a member of staff. While you wait, you see your place in the "
                    "queue.</li>"
                    "<li><strong>Phone</strong>: call 1700 free of charge, on working days from 9 am to 7 pm.</li>"
                    "</ul>"
                    '<p>All channels at a glance are on <a href="/contact/">Contact us</a>.</p>'
                ),
            ),
            ("heading", "For staff"),
            (
                "paragraph",
                (
                    "<p>Do you work for the government yourself? Under "
                    '<a href="/integriteit/">Integrity and ethics</a> you find the code of conduct, the guidelines for '
                    "using social media and worked-out cases from "
                    'practice. <a href="/werken-met-ict/">Working time and ICT</a> explains how to deal correctly with '
                    "your working time, your computer and your phone.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Demo content",
                    "text": (
                        "<p>These pages are demo content that comes with Loket. Editors can change or replace them in "
                        "the admin.</p>"
                    ),
                },
            ),
        ],
    },
}

# The page tree under the home page. Each page:
# {"slug": str (Dutch), "slug_en": str (English), "type": "index" | "article" | "guidance" | "contact",
#  "nl": LANG, "en": LANG, "children": [pages...]}
# LANG = {"title": str, "intro": str (plain text, 1-2 sentences), "body": [BLOCK, ...]}
# BLOCK is a tuple (kind, value):
#   ("heading", str)                          -> an h2 section heading
#   ("paragraph", str)                        -> rich text HTML; only <p>, <ul>, <ol>, <li>, <strong>, <em>,
#                                                <a href="...">
#   ("callout", {"tone": "info" | "warning", "title": str, "text": str (same HTML subset)})
#   ("documents", [document keys from DOCUMENTS])
#   ("rules", [{"title": str, "text": str (plain text)}, ...])    -> a numbered list of rules
#   ("channel", {"kind": "email" | "chat" | "phone" | "social", "title": str, "text": str (plain text), "link": str})
#        link: for "email" use "route:contact:email", for "chat" "route:contact:chat", for phone "tel:1700",
#        for social a normal URL or a path
# The children of the home page.
PAGES: list[dict[str, object]] = [
    {
        "slug": "integriteit",
        "slug_en": "integrity",
        "type": "index",
        "nl": {
            "title": "Integriteit en deontologie",
            "intro": (
                "Als personeelslid werkt u voor alle burgers. Op deze pagina's leest u wat dat betekent voor uw "
                "gedrag, op het werk en daarbuiten, online en offline."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Integer handelen is de basis van het vertrouwen dat burgers in de overheid stellen. Hier "
                        "vindt u de belangrijkste afspraken:</p>"
                        "<ul>"
                        '<li><a href="/integriteit/sociale-media/">Sociale media</a>: de regels, de handreiking en '
                        "uitgewerkte dilemma's voor wie online actief is.</li>"
                        '<li><a href="/integriteit/deontologische-code/">De deontologische code in het kort</a>: '
                        "loyaliteit, objectiviteit, discretie en uw vrijheid van meningsuiting.</li>"
                        '<li><a href="/integriteit/integriteitsschending-melden/">Een integriteitsschending '
                        "melden</a>: bij wie u terechtkunt en hoe u beschermd wordt.</li>"
                        '<li><a href="/integriteit/geschenken-en-uitnodigingen/">Geschenken en uitnodigingen</a>: '
                        "wanneer u iets mag aanvaarden en wanneer niet.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Twijfelt u?",
                        "text": (
                            "<p>Integriteit is niet altijd zwart-wit. Bespreek uw vraag met uw leidinggevende of met "
                            "de meldpunten integriteit, liefst voor u een beslissing neemt.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Integrity and ethics",
            "intro": (
                "As a member of staff you work for all citizens. These pages explain what that means for your "
                "conduct, at work and beyond, online and offline."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Acting with integrity is the basis of the trust citizens place in the government. Here "
                        "you will find the main agreements:</p>"
                        "<ul>"
                        '<li><a href="/integriteit/sociale-media/">Social media</a>: the rules, the guidelines and '
                        "worked-out dilemmas for anyone who is active online.</li>"
                        '<li><a href="/integriteit/deontologische-code/">The code of conduct in brief</a>: '
                        "loyalty, objectivity, confidentiality and your freedom of speech.</li>"
                        '<li><a href="/integriteit/integriteitsschending-melden/">Reporting an integrity '
                        "breach</a>: who you can turn to and how you are protected.</li>"
                        '<li><a href="/integriteit/geschenken-en-uitnodigingen/">Gifts and invitations</a>: when '
                        "you may accept something and when not.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "In doubt?",
                        "text": (
                            "<p>Integrity is not always black and white. Discuss your question with your manager or "
                            "with the integrity reporting points, preferably before you make a decision.</p>"
                        ),
                    },
                ),
            ],
        },
        "children": [
            {
                "slug": "sociale-media",
                "slug_en": "social-media",
                "type": "guidance",
                "nl": {
                    "title": "Sociale media",
                    "intro": (
                        "Hoe gebruikt u als personeelslid sociale media op een verstandige en integere manier? Hier "
                        "vindt u de regels, de handreiking en uitgewerkte praktijkvoorbeelden."
                    ),
                    "body": [
                        ("heading", "Wat zijn sociale media?"),
                        (
                            "paragraph",
                            (
                                "<p>Sociale media zijn online toepassingen waarop gebruikers met elkaar in gesprek "
                                "gaan, met tekst, beeld, geluid en video. Het verschil met een klassieke website: u "
                                "leest of kijkt er niet alleen, u plaatst er ook zelf berichten, reacties en foto's. "
                                "De communicatie loopt dus in twee richtingen.</p>"
                                "<p>Denk aan Facebook, X (het vroegere Twitter), LinkedIn, Instagram en YouTube, "
                                "maar ook aan fora, blogs en reacties onder nieuwsartikels.</p>"
                            ),
                        ),
                        ("heading", "Wat bieden sociale media?"),
                        (
                            "paragraph",
                            (
                                "<p>Heel wat personeelsleden zijn actief op sociale media, en dat opent deuren:</p>"
                                "<ul><li>u deelt uw kennis en ervaring met anderen;</li>"
                                "<li>u legt uw professionele ideeën voor aan de praktijk en krijgt snel "
                                "reacties;</li>"
                                "<li>u komt in contact met vakgenoten, burgers en organisaties uit uw werkveld.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Welke risico's zijn er?"),
                        (
                            "paragraph",
                            (
                                "<p>Diezelfde openheid brengt ook risico's mee. Online vervaagt de grens tussen werk "
                                "en privé snel. Wat u als privépersoon schrijft, kan gelezen worden als het "
                                "standpunt van uw organisatie. En omdat u herkenbaar bent als personeelslid, ziet "
                                "men u als een ambassadeur van de overheid.</p>"
                                "<p>Stel uzelf daarom telkens twee vragen: hoe houd ik werk en privé uit elkaar, en "
                                "in welke rol spreek ik hier? Een onbezonnen bericht kan gevolgen hebben voor uzelf, "
                                "tot een tuchtmaatregel toe, maar ook voor uw organisatie en het vertrouwen dat "
                                "burgers erin stellen.</p>"
                            ),
                        ),
                        ("heading", "De drie regels uit de deontologische code"),
                        (
                            "paragraph",
                            (
                                "<p>De deontologische code geldt ook online. Voor sociale media springen drie regels "
                                "eruit:</p>"
                            ),
                        ),
                        (
                            "rules",
                            [
                                {
                                    "title": "Wees verantwoordelijk en loyaal",
                                    "text": (
                                        "Denk na voor u iets plaatst: u draagt zelf de verantwoordelijkheid voor wat "
                                        "u online zet. Blijf loyaal tegenover uw collega's, uw leidinggevenden en de "
                                        "organisatie."
                                    ),
                                },
                                {
                                    "title": "Maak duidelijk namens wie u spreekt",
                                    "text": (
                                        "Laat altijd zien of u iets zegt als privépersoon of namens de organisatie. "
                                        "Geeft u uw eigen mening, vermeld dan dat het om uw persoonlijke standpunt "
                                        "gaat."
                                    ),
                                },
                                {
                                    "title": "Gebruik sociale media tijdens de werkuren voor uw werk",
                                    "text": (
                                        "Tijdens de werkuren zijn sociale media er voor uw opdracht. Online actief "
                                        "zijn is wellicht maar een deel van uw takenpakket: vergeet uw andere taken "
                                        "niet."
                                    ),
                                },
                            ],
                        ),
                        (
                            "callout",
                            {
                                "tone": "warning",
                                "title": "Verwijderd is niet verdwenen",
                                "text": (
                                    "<p>Een bericht dat u wist, kan al lang gedeeld of vastgelegd zijn in een "
                                    "schermafdruk. Ga ervan uit dat alles wat u online zet, blijft bestaan en tot "
                                    "bij u te herleiden is.</p>"
                                ),
                            },
                        ),
                        ("heading", "Het instrument: de handreiking sociale media"),
                        (
                            "paragraph",
                            (
                                "<p>De handreiking sociale media is samen met medewerkers uitgewerkt, in co-creatie. "
                                "Ze bundelt vooral richtlijnen voor u als individueel personeelslid: praktische "
                                "afspraken om sociale media verstandig te gebruiken, zowel privé als in uw job.</p>"
                                "<p>De handreiking staat niet op zichzelf. Ze hoort bij de visienota sociale media, "
                                "waarin de organisatie uitlegt waarom en hoe ze zelf sociale media inzet. Het "
                                "adviescomité gaf over beide teksten een positief advies. De handreiking ligt "
                                "bovendien in lijn met de <a "
                                'href="/integriteit/deontologische-code/">deontologische code</a>: ze vertaalt '
                                "dezelfde principes naar de online wereld. U vindt beide documenten onderaan deze "
                                "pagina.</p>"
                            ),
                        ),
                        ("heading", "De richtlijnen op een rij"),
                        (
                            "paragraph",
                            (
                                "<p>Samen leveren de handreiking en de deontologische code veertien richtlijnen op. "
                                "Ze gelden voor elk personeelslid, welke functie u ook hebt.</p>"
                            ),
                        ),
                        (
                            "rules",
                            [
                                {
                                    "title": "Spreek vrij, maar met zorg",
                                    "text": (
                                        "U mag uw mening geven, ook online. Men ziet u wel als ambassadeur van de "
                                        "overheid, dus gebruik die vrijheid bedachtzaam."
                                    ),
                                },
                                {
                                    "title": "De regels gelden overal",
                                    "text": (
                                        "Binnen en buiten de werkuren: in gesprekken, op sociale media, in reacties "
                                        "op websites, in lezingen en opiniestukken, in antwoorden aan journalisten "
                                        "en op radio en televisie."
                                    ),
                                },
                                {
                                    "title": "Spreek in eigen naam",
                                    "text": (
                                        "Maak duidelijk dat het om uw persoonlijke mening gaat, zeker als u kritiek "
                                        "hebt op het beleid of uw politieke overtuiging laat blijken."
                                    ),
                                },
                                {
                                    "title": "Geef correcte feiten",
                                    "text": (
                                        "Feitelijke informatie geeft u juist, volledig en objectief weer. Bent u "
                                        "niet zeker, zoek het dan eerst na of laat het bericht achterwege."
                                    ),
                                },
                                {
                                    "title": "U bent zichtbaar",
                                    "text": (
                                        "Online bent u herkenbaar en kan men u aanspreken op wat u plaatst. Een "
                                        "schermafdruk blijft bestaan, ook als u het bericht zelf verwijdert."
                                    ),
                                },
                                {
                                    "title": "Spreek het eerst intern uit",
                                    "text": (
                                        "Informatie uitwisselen en uw standpunt verdedigen bij collega's en "
                                        "leidinggevenden is een recht en een plicht. Daar hoort de discussie in de "
                                        "eerste plaats thuis."
                                    ),
                                },
                                {
                                    "title": "Discretie begrenst wat u zegt",
                                    "text": (
                                        "Zwijg over dossiers zonder eindbeslissing, over medische, fiscale, sociale "
                                        "of andere persoonsgegevens van collega's en burgers, en over vertrouwelijke "
                                        "commerciële, industriële of intellectuele gegevens. Die plicht loopt door "
                                        "nadat u vertrokken bent. Twijfelt u, vraag het dan aan uw leidinggevende."
                                    ),
                                },
                                {
                                    "title": "Wees loyaal",
                                    "text": (
                                        "Werk samen met uw collega's, respecteer de regels, streef naar de beste "
                                        "dienstverlening en wees trouw aan de democratische instellingen. Kritiek op "
                                        "iemand geeft u aan die persoon zelf, niet aan het internet."
                                    ),
                                },
                                {
                                    "title": "Blijf objectief",
                                    "text": (
                                        "Behandel gelijke gevallen gelijk en houd persoonlijke, politieke en "
                                        "religieuze voorkeuren buiten uw werk. Vermijd elke schijn van partijdigheid "
                                        "tegenover klanten, leveranciers of kandidaten."
                                    ),
                                },
                                {
                                    "title": "Werktijd en ICT zijn publieke middelen",
                                    "text": (
                                        "Privégebruik blijft heel beperkt en uitzonderlijk, met akkoord van uw "
                                        "leidinggevende en binnen de ICT-regels van uw entiteit (de ICT-code van "
                                        "2014). Controle gebeurt stapsgewijs; misbruik kan tot een tuchtmaatregel "
                                        "leiden."
                                    ),
                                },
                                {
                                    "title": "Meld wat niet door de beugel kan",
                                    "text": (
                                        "Misdrijven en integriteitsschendingen, zoals corruptie, fraude of een "
                                        "schending van het beroepsgeheim, meldt u aan uw leidinggevende, aan de "
                                        "interne auditdienst of aan de meldpunten integriteit. Wie meldt, wordt als "
                                        "klokkenluider beschermd."
                                    ),
                                },
                                {
                                    "title": "Geschenken en uitnodigingen",
                                    "text": (
                                        "Aanvaard niets van derden, tenzij het weinig waard is, in het belang van de "
                                        "organisatie is en met uw werk te maken heeft. Breng uw leidinggevende "
                                        "altijd op de hoogte."
                                    ),
                                },
                                {
                                    "title": "Officiële kanalen zijn politiek neutraal",
                                    "text": (
                                        "Alles wat u op een account van de organisatie plaatst, is communicatie in "
                                        "uw functie. Daar is geen plaats voor partijpolitiek of persoonlijke "
                                        "voorkeuren."
                                    ),
                                },
                                {
                                    "title": "De pers loopt via de woordvoerders",
                                    "text": (
                                        "Contacten met de pers verlopen via de aangewezen woordvoerders. Neemt een "
                                        "journalist contact met u op, verwijs dan door naar hen."
                                    ),
                                },
                            ],
                        ),
                        ("heading", "Summerschool 'Integer omgaan met sociale media' (2014)"),
                        (
                            "paragraph",
                            (
                                "<p>In 2014 liepen er summerschools over integer omgaan met sociale media op het "
                                "werk. Aan de hand van herkenbare praktijkgevallen zochten de deelnemers naar een "
                                "goed antwoord op vragen als:</p>"
                                "<ul>"
                                "<li>Wordt u best Facebookvrienden met collega's, met de mensen in uw team of met uw "
                                "leidinggevenden?</li>"
                                "<li>En met uw klanten, of met leveranciers van de organisatie?</li>"
                                "<li>Waarover kunt u tweeten in eigen naam?</li>"
                                "<li>Mag dat tijdens de werktijd, of net niet?</li>"
                                "</ul>"
                                "<p>De ICT-code en de handreiking sociale media boden houvast bij het zoeken naar "
                                "antwoorden.</p>"
                            ),
                        ),
                        ("heading", "De dilemma's uitgewerkt"),
                        (
                            "paragraph",
                            (
                                "<p>Voor elk van die vragen werkten de deelnemers een aanbevolen aanpak uit, telkens "
                                "gekoppeld aan de richtlijnen hierboven. Enkele voorbeelden:</p>"
                                "<ul><li><strong>Uw leidinggevende wil Facebookvrienden worden.</strong> Dat is niet "
                                "verboden, maar loyaliteit en discretie gelden ook daar, en wat u post, kan op het "
                                "werk ter sprake komen (richtlijnen 5, 7 en 8).</li>"
                                "<li><strong>Een leverancier in een lopende aanbesteding stuurt een "
                                "vriendschapsverzoek.</strong> Weiger of houd het contact strikt neutraal, verwittig "
                                "uw leidinggevende en geef het dossier door als uw objectiviteit in het gedrang komt "
                                "(richtlijnen 9 en 12).</li>"
                                "<li><strong>U wilt in eigen naam kritiek tweeten op een nieuwe maatregel.</strong> "
                                "Dat mag: zeg dat het uw mening is, houd de feiten juist en vermeld niets uit "
                                "dossiers zonder eindbeslissing (richtlijnen 3, 4 en 7).</li>"
                                "<li><strong>U wilt tijdens de werkuren iets privé posten vanaf uw werkpc.</strong> "
                                "Alleen heel beperkt en uitzonderlijk, met akkoord en binnen de ICT-regels "
                                "(richtlijn 10).</li>"
                                "</ul>"
                                "<p>In de presentatie en het verslag hieronder vindt u meer gevallen en de "
                                "conclusies van de deelnemers.</p>"
                            ),
                        ),
                        ("heading", "Documenten"),
                        (
                            "documents",
                            [
                                "handreiking",
                                "visienota",
                                "summerschool-presentatie",
                                "summerschool-verslag",
                            ],
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "Twijfelt u?",
                                "text": (
                                    '<p>Vraag het uw leidinggevende of <a href="/contact/">contacteer ons</a>. '
                                    "Liever een vraag te veel dan een bericht te veel.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Social media",
                    "intro": (
                        "How do you, as a member of staff, use social media wisely and with integrity? Here you will "
                        "find the rules, the guidelines and worked-out examples from practice."
                    ),
                    "body": [
                        ("heading", "What are social media?"),
                        (
                            "paragraph",
                            (
                                "<p>Social media are online applications where users talk to one another using text, "
                                "images, sound and video. The difference from a traditional website: you do not just "
                                "read or watch, you also post messages, comments and photos yourself. Communication "
                                "therefore runs in two directions.</p>"
                                "<p>Think of Facebook, X (formerly Twitter), LinkedIn, Instagram and YouTube, but "
                                "also of forums, blogs and comments under news articles.</p>"
                            ),
                        ),
                        ("heading", "What do social media offer?"),
                        (
                            "paragraph",
                            (
                                "<p>Many staff members are active on social media, and that opens doors:</p>"
                                "<ul><li>you share your knowledge and experience with others;</li>"
                                "<li>you put your professional ideas to the test of practice and get feedback "
                                "quickly;</li>"
                                "<li>you get in touch with peers, citizens and organisations in your field.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "What are the risks?"),
                        (
                            "paragraph",
                            (
                                "<p>That same openness also brings risks. Online, the line between work and private "
                                "life blurs quickly. What you write as a private person may be read as your "
                                "organisation's position. And because you are recognisable as a staff member, people "
                                "see you as an ambassador of the government.</p>"
                                "<p>So always ask yourself two questions: how do I keep work and private life apart, "
                                "and in what role am I speaking here? A thoughtless post can have consequences for "
                                "you, up to disciplinary action, but also for your organisation and the trust "
                                "citizens place in it.</p>"
                            ),
                        ),
                        ("heading", "The three rules from the code of conduct"),
                        (
                            "paragraph",
                            ("<p>The code of conduct applies online too. For social media, three rules stand out:</p>"),
                        ),
                        (
                            "rules",
                            [
                                {
                                    "title": "Be responsible and loyal",
                                    "text": (
                                        "Think before you post: you are responsible for what you put online. Stay "
                                        "loyal to your colleagues, your managers and the organisation."
                                    ),
                                },
                                {
                                    "title": "Make clear on whose behalf you speak",
                                    "text": (
                                        "Always show whether you are speaking as a private person or on behalf of "
                                        "the organisation. When you give your own opinion, state that it is your "
                                        "personal view."
                                    ),
                                },
                                {
                                    "title": "During working hours, use social media for your work",
                                    "text": (
                                        "During working hours, social media are there for your job. Being active "
                                        "online is probably just one part of your duties: do not forget your other "
                                        "tasks."
                                    ),
                                },
                            ],
                        ),
                        (
                            "callout",
                            {
                                "tone": "warning",
                                "title": "Deleted is not gone",
                                "text": (
                                    "<p>A post you delete may long since have been shared or captured in a "
                                    "screenshot. Assume that everything you put online stays there and can be traced "
                                    "back to you.</p>"
                                ),
                            },
                        ),
                        ("heading", "The instrument: the social media guidelines"),
                        (
                            "paragraph",
                            (
                                "<p>The social media guidelines (the <em>handreiking</em>) were drawn up together "
                                "with staff, through co-creation. They mainly consist of guidelines for you as an "
                                "individual staff member: practical agreements on using social media sensibly, both "
                                "privately and in your job.</p>"
                                "<p>The guidelines do not stand alone. They belong with the vision note on social "
                                "media, in which the organisation explains why and how it uses social media itself. "
                                "The advisory committee gave a positive opinion on both texts. The guidelines are "
                                'also in line with the <a href="/integriteit/deontologische-code/">code of '
                                "conduct</a>: they translate the same principles to the online world. You will find "
                                "both documents at the bottom of this page.</p>"
                            ),
                        ),
                        ("heading", "The guidelines at a glance"),
                        (
                            "paragraph",
                            (
                                "<p>Together, the guidelines and the code of conduct yield fourteen rules. They "
                                "apply to every staff member, whatever your position.</p>"
                            ),
                        ),
                        (
                            "rules",
                            [
                                {
                                    "title": "Speak freely, but with care",
                                    "text": (
                                        "You may give your opinion, online as well. People do see you as an "
                                        "ambassador of the government, so use that freedom thoughtfully."
                                    ),
                                },
                                {
                                    "title": "The rules apply everywhere",
                                    "text": (
                                        "On and off duty: in conversations, on social media, in comments on "
                                        "websites, in talks and opinion pieces, in answers to journalists and on "
                                        "radio and television."
                                    ),
                                },
                                {
                                    "title": "Speak in your own name",
                                    "text": (
                                        "Make clear that it is your personal opinion, especially when you criticise "
                                        "government policy or reveal your political convictions."
                                    ),
                                },
                                {
                                    "title": "Get the facts right",
                                    "text": (
                                        "You present factual information correctly, completely and objectively. If "
                                        "you are not sure, check first or do not post."
                                    ),
                                },
                                {
                                    "title": "You are visible",
                                    "text": (
                                        "Online you are recognisable and can be held to account for what you post. A "
                                        "screenshot survives, even if you delete the post itself."
                                    ),
                                },
                                {
                                    "title": "Speak up internally first",
                                    "text": (
                                        "Exchanging information and defending your views with colleagues and "
                                        "managers is both a right and a duty. That is where the discussion belongs "
                                        "in the first place."
                                    ),
                                },
                                {
                                    "title": "Confidentiality limits what you say",
                                    "text": (
                                        "Say nothing about files without a final decision, about medical, tax, "
                                        "social or other personal data of colleagues and citizens, or about "
                                        "confidential commercial, industrial or intellectual information. This duty "
                                        "continues after you leave. If in doubt, ask your manager."
                                    ),
                                },
                                {
                                    "title": "Be loyal",
                                    "text": (
                                        "Work together with your colleagues, respect the rules, strive for the best "
                                        "service and be faithful to democratic institutions. Give criticism of "
                                        "someone to that person directly, not to the internet."
                                    ),
                                },
                                {
                                    "title": "Stay objective",
                                    "text": (
                                        "Treat equal cases equally and keep personal, political and religious "
                                        "preferences out of your work. Avoid any appearance of partiality towards "
                                        "clients, suppliers or applicants."
                                    ),
                                },
                                {
                                    "title": "Working time and ICT are public resources",
                                    "text": (
                                        "Private use remains very limited and exceptional, with your manager's "
                                        "agreement and within your entity's ICT rules (the ICT code of 2014). "
                                        "Monitoring is graduated; misuse can lead to disciplinary action."
                                    ),
                                },
                                {
                                    "title": "Report what is out of line",
                                    "text": (
                                        "You report crimes and integrity breaches, such as corruption, fraud or a "
                                        "breach of professional secrecy, to your manager, the internal audit service "
                                        "or the integrity reporting points. Those who report are protected as "
                                        "whistle-blowers."
                                    ),
                                },
                                {
                                    "title": "Gifts and invitations",
                                    "text": (
                                        "Accept nothing from third parties unless it is of little value, in the "
                                        "organisation's interest and related to your work. Always inform your "
                                        "manager."
                                    ),
                                },
                                {
                                    "title": "Official channels are politically neutral",
                                    "text": (
                                        "Anything you post on an account of the organisation is communication in "
                                        "your official capacity. There is no room there for party politics or "
                                        "personal preferences."
                                    ),
                                },
                                {
                                    "title": "The press goes through the spokespersons",
                                    "text": (
                                        "Contact with the press goes through the designated spokespersons. If a "
                                        "journalist contacts you, refer them to the spokespersons."
                                    ),
                                },
                            ],
                        ),
                        ("heading", "Summer school 'Using social media with integrity' (2014)"),
                        (
                            "paragraph",
                            (
                                "<p>In 2014, summer schools were held on using social media with integrity at work. "
                                "Working through recognisable cases from practice, participants looked for good "
                                "answers to questions such as:</p>"
                                "<ul><li>Should you become Facebook friends with colleagues, with the people in your "
                                "team or with your managers?</li>"
                                "<li>And with your clients, or with the organisation's suppliers?</li>"
                                "<li>What can you tweet about in your own name?</li>"
                                "<li>May you do so during working time, or not?</li>"
                                "</ul>"
                                "<p>The ICT code and the social media guidelines offered something to hold on to "
                                "when looking for answers.</p>"
                            ),
                        ),
                        ("heading", "The dilemmas worked out"),
                        (
                            "paragraph",
                            (
                                "<p>For each of those questions, participants worked out a recommended approach, "
                                "each linked to the rules above. A few examples:</p>"
                                "<ul><li><strong>Your manager wants to be Facebook friends.</strong> That is not "
                                "forbidden, but loyalty and confidentiality apply there too, and what you post may "
                                "come up at work (rules 5, 7 and 8).</li>"
                                "<li><strong>A supplier in an ongoing tender sends you a friend request.</strong> "
                                "Decline, or keep the contact strictly neutral, inform your manager and hand over "
                                "the file if your objectivity is at stake (rules 9 and 12).</li>"
                                "<li><strong>You want to tweet criticism of a new measure in your own name.</strong> "
                                "That is allowed: say it is your opinion, keep the facts right and mention nothing "
                                "from files without a final decision (rules 3, 4 and 7).</li>"
                                "<li><strong>You want to post something private from your work PC during working "
                                "hours.</strong> Only very limited and exceptionally, with agreement and within the "
                                "ICT rules (rule 10).</li>"
                                "</ul>"
                                "<p>In the presentation and the report below you will find more cases and the "
                                "participants' conclusions.</p>"
                            ),
                        ),
                        ("heading", "Documents (in Dutch)"),
                        (
                            "documents",
                            [
                                "handreiking",
                                "visienota",
                                "summerschool-presentatie",
                                "summerschool-verslag",
                            ],
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "In doubt?",
                                "text": (
                                    '<p>Ask your manager or <a href="/contact/">contact us</a>. Better one '
                                    "question too many than one post too many.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "children": [],
            },
            {
                "slug": "deontologische-code",
                "slug_en": "code-of-conduct",
                "type": "article",
                "nl": {
                    "title": "De deontologische code in het kort",
                    "intro": (
                        "De deontologische code beschrijft wat de organisatie van elk personeelslid verwacht. "
                        "Hieronder vindt u de belangrijkste principes en wat ze in de praktijk betekenen."
                    ),
                    "body": [
                        ("heading", "Loyaliteit"),
                        (
                            "paragraph",
                            (
                                "<p>Loyaal zijn betekent dat u constructief samenwerkt met uw collega's en "
                                "leidinggevenden, de geldende regels respecteert en de beste dienstverlening "
                                "nastreeft. U bent trouw aan de democratische instellingen en voert beslissingen "
                                "correct uit, ook als u er zelf anders over denkt.</p>"
                                "<p>Loyaliteit is geen blinde gehoorzaamheid. Intern mag en moet u uw standpunt "
                                "verdedigen: informatie uitwisselen en kritisch meedenken is een recht en een "
                                "plicht. Kritiek op een collega of leidinggevende bespreekt u met die persoon, niet "
                                "in het openbaar.</p>"
                            ),
                        ),
                        ("heading", "Objectiviteit"),
                        (
                            "paragraph",
                            (
                                "<p>U behandelt gelijke gevallen gelijk en neemt beslissingen op basis van feiten en "
                                "regels. Persoonlijke, politieke of religieuze voorkeuren spelen geen rol in uw "
                                "werk.</p>"
                                "<p>Vermijd ook de schijn van partijdigheid, bijvoorbeeld door nauwe banden met "
                                "klanten, leveranciers of kandidaten in een selectie. Hebt u een persoonlijk belang "
                                "in een dossier, meld het dan aan uw leidinggevende en laat het door een collega "
                                "behandelen.</p>"
                            ),
                        ),
                        ("heading", "Discretie"),
                        (
                            "paragraph",
                            (
                                "<p>Sommige informatie mag u niet verspreiden, ook niet aan vrienden of familie:</p>"
                                "<ul><li>dossiers waarin nog geen eindbeslissing is genomen;</li>"
                                "<li>medische, fiscale, sociale of andere persoonsgegevens van collega's en "
                                "burgers;</li>"
                                "<li>vertrouwelijke commerciële, industriële of intellectuele gegevens.</li>"
                                "</ul>"
                                "<p>Die discretieplicht blijft gelden nadat u de organisatie verlaten hebt. Twijfelt "
                                "u of iets vertrouwelijk is? Vraag het dan aan uw leidinggevende.</p>"
                            ),
                        ),
                        ("heading", "Vrijheid van meningsuiting, met zorg"),
                        (
                            "paragraph",
                            (
                                "<p>Als personeelslid hebt u dezelfde vrijheid van meningsuiting als elke burger. "
                                "Omdat men u ziet als ambassadeur van de overheid, gaat u er wel zorgvuldig mee "
                                "om:</p>"
                                "<ul>"
                                "<li>maak duidelijk dat u in eigen naam spreekt, zeker bij kritiek op het beleid of "
                                "politieke uitspraken;</li>"
                                "<li>geef feiten juist, volledig en objectief weer;</li>"
                                "<li>respecteer de discretieplicht.</li>"
                                "</ul>"
                                "<p>Dat geldt overal: in gesprekken, op sociale media, in reacties op websites, in "
                                "lezingen, opiniestukken en interviews. Contacten met de pers lopen via de "
                                "aangewezen woordvoerders. Meer over online gedrag leest u op <a "
                                'href="/integriteit/sociale-media/">Sociale media</a>.</p>'
                            ),
                        ),
                        ("heading", "Meldingsplicht"),
                        (
                            "paragraph",
                            (
                                "<p>Stelt u een misdrijf of een integriteitsschending vast, zoals corruptie, fraude "
                                "of een schending van het beroepsgeheim? Dan meldt u dat. Hoe u dat doet en hoe u "
                                "beschermd wordt, leest u op <a "
                                'href="/integriteit/integriteitsschending-melden/">Een integriteitsschending '
                                "melden</a>.</p>"
                            ),
                        ),
                        ("heading", "Geschenken en uitnodigingen"),
                        (
                            "paragraph",
                            (
                                "<p>U vraagt of aanvaardt geen geschenken, voordelen of uitnodigingen die uw "
                                "onafhankelijkheid in twijfel kunnen trekken. Een uitzondering kan alleen voor iets "
                                "van geringe waarde, in het belang van de organisatie en in verband met uw werk, en "
                                "altijd met medeweten van uw leidinggevende. Lees meer op <a "
                                'href="/integriteit/geschenken-en-uitnodigingen/">Geschenken en '
                                "uitnodigingen</a>.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "De code geldt altijd",
                                "text": (
                                    "<p>De deontologische code geldt binnen en buiten de werkuren, op het werk en "
                                    "daarbuiten, online en offline.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "The code of conduct in brief",
                    "intro": (
                        "The code of conduct describes what the organisation expects of every staff member. Below "
                        "you will find its main principles and what they mean in practice."
                    ),
                    "body": [
                        ("heading", "Loyalty"),
                        (
                            "paragraph",
                            (
                                "<p>Being loyal means that you work constructively with your colleagues and "
                                "managers, respect the rules in force and strive for the best service. You are "
                                "faithful to democratic institutions and carry out decisions properly, even if you "
                                "think differently about them yourself.</p>"
                                "<p>Loyalty is not blind obedience. Internally you may, and should, defend your "
                                "views: exchanging information and thinking critically along with others is a right "
                                "and a duty. Criticism of a colleague or manager is something you discuss with that "
                                "person, not in public.</p>"
                            ),
                        ),
                        ("heading", "Objectivity"),
                        (
                            "paragraph",
                            (
                                "<p>You treat equal cases equally and base decisions on facts and rules. Personal, "
                                "political or religious preferences play no part in your work.</p>"
                                "<p>Also avoid any appearance of partiality, for example through close ties with "
                                "clients, suppliers or candidates in a selection procedure. If you have a personal "
                                "interest in a file, report it to your manager and have a colleague deal with it.</p>"
                            ),
                        ),
                        ("heading", "Confidentiality"),
                        (
                            "paragraph",
                            (
                                "<p>Some information you may not pass on, not even to friends or family:</p>"
                                "<ul><li>files in which no final decision has yet been taken;</li>"
                                "<li>medical, tax, social or other personal data of colleagues and citizens;</li>"
                                "<li>confidential commercial, industrial or intellectual information.</li>"
                                "</ul>"
                                "<p>This duty of confidentiality continues after you have left the organisation. Not "
                                "sure whether something is confidential? Then ask your manager.</p>"
                            ),
                        ),
                        ("heading", "Freedom of speech, with care"),
                        (
                            "paragraph",
                            (
                                "<p>As a staff member you have the same freedom of speech as any citizen. Because "
                                "people see you as an ambassador of the government, you do use it with care:</p>"
                                "<ul>"
                                "<li>make clear that you are speaking in your own name, especially when criticising "
                                "policy or making political statements;</li>"
                                "<li>present facts correctly, completely and objectively;</li>"
                                "<li>respect the duty of confidentiality.</li>"
                                "</ul>"
                                "<p>This applies everywhere: in conversations, on social media, in comments on "
                                "websites, in talks, opinion pieces and interviews. Contact with the press goes "
                                "through the designated spokespersons. You can read more about behaviour online on "
                                '<a href="/integriteit/sociale-media/">Social media</a>.</p>'
                            ),
                        ),
                        ("heading", "Duty to report"),
                        (
                            "paragraph",
                            (
                                "<p>Do you come across a crime or an integrity breach, such as corruption, fraud or "
                                "a breach of professional secrecy? Then you report it. How to do so, and how you are "
                                "protected, is explained on <a "
                                'href="/integriteit/integriteitsschending-melden/">Reporting an integrity '
                                "breach</a>.</p>"
                            ),
                        ),
                        ("heading", "Gifts and invitations"),
                        (
                            "paragraph",
                            (
                                "<p>You do not ask for or accept gifts, benefits or invitations that could call your "
                                "independence into question. An exception is possible only for something of low "
                                "value, in the organisation's interest and related to your work, and always with "
                                "your manager's knowledge. Read more on <a "
                                'href="/integriteit/geschenken-en-uitnodigingen/">Gifts and invitations</a>.</p>'
                            ),
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "The code always applies",
                                "text": (
                                    "<p>The code of conduct applies on and off duty, at work and beyond, online and "
                                    "offline.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "children": [],
            },
            {
                "slug": "integriteitsschending-melden",
                "slug_en": "reporting-an-integrity-breach",
                "type": "article",
                "nl": {
                    "title": "Een integriteitsschending melden",
                    "intro": (
                        "Merkt u in uw werk een misdrijf of een integriteitsschending op? Dan bent u verplicht om "
                        "dat te melden; hier leest u hoe, en hoe u daarbij beschermd wordt."
                    ),
                    "body": [
                        ("heading", "Wat meldt u?"),
                        (
                            "paragraph",
                            (
                                "<p>Het gaat om feiten die het vertrouwen in de overheid ernstig kunnen schaden, "
                                "bijvoorbeeld:</p>"
                                "<ul>"
                                "<li>corruptie, zoals geld of gunsten aanvaarden in ruil voor een beslissing;</li>"
                                "<li>fraude met middelen, subsidies of onkostendeclaraties;</li>"
                                "<li>een schending van het beroepsgeheim, zoals het lekken van informatie uit een "
                                "lopende aanbesteding;</li>"
                                "<li>misbruik van uw functie of van publieke middelen;</li>"
                                "<li>andere misdrijven die u in de uitoefening van uw functie vaststelt.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Bij wie meldt u?"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Bij uw leidinggevende.</strong> Dat is meestal de eerste en snelste "
                                "weg.</li>"
                                "<li><strong>Bij de interne auditdienst of de meldpunten integriteit.</strong> Kies "
                                "voor deze weg als u liever niet via uw leidinggevende gaat, bijvoorbeeld omdat die "
                                "zelf bij de feiten betrokken is.</li>"
                                "</ol>"
                            ),
                        ),
                        ("heading", "Hoe meldt u?"),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li>Beschrijf zo precies mogelijk wat u gezien of gehoord hebt: wie, wat, wanneer "
                                "en waar.</li>"
                                "<li>Voeg documenten toe als u ze al hebt, maar ga niet zelf op onderzoek.</li>"
                                "<li>Houd uw melding vertrouwelijk en bespreek ze niet met collega's.</li>"
                                "<li>Meld nooit via sociale media of een ander openbaar kanaal.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Bescherming als klokkenluider"),
                        (
                            "paragraph",
                            (
                                "<p>Wie te goeder trouw een melding doet, wordt beschermd. Uw identiteit wordt "
                                "vertrouwelijk behandeld en uw melding mag geen nadelige gevolgen hebben voor uw "
                                "evaluatie, uw loopbaan of uw werkomstandigheden. Voelt u zich na uw melding toch "
                                "benadeeld, laat het dan weten aan het meldpunt.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "tone": "warning",
                                "title": "Niet op sociale media",
                                "text": (
                                    "<p>Een misstand aanklagen op sociale media lijkt snel, maar het kan het "
                                    "onderzoek schaden, onschuldigen in een kwaad daglicht stellen en uw eigen "
                                    "bescherming in gevaar brengen. Gebruik de interne meldkanalen.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "Twijfelt u of iets een schending is?",
                                "text": (
                                    "<p>Bespreek het vertrouwelijk met uw leidinggevende of met de meldpunten "
                                    "integriteit. Ook een vraag om advies is welkom.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Reporting an integrity breach",
                    "intro": (
                        "Do you notice a crime or an integrity breach in your work? Then you are obliged to report "
                        "it; here you can read how, and how you are protected when you do."
                    ),
                    "body": [
                        ("heading", "What do you report?"),
                        (
                            "paragraph",
                            (
                                "<p>It concerns facts that could seriously damage trust in the government, for "
                                "example:</p>"
                                "<ul>"
                                "<li>corruption, such as accepting money or favours in exchange for a decision;</li>"
                                "<li>fraud involving resources, subsidies or expense claims;</li>"
                                "<li>a breach of professional secrecy, such as leaking information from an ongoing "
                                "tender;</li>"
                                "<li>misuse of your position or of public resources;</li>"
                                "<li>other crimes you come across while carrying out your duties.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Who do you report to?"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Your manager.</strong> That is usually the first and quickest "
                                "route.</li>"
                                "<li><strong>The internal audit service or the integrity reporting points.</strong> "
                                "Choose this route if you would rather not go through your manager, for example "
                                "because they are involved in the facts themselves.</li>"
                                "</ol>"
                            ),
                        ),
                        ("heading", "How do you report?"),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li>Describe as precisely as possible what you saw or heard: who, what, when and "
                                "where.</li>"
                                "<li>Attach documents if you already have them, but do not investigate yourself.</li>"
                                "<li>Keep your report confidential and do not discuss it with colleagues.</li>"
                                "<li>Never report through social media or any other public channel.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Whistle-blower protection"),
                        (
                            "paragraph",
                            (
                                "<p>Anyone who makes a report in good faith is protected. Your identity is treated "
                                "confidentially and your report may not have adverse consequences for your "
                                "appraisal, your career or your working conditions. If you nevertheless feel "
                                "disadvantaged after your report, let the reporting point know.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "tone": "warning",
                                "title": "Not on social media",
                                "text": (
                                    "<p>Denouncing wrongdoing on social media may seem quick, but it can harm the "
                                    "investigation, cast innocent people in a bad light and put your own protection "
                                    "at risk. Use the internal reporting channels.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "Not sure whether something is a breach?",
                                "text": (
                                    "<p>Discuss it in confidence with your manager or with the integrity reporting "
                                    "points. A request for advice is welcome too.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "children": [],
            },
            {
                "slug": "geschenken-en-uitnodigingen",
                "slug_en": "gifts-and-invitations",
                "type": "article",
                "nl": {
                    "title": "Geschenken en uitnodigingen",
                    "intro": (
                        "Als personeelslid krijgt u soms een geschenk of een uitnodiging van een burger, klant of "
                        "leverancier. Wanneer mag u die aanvaarden, en wanneer niet?"
                    ),
                    "body": [
                        ("heading", "Het principe"),
                        (
                            "paragraph",
                            (
                                "<p>U aanvaardt in principe geen geschenken, voordelen of uitnodigingen van derden. "
                                "Zo blijft u onafhankelijk en vermijdt u zelfs de schijn dat iemand uw beslissingen "
                                "kan beïnvloeden.</p>"
                            ),
                        ),
                        ("heading", "Wanneer kan het wel?"),
                        (
                            "paragraph",
                            (
                                "<p>Een uitzondering is alleen mogelijk als aan alle drie de voorwaarden voldaan "
                                "is:</p>"
                                "<ol><li>het geschenk of de uitnodiging heeft een geringe waarde;</li>"
                                "<li>aanvaarden is in het belang van de organisatie;</li>"
                                "<li>het houdt verband met uw werk.</li>"
                                "</ol>"
                                "<p>Ook dan brengt u uw leidinggevende altijd op de hoogte.</p>"
                            ),
                        ),
                        ("heading", "Voorbeelden"),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><strong>Een doos pralines van een tevreden burger na de feestdagen.</strong> "
                                "Een kleine attentie: deel ze met uw team en laat het uw leidinggevende weten.</li>"
                                "<li><strong>Concerttickets van een leverancier die meedingt naar een "
                                "opdracht.</strong> Niet aanvaarden: het risico op partijdigheid is te groot.</li>"
                                "<li><strong>Een uitnodiging om te spreken op een vakcongres, met lunch.</strong> "
                                "Werkgerelateerd en in het belang van de organisatie. Bespreek het vooraf met uw "
                                "leidinggevende.</li>"
                                "<li><strong>Geld, cadeaubonnen of kortingen voor privégebruik.</strong> Nooit.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Een geschenk weigeren"),
                        (
                            "paragraph",
                            (
                                "<p>Weiger beleefd en leg uit dat de regels van de organisatie u niet toestaan om "
                                "het te aanvaarden. De meeste mensen begrijpen dat. Werd het geschenk al bezorgd, "
                                "bespreek dan met uw leidinggevende of u het terugstuurt of bijvoorbeeld aan een "
                                "goed doel schenkt.</p>"
                            ),
                        ),
                        ("heading", "Ook online"),
                        (
                            "paragraph",
                            (
                                "<p>Ook via sociale media kunnen voordelen aangeboden worden: een uitnodiging voor "
                                "een exclusief evenement, een gratis abonnement of een persoonlijke korting. Daar "
                                "gelden dezelfde regels. Een vriendschapsverzoek van een leverancier in een lopende "
                                "opdracht weigert u, of u houdt het contact strikt neutraal, en u verwittigt uw "
                                "leidinggevende.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "Twijfelt u?",
                                "text": (
                                    "<p>Vraag het vooraf aan uw leidinggevende. Iets melden is altijd beter dan het "
                                    "achteraf te moeten uitleggen.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Gifts and invitations",
                    "intro": (
                        "As a staff member you sometimes receive a gift or an invitation from a citizen, client or "
                        "supplier. When may you accept it, and when not?"
                    ),
                    "body": [
                        ("heading", "The principle"),
                        (
                            "paragraph",
                            (
                                "<p>As a rule, you do not accept gifts, benefits or invitations from third parties. "
                                "That way you stay independent and avoid even the appearance that someone can "
                                "influence your decisions.</p>"
                            ),
                        ),
                        ("heading", "When is it allowed?"),
                        (
                            "paragraph",
                            (
                                "<p>An exception is possible only if all three conditions are met:</p>"
                                "<ol><li>the gift or invitation is of low value;</li>"
                                "<li>accepting it is in the organisation's interest;</li>"
                                "<li>it is related to your work.</li>"
                                "</ol>"
                                "<p>Even then, you always inform your manager.</p>"
                            ),
                        ),
                        ("heading", "Examples"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>A box of chocolates from a satisfied citizen after the "
                                "holidays.</strong> A small token: share it with your team and let your manager "
                                "know.</li>"
                                "<li><strong>Concert tickets from a supplier bidding for a contract.</strong> Do not "
                                "accept: the risk of partiality is too great.</li>"
                                "<li><strong>An invitation to speak at a professional conference, with "
                                "lunch.</strong> Work-related and in the organisation's interest. Discuss it with "
                                "your manager beforehand.</li>"
                                "<li><strong>Money, gift vouchers or discounts for private use.</strong> Never.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Declining a gift"),
                        (
                            "paragraph",
                            (
                                "<p>Decline politely and explain that the organisation's rules do not allow you to "
                                "accept it. Most people understand. If the gift has already been delivered, discuss "
                                "with your manager whether to send it back or, for example, donate it to a good "
                                "cause.</p>"
                            ),
                        ),
                        ("heading", "Online too"),
                        (
                            "paragraph",
                            (
                                "<p>Benefits can also be offered through social media: an invitation to an exclusive "
                                "event, a free subscription or a personal discount. The same rules apply there. A "
                                "friend request from a supplier in an ongoing contract is one you decline, or you "
                                "keep the contact strictly neutral, and you inform your manager.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "title": "In doubt?",
                                "text": (
                                    "<p>Ask your manager beforehand. Reporting something is always better than "
                                    "having to explain it afterwards.</p>"
                                ),
                            },
                        ),
                    ],
                },
                "children": [],
            },
        ],
    },
    {
        "slug": "werken-met-ict",
        "slug_en": "working-time-and-ict",
        "type": "article",
        "nl": {
            "title": "Werktijd en ICT",
            "intro": (
                "Uw werktijd, uw computer, uw gsm en de internetverbinding van de organisatie zijn publieke "
                "middelen. Zo gaat u er correct mee om."
            ),
            "body": [
                ("heading", "Publieke middelen"),
                (
                    "paragraph",
                    (
                        "<p>De overheid wordt betaald met belastinggeld. Daarom zet u uw werktijd en de ICT-middelen "
                        "die u krijgt, in voor uw opdracht. Dat gaat onder meer over:</p>"
                        "<ul><li>uw pc of laptop en uw gsm;</li>"
                        "<li>uw e-mailadres van de organisatie;</li>"
                        "<li>het netwerk, de internetverbinding en de software van de organisatie.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "De ICT-code van 2014"),
                (
                    "paragraph",
                    (
                        "<p>Sinds 2014 legt de ICT-code vast hoe personeelsleden met ICT-middelen omgaan. Daarnaast "
                        "kan uw entiteit eigen ICT-regels hebben die de code aanvullen. Weet u niet precies welke "
                        "regels voor u gelden, vraag het dan aan uw leidinggevende of uw ICT-dienst.</p>"
                    ),
                ),
                ("heading", "Beperkt privégebruik"),
                (
                    "paragraph",
                    (
                        "<p>Privégebruik is niet volledig uitgesloten, maar het blijft:</p>"
                        "<ul><li>heel beperkt in tijd en omvang;</li>"
                        "<li>uitzonderlijk, niet dagelijks of structureel;</li>"
                        "<li>afhankelijk van het akkoord van uw leidinggevende;</li>"
                        "<li>binnen de ICT-regels van uw entiteit.</li>"
                        "</ul>"
                        "<p>Een korte privémail in een dringend geval kan dus, met akkoord. Tijdens de werkuren lang "
                        "privé op sociale media zitten, kan niet. Gebruik uw werkadres ook niet om u in te schrijven "
                        "op privédiensten.</p>"
                    ),
                ),
                ("heading", "Sociale media op het werk"),
                (
                    "paragraph",
                    (
                        "<p>Tijdens de werkuren gebruikt u sociale media voor uw werk. Beheert u een account van de "
                        "organisatie, dan communiceert u in uw functie: politiek neutraal, correct en met respect "
                        "voor de discretieplicht. Meer daarover leest u op <a "
                        'href="/integriteit/sociale-media/">Sociale media</a>.</p>'
                    ),
                ),
                ("heading", "Controle gebeurt stapsgewijs"),
                (
                    "paragraph",
                    (
                        "<p>De organisatie mag het gebruik van haar ICT-middelen controleren, maar doet dat "
                        "stapsgewijs. Eerst gaat het om algemene controles die niet naar een persoon te herleiden "
                        "zijn. Pas als daaruit aanwijzingen van misbruik blijken, kan een gerichte controle volgen, "
                        "volgens vaste afspraken en met respect voor uw privacy.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Misbruik heeft gevolgen",
                        "text": (
                            "<p>Wie werktijd of ICT-middelen misbruikt, riskeert een tuchtmaatregel. Twijfelt u of "
                            "iets mag? Vraag het vooraf aan uw leidinggevende.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Working time and ICT",
            "intro": (
                "Your working time, your computer, your mobile phone and the organisation's internet connection are "
                "public resources. Here is how to use them properly."
            ),
            "body": [
                ("heading", "Public resources"),
                (
                    "paragraph",
                    (
                        "<p>The government is paid for with taxpayers' money. That is why you use your working time "
                        "and the ICT resources you are given for your job. This includes:</p>"
                        "<ul><li>your PC or laptop and your mobile phone;</li>"
                        "<li>your e-mail address at the organisation;</li>"
                        "<li>the organisation's network, internet connection and software.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "The ICT code of 2014"),
                (
                    "paragraph",
                    (
                        "<p>Since 2014, the ICT code has set out how staff use ICT resources. Your entity may also "
                        "have its own ICT rules that supplement the code. If you are not sure which rules apply to "
                        "you, ask your manager or your ICT department.</p>"
                    ),
                ),
                ("heading", "Limited private use"),
                (
                    "paragraph",
                    (
                        "<p>Private use is not entirely ruled out, but it remains:</p>"
                        "<ul><li>very limited in time and scope;</li>"
                        "<li>exceptional, not daily or structural;</li>"
                        "<li>subject to your manager's agreement;</li>"
                        "<li>within your entity's ICT rules.</li>"
                        "</ul>"
                        "<p>A short private e-mail in an urgent case is therefore possible, with agreement. Spending "
                        "a long time on social media for private purposes during working hours is not. Do not use "
                        "your work address to sign up for private services either.</p>"
                    ),
                ),
                ("heading", "Social media at work"),
                (
                    "paragraph",
                    (
                        "<p>During working hours you use social media for your work. If you manage an account of the "
                        "organisation, you communicate in your official capacity: politically neutral, accurate and "
                        "respecting the duty of confidentiality. You can read more about this on <a "
                        'href="/integriteit/sociale-media/">Social media</a>.</p>'
                    ),
                ),
                ("heading", "Monitoring is graduated"),
                (
                    "paragraph",
                    (
                        "<p>The organisation may monitor the use of its ICT resources, but it does so step by step. "
                        "First come general checks that cannot be traced back to an individual. Only if these reveal "
                        "signs of misuse can a targeted check follow, according to fixed agreements and with respect "
                        "for your privacy.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Misuse has consequences",
                        "text": (
                            "<p>Anyone who misuses working time or ICT resources risks disciplinary action. Not sure "
                            "whether something is allowed? Ask your manager beforehand.</p>"
                        ),
                    },
                ),
            ],
        },
        "children": [],
    },
    {
        "slug": "contact",
        "slug_en": "contact",
        "type": "contact",
        "nl": {
            "title": "Contacteer ons",
            "intro": (
                "Hebt u een vraag aan de overheid? Kies het kanaal dat u het best past: e-mail, chat, telefoon of "
                "sociale media."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Met elke vraag aan de overheid kunt u terecht bij 1700, de informatiedienst. Weet u niet "
                        "bij welke dienst u moet zijn? Wij zoeken het voor u uit of verwijzen u door naar de juiste "
                        "plek.</p>"
                    ),
                ),
                (
                    "channel",
                    {
                        "kind": "email",
                        "title": "Stuur een e-mail",
                        "text": (
                            "Mail uw vraag naar 1700. De informatiedienst behandelt elke vraag die u aan de overheid "
                            "hebt. Zodra u het formulier verstuurt, krijgt u zelf een kopie in uw mailbox."
                        ),
                        "link": "route:contact:email",
                    },
                ),
                (
                    "channel",
                    {
                        "kind": "chat",
                        "title": "Chat met ons",
                        "text": (
                            "Uw gesprek begint vanzelf zodra een medewerker vrij is. Terwijl u wacht, ziet u welke "
                            "plaats u in de wachtrij hebt."
                        ),
                        "link": "route:contact:chat",
                    },
                ),
                (
                    "channel",
                    {
                        "kind": "phone",
                        "title": "Bel 1700",
                        "text": "Bel gratis naar 1700, elke werkdag van 9 tot 19 uur.",
                        "link": "tel:1700",
                    },
                ),
                (
                    "channel",
                    {
                        "kind": "social",
                        "title": "Sociale media",
                        "text": (
                            "Volg ons voor nieuws en praktische tips. Voor vragen over uw persoonlijke situatie "
                            "gebruikt u beter e-mail of chat."
                        ),
                        "link": "/contact/sociale-media/",
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Uw persoonsgegevens",
                        "text": (
                            "<p>Vermeld nooit uw rijksregisternummer of andere persoonlijke gegevens in een openbare "
                            "reactie op sociale media. Gebruik daarvoor e-mail of chat.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Contact us",
            "intro": (
                "Do you have a question for the government? Choose the channel that suits you best: e-mail, chat, "
                "phone or social media."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Whatever your question to the government, you can turn to 1700, the information service. "
                        "Not sure which department you need? We will find out for you or refer you to the right "
                        "place.</p>"
                    ),
                ),
                (
                    "channel",
                    {
                        "kind": "email",
                        "title": "Send an e-mail",
                        "text": (
                            "E-mail 1700: the information service handles any question you have for the government. "
                            "As soon as you send the form, you receive a copy in your mailbox yourself."
                        ),
                        "link": "route:contact:email",
                    },
                ),
                (
                    "channel",
                    {
                        "kind": "chat",
                        "title": "Chat with us",
                        "text": (
                            "Your conversation starts by itself as soon as a member of staff is free. While you "
                            "wait, you can see your place in the queue."
                        ),
                        "link": "route:contact:chat",
                    },
                ),
                (
                    "channel",
                    {
                        "kind": "phone",
                        "title": "Call 1700",
                        "text": "Call 1700 free of charge, every working day from 9 am to 7 pm.",
                        "link": "tel:1700",
                    },
                ),
                (
                    "channel",
                    {
                        "kind": "social",
                        "title": "Social media",
                        "text": (
                            "Follow us for news and practical tips. For questions about your personal situation, "
                            "e-mail or chat is the better choice."
                        ),
                        "link": "/contact/sociale-media/",
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Your personal data",
                        "text": (
                            "<p>Never include your national register number or other personal details in a public "
                            "comment on social media. Use e-mail or chat for that.</p>"
                        ),
                    },
                ),
            ],
        },
        "children": [
            {
                "slug": "sociale-media",
                "slug_en": "social-media",
                "type": "article",
                "nl": {
                    "title": "Volg ons op sociale media",
                    "intro": (
                        "Op onze accounts delen we nieuws, praktische tips en antwoorden op veelgestelde vragen. Zo "
                        "blijft u op de hoogte van wat de overheid voor u doet."
                    ),
                    "body": [
                        ("heading", "Onze accounts"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Facebook: <a "
                                'href="https://social.example.org/facebook/@loket1700">@loket1700</a></li>'
                                '<li>X: <a href="https://social.example.org/x/@loket1700">@loket1700</a></li>'
                                "<li>LinkedIn: <a "
                                'href="https://social.example.org/linkedin/@loket-informatiedienst">Loket '
                                "informatiedienst</a></li>"
                                "<li>Instagram: <a "
                                'href="https://social.example.org/instagram/@loket.1700">@loket.1700</a></li>'
                                '<li>YouTube: <a href="https://social.example.org/youtube/@loket1700">Loket '
                                "1700</a></li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Persoonlijke vragen"),
                        (
                            "paragraph",
                            (
                                "<p>Hebt u een vraag over uw eigen situatie? Stel ze dan niet in een openbare "
                                'reactie, maar via <a href="/contact/">e-mail</a> of <a '
                                'href="/contact/">chat</a>. Zo blijven uw persoonsgegevens beschermd en kan '
                                "een medewerker uw vraag grondig bekijken. U kunt ook gratis bellen naar 1700.</p>"
                            ),
                        ),
                        ("heading", "Neutrale, officiële kanalen"),
                        (
                            "paragraph",
                            (
                                "<p>Deze accounts zijn officiële kanalen van de informatiedienst. Ze zijn politiek "
                                "neutraal: we delen er geen partijpolitieke berichten en nemen geen standpunt in bij "
                                "politieke discussies.</p>"
                                "<p>We lezen alle reacties. Berichten die beledigend of discriminerend zijn, reclame "
                                "bevatten of persoonsgegevens van anderen vermelden, kunnen we verwijderen.</p>"
                            ),
                        ),
                    ],
                },
                "en": {
                    "title": "Follow us on social media",
                    "intro": (
                        "On our accounts we share news, practical tips and answers to frequently asked questions. "
                        "That way you stay informed about what the government does for you."
                    ),
                    "body": [
                        ("heading", "Our accounts"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Facebook: <a "
                                'href="https://social.example.org/facebook/@loket1700">@loket1700</a></li>'
                                '<li>X: <a href="https://social.example.org/x/@loket1700">@loket1700</a></li>'
                                "<li>LinkedIn: <a "
                                'href="https://social.example.org/linkedin/@loket-informatiedienst">Loket '
                                "information service</a></li>"
                                "<li>Instagram: <a "
                                'href="https://social.example.org/instagram/@loket.1700">@loket.1700</a></li>'
                                '<li>YouTube: <a href="https://social.example.org/youtube/@loket1700">Loket '
                                "1700</a></li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", "Personal questions"),
                        (
                            "paragraph",
                            (
                                "<p>Do you have a question about your own situation? Then do not ask it in a public "
                                'comment, but by <a href="/contact/">e-mail</a> or <a '
                                'href="/contact/">chat</a>. That way your personal data stays protected and a '
                                "member of staff can look into your question properly. You can also call 1700 free "
                                "of charge.</p>"
                            ),
                        ),
                        ("heading", "Neutral, official channels"),
                        (
                            "paragraph",
                            (
                                "<p>These accounts are official channels of the information service. They are "
                                "politically neutral: we do not share party-political posts and take no position in "
                                "political debates.</p>"
                                "<p>We read every comment. Posts that are insulting or discriminatory, contain "
                                "advertising or mention other people's personal data may be removed.</p>"
                            ),
                        ),
                    ],
                },
                "children": [],
            },
        ],
    },
]
