"""Guidelines and dilemmas for the social-media integrity toolkit, in Dutch and English."""

# Each guideline: code, source ("code" = deontological code, "guidelines" = the social-media guidelines,
# "ict-code" = the ICT code), version, and per language a title, a short text and two examples.
# Stable codes: never rename one, other data refers to them.
GUIDELINES: list[dict] = [
    {
        "code": "free-speech",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Vrije meningsuiting, met zorg",
            "text": (
                "Als personeelslid hebt u het recht om uw mening te uiten, ook over het beleid van de overheid. "
                "Voor veel mensen blijft u echter het gezicht van de overheid, en daarom gebruikt u dat recht met "
                "verstand. Let op uw toon, op het moment dat u kiest en op het beeld dat u van uw dienst geeft."
            ),
            "examples": [
                "U deelt op LinkedIn uw visie op digitale dienstverlening, rustig en goed onderbouwd.",
                "U reageert niet in een opwelling op een verhitte discussie, maar laat uw reactie eerst even rusten.",
            ],
        },
        "en": {
            "title": "Free speech, with care",
            "text": (
                "As a staff member you have the right to express your opinion, including on government policy. To "
                "many people, though, you remain the face of the government, so you use that right wisely. Mind "
                "your tone, the moment you choose and the image you give of your service."
            ),
            "examples": [
                "You share your view on digital public services on LinkedIn, calmly and with sound arguments.",
                "You do not jump into a heated discussion on impulse, but let your reply rest for a while first.",
            ],
        },
    },
    {
        "code": "everywhere",
        "source": "guidelines",
        "version": "2026-1",
        "nl": {
            "title": "Overal en altijd",
            "text": (
                "Deze regels gelden tijdens en buiten de diensturen. Ze gelden voor een gesprek op café net zo goed "
                "als voor sociale media, reacties onder nieuwsartikels, lezingen, opiniestukken, antwoorden aan "
                "journalisten en optredens op radio of tv. Het kanaal verandert niets aan uw rol als personeelslid."
            ),
            "examples": [
                "Een reactie onder een krantenartikel op zaterdagavond valt ook onder de richtlijnen.",
                "Een lezing op een congres of een opiniestuk in de krant vraagt dezelfde zorg als een tweet.",
            ],
        },
        "en": {
            "title": "Always and everywhere",
            "text": (
                "These rules apply on and off duty. They cover a conversation in a bar just as much as social "
                "media, comments under news articles, talks, opinion pieces, answers to journalists and appearances "
                "on radio or TV. The channel does not change your role as a staff member."
            ),
            "examples": [
                "A comment under a newspaper article on a Saturday evening is covered by the guidelines too.",
                "A talk at a conference or an opinion piece in the paper calls for the same care as a tweet.",
            ],
        },
    },
    {
        "code": "own-name",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "In eigen naam",
            "text": (
                "Geeft u uw mening, laat dan blijken dat u als privépersoon spreekt en niet namens uw werkgever. "
                "Zeker bij kritiek op de overheid of bij politieke uitspraken mag daarover geen twijfel bestaan. "
                "Een korte vermelding in uw bericht of profiel voorkomt dat lezers uw woorden aan uw organisatie "
                "toeschrijven."
            ),
            "examples": [
                "U begint uw bericht met 'Persoonlijk vind ik ...'.",
                "In uw profiel staat: 'Berichten op dit account geven mijn persoonlijke mening weer.'",
            ],
        },
        "en": {
            "title": "In your own name",
            "text": (
                "When you give your opinion, show that you are speaking as a private person and not on behalf of "
                "your employer. Especially when you criticise the government or make political statements, there "
                "must be no doubt about this. A short note in your post or profile keeps readers from attributing "
                "your words to your organisation."
            ),
            "examples": [
                "You start your post with 'Personally, I think ...'.",
                "Your profile says: 'Posts on this account reflect my personal opinion.'",
            ],
        },
    },
    {
        "code": "correct-facts",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Correcte feiten",
            "text": (
                "Wanneer u feitelijke informatie geeft, doet u dat juist, volledig en objectief. Laat geen gegevens "
                "weg die het beeld veranderen en stel een mening niet voor als een feit. Bij twijfel controleert u "
                "een gegeven eerst, of u linkt naar de officiële bron."
            ),
            "examples": [
                "U vermeldt de juiste indieningstermijn van een premie en linkt naar de officiële pagina.",
                "U schrijft niet dat 'niemand' nog een premie krijgt als alleen de voorwaarden strenger worden.",
            ],
        },
        "en": {
            "title": "Correct facts",
            "text": (
                "When you give factual information, you do so correctly, completely and objectively. Do not leave "
                "out details that change the picture, and do not present an opinion as a fact. When in doubt, "
                "verify it or point to the official source."
            ),
            "examples": [
                "You give the correct deadline for a grant application and link to the official page.",
                "You do not write that 'nobody' gets a grant any more when only the conditions have become stricter.",
            ],
        },
    },
    {
        "code": "visible",
        "source": "guidelines",
        "version": "2026-1",
        "nl": {
            "title": "Zichtbaar en aanspreekbaar",
            "text": (
                "Ook zonder functietitel in uw profiel herkennen mensen u online, en ze kunnen u aanspreken op uw "
                "berichten. Een bericht verwijderen maakt het niet ongedaan: schermafdrukken en gedeelde berichten "
                "blijven bestaan. Plaats dus alleen wat u morgen ook nog kunt verdedigen."
            ),
            "examples": [
                "Een verwijderde reactie duikt weken later als schermafdruk op in een Facebookgroep.",
                "Uw werkgever staat niet in uw profiel, maar uw buren en klanten weten waar u werkt.",
            ],
        },
        "en": {
            "title": "Visible and accountable",
            "text": (
                "People can recognise you online, even if your profile has no job title, and they can hold you "
                "responsible for your posts. Deleting a post does not undo it: screenshots and shares live on. So "
                "only post what you could still defend tomorrow."
            ),
            "examples": [
                "A deleted comment resurfaces weeks later as a screenshot in a Facebook group.",
                "Your employer is not in your profile, but your neighbours and clients know where you work.",
            ],
        },
    },
    {
        "code": "speak-up-inside",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Intern het woord nemen",
            "text": (
                "Binnen uw organisatie mag en moet u informatie delen en uw standpunt verdedigen, tegenover "
                "collega's en leidinggevenden. Bezwaren, ideeën en twijfels brengt u eerst op de werkvloer aan, "
                "waar ze het werk kunnen verbeteren. Dat leidt tot betere beslissingen dan een publiek debat."
            ),
            "examples": [
                "U brengt uw bezwaren tegen een nieuwe werkwijze aan op het teamoverleg.",
                "U bezorgt uw leidinggevende een onderbouwde kanttekening bij een ontwerpnota.",
            ],
        },
        "en": {
            "title": "Speak up inside",
            "text": (
                "Within your organisation you may, and should, share information and argue your case with "
                "colleagues and managers. Raise objections, ideas and doubts in the workplace first, where they can "
                "improve the work. That leads to better decisions than a public debate does."
            ),
            "examples": [
                "You raise your objections to a new procedure at the team meeting.",
                "You send your manager a reasoned comment on a draft policy note.",
            ],
        },
    },
    {
        "code": "confidentiality",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Discretie",
            "text": (
                "Over sommige informatie zwijgt u, hoe sterk uw mening ook is. Dat geldt voor dossiers waarin nog "
                "geen definitieve beslissing genomen is, voor persoonsgegevens van burgers en collega's (medisch, "
                "fiscaal, sociaal of anders) en voor vertrouwelijke commerciële, industriële of intellectuele "
                "informatie. Ook na uw vertrek blijft u daartoe verplicht, en bij twijfel legt u de vraag eerst "
                "voor aan uw leidinggevende."
            ),
            "examples": [
                "U zet geen foto online waarop een dossier of een scherm met namen van burgers leesbaar is.",
                "U vertelt niet welke inschrijver de laagste offerte indiende.",
            ],
        },
        "en": {
            "title": "Confidentiality",
            "text": (
                "Some information you keep to yourself, however strong your opinion. This covers files in which no "
                "final decision has been taken, personal data of citizens and colleagues (medical, tax, social or "
                "otherwise) and confidential commercial, industrial or intellectual information. You remain bound "
                "by this after you leave, and when in doubt you check with your manager first."
            ),
            "examples": [
                "You do not post a photo in which a file or a screen with citizens' names can be read.",
                "You do not reveal which bidder submitted the lowest tender.",
            ],
        },
    },
    {
        "code": "loyalty",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Loyaliteit",
            "text": (
                "Loyaal zijn betekent: goed samenwerken met collega's, de regels respecteren, burgers zo goed "
                "mogelijk helpen en trouw zijn aan de democratische instellingen. Zit u iets dwars bij een collega "
                "of leidinggevende, dan bespreekt u dat met die persoon zelf, niet online. Loyaal zijn betekent "
                "niet zwijgen, wel het juiste kanaal kiezen."
            ),
            "examples": [
                (
                    "Na een moeizame vergadering vraagt u uw leidinggevende om een gesprek, in plaats van te "
                    "ventileren op Facebook."
                ),
                "Ook een beslissing waartegen u intern gepleit hebt, voert u correct uit.",
            ],
        },
        "en": {
            "title": "Loyalty",
            "text": (
                "Being loyal means working well with colleagues, respecting the rules, serving citizens as well as "
                "you can and being faithful to the democratic institutions. If something about a colleague or "
                "manager bothers you, you take it up with that person, not online. Loyalty does not mean keeping "
                "quiet; it means choosing the right channel."
            ),
            "examples": [
                "After a difficult meeting you ask your manager for a talk instead of venting on Facebook.",
                "You carry out a decision properly, even if you argued against it internally.",
            ],
        },
    },
    {
        "code": "objectivity",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Objectiviteit",
            "text": (
                "Gelijke gevallen behandelt u gelijk. Wat u persoonlijk, politiek of religieus denkt, speelt geen "
                "rol in de manier waarop u dossiers behandelt, en klanten, leveranciers en kandidaten mogen nooit "
                "de indruk krijgen dat u partijdig bent. Ook contacten op sociale media kunnen die indruk wekken."
            ),
            "examples": [
                "U gaat niet in op een connectieverzoek van een kandidaat die u volgende week interviewt.",
                "Een burger die uw partij openlijk bekritiseert, krijgt dezelfde service als ieder ander.",
            ],
        },
        "en": {
            "title": "Objectivity",
            "text": (
                "You treat equal cases equally. Your personal, political or religious beliefs play no part in how "
                "you handle files, and clients, suppliers and applicants must never get the impression that you are "
                "biased. Connections on social media can create that impression too."
            ),
            "examples": [
                "You do not accept a connection request from an applicant you will interview next week.",
                "A citizen who openly criticises your party gets the same service as anyone else.",
            ],
        },
    },
    {
        "code": "working-time-ict",
        "source": "ict-code",
        "version": "2026-1",
        "nl": {
            "title": "Werktijd en ICT",
            "text": (
                "Uw werkuren en de computers, telefoons en netwerken van het werk zijn publieke middelen. Ze voor "
                "privézaken gebruiken kan alleen zeer beperkt en bij uitzondering, als uw leidinggevende akkoord "
                "gaat en de ICT-regels van uw entiteit en de ICT-code van 2014 het toelaten. Op het gebruik kan in "
                "stappen toezicht worden gehouden, en misbruik kan tuchtrechtelijk bestraft worden."
            ),
            "examples": [
                (
                    "U beantwoordt tijdens de werkuren kort een dringend bericht van de school van uw kind, als "
                    "uitzondering."
                ),
                "U scrolt niet een halfuur door uw privétijdlijn op uw dienst-pc.",
            ],
        },
        "en": {
            "title": "Working time and ICT",
            "text": (
                "Your working hours and the computers, phones and networks at work are public resources. Using them "
                "for private matters is only possible to a very limited extent and by exception, when your manager "
                "agrees and your entity's ICT rules and the 2014 ICT code allow it. Use may be monitored in stages, "
                "and misuse can result in disciplinary measures."
            ),
            "examples": [
                "During working hours you briefly answer an urgent message from your child's school, as an exception.",
                "You do not spend half an hour scrolling through your private timeline on your work PC.",
            ],
        },
    },
    {
        "code": "duty-to-report",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Meldingsplicht",
            "text": (
                "Corruptie, fraude, het schenden van de geheimhoudingsplicht of een ander misdrijf of "
                "integriteitsprobleem: wie zoiets opmerkt, moet het melden. Dat kan bij uw leidinggevende, bij de "
                "interne auditdienst of bij de meldpunten integriteit. Meldt u te goeder trouw, dan beschermt de "
                "klokkenluidersregeling u."
            ),
            "examples": [
                "U meldt aan een meldpunt integriteit dat een collega offertes doorspeelt aan een bevriende firma.",
                "U zet uw vermoeden niet op sociale media, maar meldt het via het officiële kanaal.",
            ],
        },
        "en": {
            "title": "Duty to report",
            "text": (
                "Corruption, fraud, a breach of secrecy or any other crime or integrity problem: if you notice "
                "something like that, you must report it. Your manager, the internal audit service and the "
                "integrity reporting points are all places to turn to. If you report in good faith, whistle-blower "
                "protection covers you."
            ),
            "examples": [
                "You tell an integrity reporting point that a colleague passes tenders on to a friend's company.",
                "You do not post your suspicion on social media, but report it through the official channel.",
            ],
        },
    },
    {
        "code": "gifts",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Geschenken en uitnodigingen",
            "text": (
                "Een geschenk of uitnodiging van derden neemt u alleen aan als het weinig waard is, de organisatie "
                "ten goede komt en verband houdt met uw werk. Uw leidinggevende weet er altijd van, ook wanneer u "
                "iets afslaat. Zo blijft uw onafhankelijkheid buiten kijf."
            ),
            "examples": [
                "Een doos pralines na een infosessie deelt u met het team, en u meldt ze aan uw leidinggevende.",
                "Een gratis tweedaagse naar een leveranciersevent in het buitenland slaat u af.",
            ],
        },
        "en": {
            "title": "Gifts and invitations",
            "text": (
                "You only accept a gift or invitation from a third party if it is worth little, benefits the "
                "organisation and is connected with your work. Your manager always knows about it, even when you "
                "turn something down. That keeps your independence beyond doubt."
            ),
            "examples": [
                (
                    "You share a box of chocolates received after an information session with your team and tell "
                    "your manager."
                ),
                "You turn down a free two-day trip to a supplier event abroad.",
            ],
        },
    },
    {
        "code": "neutral-channels",
        "source": "guidelines",
        "version": "2026-1",
        "nl": {
            "title": "Neutrale officiële kanalen",
            "text": (
                "Op de accounts van de organisatie kiest u geen politieke kant. Alles wat u via zo'n account "
                "plaatst, liket of deelt, geldt als communicatie vanuit uw functie, niet als uw mening. Houd privé "
                "en officieel dus strikt gescheiden."
            ),
            "examples": [
                "Via het dienstaccount deelt u de nieuwe openingsuren, niet de verkiezingsaffiche van een partij.",
                "U liket met het officiële account geen berichten van politieke partijen of kandidaten.",
            ],
        },
        "en": {
            "title": "Neutral official channels",
            "text": (
                "On the organisation's accounts you take no political sides. Anything you post, like or share from "
                "such an account counts as communication in your official role, not as your opinion. So keep "
                "private and official strictly apart."
            ),
            "examples": [
                "On the service account you share the new opening hours, not a party's election poster.",
                "You do not use the official account to like posts by political parties or candidates.",
            ],
        },
    },
    {
        "code": "press",
        "source": "code",
        "version": "2026-1",
        "nl": {
            "title": "Contact met de pers",
            "text": (
                "Wie de pers te woord staat, bepaalt de organisatie: dat zijn de aangewezen woordvoerders. Krijgt u "
                "een vraag van een journalist, dan bezorgt u vriendelijk hun contactgegevens. Zo krijgt de pers "
                "correcte informatie en spreekt de organisatie met één stem."
            ),
            "examples": [
                (
                    "Een journalist belt u over een klacht van een burger: u geeft de contactgegevens van de "
                    "woordvoerder."
                ),
                "Een reporter stuurt u een privébericht op X: u antwoordt kort met een verwijzing naar de persdienst.",
            ],
        },
        "en": {
            "title": "Dealing with the press",
            "text": (
                "The organisation decides who talks to the press: the designated spokespersons. If a journalist "
                "asks you something, you kindly pass on their contact details. That way the press gets correct "
                "information and the organisation speaks with one voice."
            ),
            "examples": [
                (
                    "A journalist calls you about a citizen's complaint: you give them the spokesperson's contact "
                    "details."
                ),
                "A reporter sends you a direct message on X: you reply briefly, referring them to the press office.",
            ],
        },
    },
]

# Each dilemma: a Dutch slug, the guideline codes it trains, a scenario per language and 3-4 options.
# Each option has a verdict ("recommended", "acceptable" or "risky"); exactly one is recommended.
DILEMMAS: list[dict] = [
    {
        "slug": "kritiek-in-eigen-naam",
        "guidelines": ["own-name", "correct-facts", "confidentiality"],
        "nl": {
            "title": "Kritiek op een nieuwe maatregel",
            "scenario": (
                "Uw entiteit voert een nieuwe maatregel in waar u het grondig mee oneens bent. U wilt daarover "
                "posten op X, via uw persoonlijke account waarin staat waar u werkt. U kent ook enkele cijfers uit "
                "een evaluatie die nog niet afgerond is."
            ),
        },
        "en": {
            "title": "Criticising a new measure",
            "scenario": (
                "Your entity is introducing a new measure you strongly disagree with. You want to post about it on "
                "X, from your personal account, which mentions where you work. You also know some figures from an "
                "evaluation that has not been completed yet."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": "U post uw kritiek en onderbouwt ze met de cijfers uit de lopende evaluatie.",
                    "feedback": (
                        "Die cijfers komen uit een dossier waarover nog niet beslist is, en vallen dus onder "
                        "'Discretie'. Voorlopige cijfers kunnen bovendien nog wijzigen, waardoor u de regel "
                        "'Correcte feiten' niet naleeft."
                    ),
                },
                "en": {
                    "text": "You post your criticism and back it up with the figures from the ongoing evaluation.",
                    "feedback": (
                        "Those figures come from a file without a decision, so they fall under 'Confidentiality'. "
                        "Provisional figures may also still change, so you are not meeting the 'Correct facts' "
                        "rule."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U post uw kritiek, vermeldt dat het om uw persoonlijke mening gaat en baseert u alleen op "
                        "openbare feiten."
                    ),
                    "feedback": (
                        "Kritiek geven mag, zolang duidelijk is dat het uw eigen standpunt is ('In eigen naam'). U "
                        "gebruikt alleen juiste, openbare informatie ('Correcte feiten') en niets uit lopende "
                        "dossiers ('Discretie')."
                    ),
                },
                "en": {
                    "text": (
                        "You post your criticism, say that it is your personal opinion and rely only on public facts."
                    ),
                    "feedback": (
                        "Criticism is allowed as long as it is clear that the view is your own ('In your own "
                        "name'). You use only accurate, public information ('Correct facts') and nothing from "
                        "ongoing files ('Confidentiality')."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": "U post niets en bespreekt uw bezwaren alleen met uw leidinggevende.",
                    "feedback": (
                        "Uw mening intern geven is altijd waardevol. U hoeft online echter niet te zwijgen: kritiek "
                        "in eigen naam is toegelaten, zolang u de regels 'In eigen naam', 'Correcte feiten' en "
                        "'Discretie' volgt."
                    ),
                },
                "en": {
                    "text": "You post nothing and only discuss your objections with your manager.",
                    "feedback": (
                        "Giving your opinion internally is always worthwhile. But you do not have to stay silent "
                        "online: criticism in your own name is allowed, as long as you follow 'In your own name', "
                        "'Correct facts' and 'Confidentiality'."
                    ),
                },
            },
        ],
    },
    {
        "slug": "partij-steunen-voor-verkiezingen",
        "guidelines": ["own-name", "objectivity", "neutral-channels", "free-speech"],
        "nl": {
            "title": "Verkiezingssteun op uw privéaccount",
            "scenario": (
                "Het is enkele weken voor de verkiezingen. U bent overtuigd lid van een partij en wilt op uw "
                "privéaccount op Instagram een campagnebericht van een kandidaat delen, met een persoonlijke "
                "aanbeveling. Aan het loket helpt u dagelijks burgers van alle strekkingen."
            ),
        },
        "en": {
            "title": "Election support on your private account",
            "scenario": (
                "The elections are a few weeks away. You are a committed party member and want to share a "
                "candidate's campaign post on your private Instagram account, with a personal recommendation. At "
                "the service desk you help citizens of every political persuasion every day."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "acceptable",
                "nl": {
                    "text": "U deelt voor de zekerheid niets politieks tot na de verkiezingen.",
                    "feedback": (
                        "Dat is voorzichtig, maar niet nodig: ook u hebt recht op een mening ('Vrije meningsuiting, "
                        "met zorg'). Als privéburger mag u een partij steunen, zolang duidelijk is dat het om uw "
                        "persoonlijke keuze gaat ('In eigen naam')."
                    ),
                },
                "en": {
                    "text": "To be on the safe side, you share nothing political until after the elections.",
                    "feedback": (
                        "That is cautious, but not necessary: you too are entitled to an opinion ('Free speech, "
                        "with care'). As a private citizen you may support a party, as long as it is clear that it "
                        "is your personal choice ('In your own name')."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U deelt het bericht ook via het account van uw dienst, omdat de kandidaat zich inzet voor "
                        "uw beleidsdomein."
                    ),
                    "feedback": (
                        "Officiële accounts zijn politiek neutraal ('Neutrale officiële kanalen'). Wat u daar "
                        "deelt, geldt als communicatie van de organisatie, hoe goed u het ook bedoelt."
                    ),
                },
                "en": {
                    "text": (
                        "You also share the post from your service's account, because the candidate champions your "
                        "policy area."
                    ),
                    "feedback": (
                        "Official accounts are politically neutral ('Neutral official channels'). Whatever you "
                        "share there counts as communication from the organisation, however well meant."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U deelt het bericht op uw privéaccount als persoonlijke keuze en behandelt aan het loket "
                        "iedereen op dezelfde manier."
                    ),
                    "feedback": (
                        "Als privéburger mag u politiek kleur bekennen, op voorwaarde dat het duidelijk uw eigen "
                        "standpunt is ('In eigen naam'). Op het werk blijft uw voorkeur buiten beeld en krijgt "
                        "iedereen dezelfde behandeling ('Objectiviteit')."
                    ),
                },
                "en": {
                    "text": (
                        "You share the post on your private account as a personal choice and treat everyone at the "
                        "desk alike."
                    ),
                    "feedback": (
                        "As a private citizen you may show your political colours, provided it is clearly your own "
                        "view ('In your own name'). At work your preference stays out of sight and everyone gets "
                        "the same treatment ('Objectivity')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U deelt het bericht en schrijft erbij dat u vanuit uw job weet dat deze kandidaat de beste "
                        "plannen heeft."
                    ),
                    "feedback": (
                        "Zo koppelt u uw functie aan een politieke boodschap en wekt u de indruk dat de dienst "
                        "partij kiest. Dat ondermijnt uw 'Objectiviteit' en u spreekt niet langer zuiver 'In eigen "
                        "naam'."
                    ),
                },
                "en": {
                    "text": "You share the post and add that your job tells you this candidate has the best plans.",
                    "feedback": (
                        "This links your position to a political message and suggests that the service takes sides. "
                        "It undermines your 'Objectivity', and you are no longer speaking purely 'In your own "
                        "name'."
                    ),
                },
            },
        ],
    },
    {
        "slug": "boos-op-collega",
        "guidelines": ["loyalty"],
        "nl": {
            "title": "Frustratie over een collega",
            "scenario": (
                "Tijdens een teamvergadering heeft een collega uw voorstel afgekraakt, en uw leidinggevende greep "
                "niet in. 's Avonds zit u nog vol frustratie en wilt u iets posten over 'collega's die alleen maar "
                "afbreken'. U noemt niemand bij naam."
            ),
        },
        "en": {
            "title": "Frustrated with a colleague",
            "scenario": (
                "At a team meeting a colleague tore your proposal apart, and your manager did not step in. In the "
                "evening you are still frustrated and want to post something about 'colleagues who only ever tear "
                "things down'. You do not name anyone."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U post niets en vraagt de volgende dag een gesprek met de collega, en zo nodig met uw "
                        "leidinggevende."
                    ),
                    "feedback": (
                        "Kritiek op een collega hoort in een gesprek met die collega, niet online ('Loyaliteit'). "
                        "Een rechtstreeks gesprek kan het probleem echt oplossen, terwijl een post het conflict "
                        "alleen groter maakt."
                    ),
                },
                "en": {
                    "text": (
                        "You post nothing and the next day ask for a talk with the colleague, and with your manager "
                        "if needed."
                    ),
                    "feedback": (
                        "Criticism of a colleague belongs in a conversation with that colleague, not online "
                        "('Loyalty'). A direct conversation can actually solve the problem, whereas a post only "
                        "makes the conflict bigger."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U post het bericht zonder namen, zodat niemand zich rechtstreeks aangesproken kan voelen."
                    ),
                    "feedback": (
                        "Collega's weten meestal perfect over wie het gaat, en een schermafdruk is snel gemaakt. "
                        "Ook een vaag bericht is publieke kritiek op uw team en botst met de regel 'Loyaliteit'."
                    ),
                },
                "en": {
                    "text": "You post the message without names, so that nobody can feel directly targeted.",
                    "feedback": (
                        "Colleagues usually know exactly who is meant, and a screenshot is quickly taken. Even a "
                        "vague post is public criticism of your team and conflicts with the 'Loyalty' rule."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": "U ventileert uw frustratie in een privébericht aan een goede vriend buiten het werk.",
                    "feedback": (
                        "Stoom aflaten bij iemand die u vertrouwt is menselijk en gebeurt niet in het openbaar. Het "
                        "probleem met uw collega lost u zo niet op: 'Loyaliteit' vraagt dat u de feedback ook aan "
                        "de betrokkene zelf geeft."
                    ),
                },
                "en": {
                    "text": "You vent your frustration in a private message to a good friend outside work.",
                    "feedback": (
                        "Letting off steam with someone you trust is human and does not happen in public. It does "
                        "not solve the problem with your colleague, though: 'Loyalty' asks you to give the feedback "
                        "to the person concerned."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U post het in een besloten Facebookgroep voor ambtenaren, waar zulke verhalen vaker "
                        "gedeeld worden."
                    ),
                    "feedback": (
                        "Een besloten groep is niet echt besloten: leden kunnen alles doorsturen of vastleggen. De "
                        "regel 'Loyaliteit' vraagt dat u kritiek op een collega met die collega zelf bespreekt."
                    ),
                },
                "en": {
                    "text": (
                        "You post it in a closed Facebook group for civil servants, where such stories are often "
                        "shared."
                    ),
                    "feedback": (
                        "A closed group is not really closed: members can forward or capture anything. The "
                        "'Loyalty' rule asks you to discuss criticism of a colleague with that colleague."
                    ),
                },
            },
        ],
    },
    {
        "slug": "journalist-stuurt-bericht",
        "guidelines": ["everywhere", "own-name", "confidentiality", "press"],
        "nl": {
            "title": "Een journalist in uw inbox",
            "scenario": (
                "Een journalist stuurt u een bericht via LinkedIn. Ze schrijft een artikel over een dossier dat u "
                "behandelt en vraagt of u 'even off the record' wilt toelichten hoe het ervoor staat. Ze belooft u "
                "niet bij naam te noemen."
            ),
        },
        "en": {
            "title": "A journalist in your inbox",
            "scenario": (
                "A journalist messages you on LinkedIn. She is writing an article about a file you are handling and "
                "asks whether you could explain 'off the record' where things stand. She promises not to name you."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": "U geeft off the record een korte stand van zaken, omdat ze belooft u niet te noemen.",
                    "feedback": (
                        "Ook off the record blijft u gebonden door de regels, en een lopend dossier is "
                        "vertrouwelijk ('Discretie'). Perscontacten verlopen bovendien via de woordvoerder "
                        "('Contact met de pers')."
                    ),
                },
                "en": {
                    "text": "You give a brief update off the record, since she promises not to name you.",
                    "feedback": (
                        "Off the record you are still bound by the rules, and an ongoing file is confidential "
                        "('Confidentiality'). Contact with the press also goes through the spokesperson ('Dealing "
                        "with the press')."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "acceptable",
                "nl": {
                    "text": "U reageert niet en laat het bericht liggen.",
                    "feedback": (
                        "U zegt zo in elk geval niets wat u niet mag zeggen. Beter is wel om vriendelijk door te "
                        "verwijzen naar de woordvoerder ('Contact met de pers'), zodat de journalist bij de juiste "
                        "persoon terechtkomt."
                    ),
                },
                "en": {
                    "text": "You do not reply and leave the message unanswered.",
                    "feedback": (
                        "At least you say nothing you should not. It is better, though, to refer her politely to "
                        "the spokesperson ('Dealing with the press'), so that the journalist reaches the right "
                        "person."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U bedankt haar en verwijst haar door naar de woordvoerder van uw organisatie, zonder "
                        "inhoudelijk te reageren."
                    ),
                    "feedback": (
                        "Perscontacten horen bij de aangewezen woordvoerders ('Contact met de pers'). Zegt u toch "
                        "iets, spreek dan alleen voor uzelf, houd u aan de feiten en laat alles wat vertrouwelijk "
                        "is weg: de regels gelden ook bij vragen van journalisten ('Overal en altijd')."
                    ),
                },
                "en": {
                    "text": (
                        "You thank her and refer her to your organisation's spokesperson, without commenting on the "
                        "substance."
                    ),
                    "feedback": (
                        "Press contacts belong with the designated spokespersons ('Dealing with the press'). Should "
                        "you say anything at all, speak only for yourself, stick to the facts and leave out "
                        "anything confidential: the rules apply to questions from journalists too ('Always and "
                        "everywhere')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": "U geeft alleen uw persoonlijke mening over het dossier, want daar hebt u recht op.",
                    "feedback": (
                        "Uw mening over een dossier dat u zelf behandelt, is moeilijk los te zien van uw functie en "
                        "kan vertrouwelijke informatie prijsgeven ('Discretie'). Ook wie 'In eigen naam' spreekt, "
                        "laat de pers beter over aan de woordvoerder."
                    ),
                },
                "en": {
                    "text": "You only give your personal opinion on the file, since you are entitled to one.",
                    "feedback": (
                        "Your opinion on a file you handle yourself is hard to separate from your role and can "
                        "reveal confidential information ('Confidentiality'). Even when speaking 'In your own "
                        "name', you had better leave the press to the spokesperson."
                    ),
                },
            },
        ],
    },
    {
        "slug": "grappige-schermafdruk-aanvraag",
        "guidelines": ["confidentiality"],
        "nl": {
            "title": "Een grappige aanvraag",
            "scenario": (
                "Een burger heeft een aanvraagformulier ingevuld met zo'n originele uitleg dat uw hele team erom "
                "moest lachen. Een collega stelt voor om er een schermafdruk van te posten, 'met naam en adres "
                "wazig gemaakt, natuurlijk'."
            ),
        },
        "en": {
            "title": "A funny application",
            "scenario": (
                "A citizen filled in an application form with such an original explanation that your whole team "
                "laughed. A colleague suggests posting a screenshot of it, 'with the name and address blurred, of "
                "course'."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "acceptable",
                "nl": {
                    "text": "U post niets en houdt het bij een glimlach binnen het team.",
                    "feedback": (
                        "Het formulier blijft offline, en daar gaat het om ('Discretie'). Blijf ook intern "
                        "respectvol over burgers en bespreek het dossier alleen met wie het voor het werk nodig "
                        "heeft."
                    ),
                },
                "en": {
                    "text": "You post nothing and keep it to a smile within the team.",
                    "feedback": (
                        "The form stays offline, which is what matters ('Confidentiality'). Stay respectful about "
                        "citizens internally too, and only discuss the file with those who need it for the work."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "recommended",
                "nl": {
                    "text": "U post niets en zegt uw collega dat u ook een wazige versie te riskant vindt.",
                    "feedback": (
                        "Gegevens uit de aanvraag van een burger zijn persoonsgegevens en dus vertrouwelijk "
                        "('Discretie'). Vervagen is riskant: de inhoud of de context kan de burger alsnog "
                        "herkenbaar maken. Door uw collega aan te spreken, voorkomt u dat het formulier toch online "
                        "belandt."
                    ),
                },
                "en": {
                    "text": "You post nothing and tell your colleague that even a blurred version is too risky.",
                    "feedback": (
                        "Data from a citizen's application are personal data and therefore confidential "
                        "('Confidentiality'). Blurring is risky: the content or the context can still make the "
                        "citizen recognisable. By speaking to your colleague, you stop the form from ending up "
                        "online after all."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "risky",
                "nl": {
                    "text": "U post de schermafdruk met naam en adres wazig gemaakt op uw privéaccount.",
                    "feedback": (
                        "Vervagen lijkt veilig, maar details in de tekst kunnen de burger toch verraden, en sommige "
                        "vervagingen zijn terug te draaien. De regel 'Discretie' geldt voor alle persoonsgegevens "
                        "van burgers."
                    ),
                },
                "en": {
                    "text": "You post the screenshot on your private account with the name and address blurred.",
                    "feedback": (
                        "Blurring seems safe, but details in the text can still give the citizen away, and some "
                        "blurring can be reversed. The 'Confidentiality' rule covers all personal data of citizens."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": "U typt de grappigste zin over in een post, zonder schermafdruk en zonder naam.",
                    "feedback": (
                        "Ook een citaat kan de burger herkenbaar maken, zeker in een kleine gemeente of als die "
                        "persoon het zelf leest. Het blijft informatie uit een dossier, en die valt onder "
                        "'Discretie'."
                    ),
                },
                "en": {
                    "text": "You copy the funniest sentence into a post, without a screenshot and without a name.",
                    "feedback": (
                        "Even a quote can identify the citizen, especially in a small town or if that person reads "
                        "it. It is still information from a file, and that falls under 'Confidentiality'."
                    ),
                },
            },
        ],
    },
    {
        "slug": "vriendschapsverzoek-leverancier",
        "guidelines": ["objectivity", "gifts"],
        "nl": {
            "title": "Vriendschapsverzoek van een leverancier",
            "scenario": (
                "U zit in het beoordelingsteam van een lopende overheidsopdracht voor nieuwe software. De "
                "accountmanager van een van de inschrijvers stuurt u een vriendschapsverzoek op Facebook, met een "
                "hartelijk berichtje over een congres waar u elkaar ooit ontmoet hebt."
            ),
        },
        "en": {
            "title": "A friend request from a supplier",
            "scenario": (
                "You sit on the evaluation panel for an ongoing public tender for new software. The account manager "
                "of one of the bidders sends you a friend request on Facebook, with a warm note about a conference "
                "where you once met."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U weigert het verzoek, meldt het aan uw leidinggevende en bespreekt of u het dossier beter "
                        "doorgeeft."
                    ),
                    "feedback": (
                        "Tijdens een lopende opdracht vermijdt u elke schijn van partijdigheid ('Objectiviteit'). "
                        "Door het contact te melden, zoals 'Geschenken en uitnodigingen' ook vraagt, blijft alles "
                        "transparant; komt uw objectiviteit in het gedrang, dan geeft u het dossier door."
                    ),
                },
                "en": {
                    "text": (
                        "You decline the request, tell your manager and discuss whether you should hand over the file."
                    ),
                    "feedback": (
                        "During an ongoing tender you avoid any appearance of partiality ('Objectivity'). Reporting "
                        "the contact, as 'Gifts and invitations' also requires, keeps everything transparent; if "
                        "your objectivity is at risk, you hand over the file."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": "U aanvaardt het verzoek, want een vriendschap op Facebook zegt niets over uw oordeel.",
                    "feedback": (
                        "Voor de andere inschrijvers en voor het publiek lijkt dat wel zo: het wekt de schijn van "
                        "partijdigheid ('Objectiviteit'). De gunning kan daardoor zelfs betwist worden."
                    ),
                },
                "en": {
                    "text": "You accept the request, because a Facebook friendship says nothing about your judgement.",
                    "feedback": (
                        "To the other bidders and to the public it does look that way: it creates an appearance of "
                        "partiality ('Objectivity'). The award decision could even be challenged because of it."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": "U laat het verzoek liggen tot de opdracht gegund is en zegt er verder niets over.",
                    "feedback": (
                        "Niet reageren voorkomt een zichtbare band, dus dat is al beter. Breng wel uw "
                        "leidinggevende op de hoogte, zodat er geen twijfel kan ontstaan over uw 'Objectiviteit'."
                    ),
                },
                "en": {
                    "text": (
                        "You leave the request pending until the contract has been awarded and say nothing more "
                        "about it."
                    ),
                    "feedback": (
                        "Not responding avoids a visible link, so that is already better. Do inform your manager, "
                        "though, so that no doubt can arise about your 'Objectivity'."
                    ),
                },
            },
        ],
    },
    {
        "slug": "leidinggevende-als-facebookvriend",
        "guidelines": ["visible", "confidentiality", "loyalty"],
        "nl": {
            "title": "Facebookvrienden met uw leidinggevende",
            "scenario": (
                "Uw nieuwe leidinggevende en enkele collega's sturen u een vriendschapsverzoek op Facebook. U post "
                "daar geregeld over uw weekends en hobby's, en af en toe over uw werkdag. U twijfelt of u de "
                "verzoeken aanvaardt."
            ),
        },
        "en": {
            "title": "Facebook friends with your manager",
            "scenario": (
                "Your new manager and a few colleagues send you friend requests on Facebook. You regularly post "
                "there about your weekends and hobbies, and now and then about your working day. You are unsure "
                "whether to accept."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": "U aanvaardt alle verzoeken en post verder zoals vroeger, ook over uw werkdag.",
                    "feedback": (
                        "Vrienden zijn mag, maar wat u post, kan nu rechtstreeks op het werk ter sprake komen "
                        "('Zichtbaar en aanspreekbaar'). Berichten over uw werkdag riskeren bovendien 'Discretie' "
                        "en 'Loyaliteit' te schenden."
                    ),
                },
                "en": {
                    "text": (
                        "You accept all the requests and keep posting as before, including about your working day."
                    ),
                    "feedback": (
                        "Being friends is fine, but what you post can now come up directly at work ('Visible and "
                        "accountable'). Posts about your working day also risk breaching 'Confidentiality' and "
                        "'Loyalty'."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "acceptable",
                "nl": {
                    "text": "U weigert alle verzoeken van collega's om werk en privé strikt gescheiden te houden.",
                    "feedback": (
                        "Dat is een geldige persoonlijke keuze. Nodig is het niet: vriendschap met collega's is "
                        "niet verboden, zolang u de regels blijft volgen. Leg uw keuze vriendelijk uit, zodat "
                        "niemand ze persoonlijk opvat."
                    ),
                },
                "en": {
                    "text": "You decline all requests from colleagues to keep work and private life strictly apart.",
                    "feedback": (
                        "That is a valid personal choice. It is not required, though: friendship with colleagues is "
                        "not forbidden, as long as you keep following the rules. Explain your choice kindly so "
                        "nobody takes it personally."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U aanvaardt alleen de collega's en niet uw leidinggevende, zodat u vrijuit over het werk "
                        "kunt posten."
                    ),
                    "feedback": (
                        "Vrijuit over het werk posten is net het probleem: 'Discretie' en 'Loyaliteit' gelden ook "
                        "zonder leidinggevende in uw vriendenlijst. Collega's kunnen bovendien schermafdrukken "
                        "doorsturen ('Zichtbaar en aanspreekbaar')."
                    ),
                },
                "en": {
                    "text": "You accept only your colleagues, not your manager, so you can post freely about work.",
                    "feedback": (
                        "Posting freely about work is exactly the problem: 'Confidentiality' and 'Loyalty' apply "
                        "even without your manager on your friends list. Colleagues can also forward screenshots "
                        "('Visible and accountable')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U aanvaardt de verzoeken als u dat wilt en post voortaan in het besef dat uw werkomgeving "
                        "meeleest."
                    ),
                    "feedback": (
                        "Bevriend zijn met collega's en leidinggevenden is niet verboden. Ook daar blijven "
                        "'Loyaliteit' en 'Discretie' van toepassing, en uw berichten kunnen op het werk opduiken "
                        "('Zichtbaar en aanspreekbaar')."
                    ),
                },
                "en": {
                    "text": (
                        "You accept the requests if you wish, and from now on post knowing that your workplace is "
                        "reading along."
                    ),
                    "feedback": (
                        "Being friends with colleagues and managers is not forbidden. 'Loyalty' and "
                        "'Confidentiality' still apply there, and your posts may surface at work ('Visible and "
                        "accountable')."
                    ),
                },
            },
        ],
    },
    {
        "slug": "prive-posten-tijdens-werkuren",
        "guidelines": ["working-time-ict"],
        "nl": {
            "title": "Even posten tijdens de werkuren",
            "scenario": (
                "Uw sportclub organiseert dit weekend een eetfestijn en u beheert de Facebookpagina. Tijdens de "
                "werkuren komen er veel vragen binnen over reservaties. U overweegt om ze tussendoor op uw "
                "dienst-pc te beantwoorden."
            ),
        },
        "en": {
            "title": "A quick post during working hours",
            "scenario": (
                "Your sports club is holding a fundraising dinner this weekend and you run its Facebook page. "
                "During working hours lots of questions about bookings come in. You are thinking of answering them "
                "in between tasks on your work PC."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U beantwoordt de vragen tussendoor op uw dienst-pc, want het gaat telkens maar om een paar "
                        "minuten."
                    ),
                    "feedback": (
                        "Die minuten tellen op, en werktijd en ICT zijn publieke middelen ('Werktijd en ICT'). "
                        "Privégebruik blijft zeer beperkt en uitzonderlijk, en alleen met instemming van uw "
                        "leidinggevende."
                    ),
                },
                "en": {
                    "text": (
                        "You answer the questions in between tasks on your work PC, as it only takes a few minutes "
                        "each time."
                    ),
                    "feedback": (
                        "Those minutes add up, and working time and ICT are public resources ('Working time and "
                        "ICT'). Private use stays very limited and exceptional, and only with your manager's "
                        "agreement."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U beantwoordt de vragen na de werkuren en vraagt bij een echte uitzondering eerst akkoord "
                        "aan uw leidinggevende."
                    ),
                    "feedback": (
                        "Voor privézaken mag u werktijd en ICT slechts uitzonderlijk en kort inzetten, als uw "
                        "leidinggevende het goedvindt en de ICT-regels het toelaten ('Werktijd en ICT'). Zo gaat uw "
                        "werk voor en is er achteraf geen discussie."
                    ),
                },
                "en": {
                    "text": (
                        "You answer the questions after working hours and, for a genuine exception, first ask your "
                        "manager."
                    ),
                    "feedback": (
                        "Using working time and ICT for private matters is only possible by exception and to a "
                        "limited extent, with your manager's approval and within the ICT rules ('Working time and "
                        "ICT'). That way your work comes first and there is no discussion afterwards."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "risky",
                "nl": {
                    "text": "U beantwoordt de vragen op uw eigen gsm, want dan gebruikt u geen ICT van het werk.",
                    "feedback": (
                        "Een eigen toestel lost maar de helft op: het blijft werktijd, en ook die is een publiek "
                        "middel ('Werktijd en ICT'). Een kort, uitzonderlijk moment kan; de clubpagina de hele dag "
                        "bijhouden niet."
                    ),
                },
                "en": {
                    "text": "You answer the questions on your own mobile phone, so you are not using work ICT.",
                    "feedback": (
                        "Your own device only solves half the problem: it is still working time, which is also a "
                        "public resource ('Working time and ICT'). A brief, exceptional moment is fine; running the "
                        "club page all day is not."
                    ),
                },
            },
        ],
    },
    {
        "slug": "partijpost-liken-met-dienstaccount",
        "guidelines": ["neutral-channels"],
        "nl": {
            "title": "Een like vanaf het dienstaccount",
            "scenario": (
                "U beheert het Instagramaccount van uw agentschap. De bevoegde minister zet op het account van haar "
                "partij een bericht over een nieuw project van uw agentschap. U wilt het liken en delen, want het "
                "is goed nieuws voor uw organisatie."
            ),
        },
        "en": {
            "title": "A like from the agency account",
            "scenario": (
                "You manage your agency's Instagram account. The minister responsible posts about a new project of "
                "your agency on her party's account. You want to like and share it, because it is good news for "
                "your organisation."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "acceptable",
                "nl": {
                    "text": "U liket het partijbericht met uw privéaccount en laat het dienstaccount erbuiten.",
                    "feedback": (
                        "Het dienstaccount blijft zo neutraal ('Neutrale officiële kanalen'), en als privéburger "
                        "mag u reageren. Besef wel dat uw like opvalt bij wie weet dat u het agentschapsaccount "
                        "beheert."
                    ),
                },
                "en": {
                    "text": "You like the party post from your private account and keep the agency account out of it.",
                    "feedback": (
                        "The agency account stays neutral this way ('Neutral official channels'), and as a private "
                        "citizen you may react. Bear in mind that your like will stand out to anyone who knows you "
                        "run the agency account."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": "U liket het bericht met het dienstaccount, maar deelt het niet.",
                    "feedback": (
                        "Ook een like is communicatie in uw functie. Vanaf een officieel account steunt u zo "
                        "zichtbaar een partijbericht, en dat botst met 'Neutrale officiële kanalen'."
                    ),
                },
                "en": {
                    "text": "You like the post from the agency account, but do not share it.",
                    "feedback": (
                        "A like is also communication in your official role. From an official account you are "
                        "visibly endorsing a party post, which conflicts with 'Neutral official channels'."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U laat het partijbericht links liggen en post via het dienstaccount een eigen, neutraal "
                        "bericht over het project."
                    ),
                    "feedback": (
                        "Officiële kanalen zijn politiek neutraal: wat u daar doet, is communicatie van de "
                        "organisatie ('Neutrale officiële kanalen'). Met een eigen bericht brengt u het goede "
                        "nieuws zonder een partij te steunen."
                    ),
                },
                "en": {
                    "text": (
                        "You leave the party post alone and publish your own neutral post about the project on the "
                        "agency account."
                    ),
                    "feedback": (
                        "Official channels are politically neutral: what you do there is communication from the "
                        "organisation ('Neutral official channels'). With your own post you share the good news "
                        "without backing a party."
                    ),
                },
            },
        ],
    },
    {
        "slug": "collega-lekt-aanbestedingsinformatie",
        "guidelines": ["duty-to-report", "gifts"],
        "nl": {
            "title": "Een collega speelt informatie door",
            "scenario": (
                "U merkt dat een collega via WhatsApp details uit een lopende aanbesteding doorstuurt naar een "
                "kennis bij een van de inschrijvers. Kort daarna post die collega foto's van een weekend in een "
                "luxehotel, 'dankzij een goede vriend'."
            ),
        },
        "en": {
            "title": "A colleague passing on information",
            "scenario": (
                "You notice a colleague sending details of an ongoing tender via WhatsApp to an acquaintance at one "
                "of the bidders. Shortly afterwards that colleague posts photos of a weekend in a luxury hotel, "
                "'thanks to a good friend'."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "recommended",
                "nl": {
                    "text": "U meldt wat u gezien hebt aan uw leidinggevende of aan een meldpunt integriteit.",
                    "feedback": (
                        "Informatie doorspelen en gunsten aannemen zijn mogelijke integriteitsschendingen, en die "
                        "meldt u ('Meldingsplicht'). Geschenken van derden zijn bovendien alleen binnen strikte "
                        "grenzen toegelaten ('Geschenken en uitnodigingen'). Wie te goeder trouw meldt, is "
                        "beschermd als klokkenluider."
                    ),
                },
                "en": {
                    "text": "You report what you saw to your manager or to an integrity reporting point.",
                    "feedback": (
                        "Passing on information and accepting favours are possible integrity breaches, and you "
                        "report them ('Duty to report'). Gifts from third parties are also only allowed within "
                        "strict limits ('Gifts and invitations'). Whistle-blowers who report in good faith are "
                        "protected."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": "U spreekt de collega aan en spreekt af dat het bij deze ene keer blijft.",
                    "feedback": (
                        "Dat lijkt collegiaal, maar zo dekt u een mogelijk misdrijf toe en loopt u zelf risico. De "
                        "'Meldingsplicht' vraagt dat u meldt bij uw leidinggevende, de interne auditdienst of een "
                        "meldpunt integriteit."
                    ),
                },
                "en": {
                    "text": "You talk to the colleague and agree that it will not happen again.",
                    "feedback": (
                        "That seems collegial, but you would be covering up a possible crime and putting yourself "
                        "at risk. The 'Duty to report' asks you to take it to your manager, internal audit or an "
                        "integrity reporting point."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U verzamelt eerst zelf meer bewijs door de berichten en posts van uw collega in het oog te "
                        "houden."
                    ),
                    "feedback": (
                        "Zelf onderzoek voeren is niet uw taak en kan een later onderzoek verstoren. Meld wat u "
                        "weet ('Meldingsplicht'); de bevoegde diensten zoeken het verder uit."
                    ),
                },
                "en": {
                    "text": (
                        "You first gather more evidence yourself by keeping an eye on your colleague's messages and "
                        "posts."
                    ),
                    "feedback": (
                        "Investigating is not your job and can disrupt a later inquiry. Report what you know ('Duty "
                        "to report'); the competent services will look into it."
                    ),
                },
            },
        ],
    },
    {
        "slug": "beslissing-aankondigen-aan-volgers",
        "guidelines": ["confidentiality"],
        "nl": {
            "title": "Goed nieuws voor uw volgers",
            "scenario": (
                "U werkt mee aan een nieuwe subsidieregeling voor jeugdverenigingen. De regeling ligt volgende week "
                "ter beslissing voor, en u weet dat veel van uw volgers er al lang op wachten. U wilt hen alvast "
                "laten weten dat er 'binnenkort goed nieuws' komt."
            ),
        },
        "en": {
            "title": "Good news for your followers",
            "scenario": (
                "You are helping to prepare a new grant scheme for youth organisations. It goes up for decision "
                "next week, and you know many of your followers have long been waiting for it. You want to let them "
                "know that 'good news is coming soon'."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U post dat er binnenkort goed nieuws komt voor jeugdverenigingen, zonder verdere details."
                    ),
                    "feedback": (
                        "Ook een hint verklapt iets over een dossier waarover nog niet beslist is ('Discretie'). "
                        "Valt de beslissing anders uit, dan wekt u bovendien valse verwachtingen."
                    ),
                },
                "en": {
                    "text": "You post that good news is coming soon for youth organisations, without further details.",
                    "feedback": (
                        "Even a hint reveals something about a file that has not been decided ('Confidentiality'). "
                        "If the decision turns out differently, you will also have raised false hopes."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U wacht tot de beslissing genomen en officieel bekendgemaakt is, en deelt dan het "
                        "officiële bericht."
                    ),
                    "feedback": (
                        "Dossiers zonder definitieve beslissing zijn vertrouwelijk ('Discretie'). Na de officiële "
                        "bekendmaking mag u het nieuws volop delen."
                    ),
                },
                "en": {
                    "text": (
                        "You wait until the decision has been taken and officially announced, and then share the "
                        "official news."
                    ),
                    "feedback": (
                        "Files without a final decision are confidential ('Confidentiality'). Once the official "
                        "announcement is out, you are free to share the news widely."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": (
                        "U vraagt uw leidinggevende of u al iets mag zeggen en post niets tot u een antwoord hebt."
                    ),
                    "feedback": (
                        "Bij twijfel vragen is precies wat 'Discretie' aanraadt. Het antwoord zal wellicht zijn dat "
                        "u de officiële bekendmaking afwacht, maar u doet niets verkeerd."
                    ),
                },
                "en": {
                    "text": (
                        "You ask your manager whether you may say anything yet, and post nothing until you have an "
                        "answer."
                    ),
                    "feedback": (
                        "Asking when in doubt is exactly what 'Confidentiality' advises. The answer will probably "
                        "be to wait for the official announcement, but you are doing nothing wrong."
                    ),
                },
            },
        ],
    },
    {
        "slug": "bloggen-over-vorige-job",
        "guidelines": ["confidentiality"],
        "nl": {
            "title": "Bloggen over uw vroegere job",
            "scenario": (
                "U hebt de overheid verlaten en werkt nu als consultant. Op uw nieuwe blog wilt u tonen wat u kunt, "
                "met verhalen over interne dossiers en discussies bij uw vroegere werkgever. U bent daar immers "
                "niet meer in dienst."
            ),
        },
        "en": {
            "title": "Blogging about your former job",
            "scenario": (
                "You have left the government and now work as a consultant. On your new blog you want to show what "
                "you can do, with stories about internal files and discussions at your former employer. After all, "
                "you no longer work there."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": "U schrijft over de dossiers, maar wacht tot ze minstens een jaar oud zijn.",
                    "feedback": (
                        "Tijd maakt vertrouwelijke informatie niet openbaar: de plicht tot 'Discretie' blijft "
                        "gelden na uw vertrek. Ook oudere dossiers kunnen persoonsgegevens of commerciële gegevens "
                        "bevatten."
                    ),
                },
                "en": {
                    "text": "You write about the files, but wait until they are at least a year old.",
                    "feedback": (
                        "Time does not make confidential information public: the duty of 'Confidentiality' "
                        "continues after you leave. Older files can also contain personal or commercial data."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": "U schrijft over de interne discussies, maar verandert de namen van de betrokkenen.",
                    "feedback": (
                        "Insiders herkennen de dossiers en de mensen zonder moeite. Uw plicht tot 'Discretie' loopt "
                        "door na uw vertrek en geldt voor de inhoud, niet alleen voor de namen."
                    ),
                },
                "en": {
                    "text": "You write about the internal discussions, but change the names of the people involved.",
                    "feedback": (
                        "Insiders will recognise the files and the people without difficulty. Your duty of "
                        "'Confidentiality' continues after you leave and covers the content, not just the names."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U laat interne dossiers achterwege en toont uw vakkennis aan de hand van openbare informatie."
                    ),
                    "feedback": (
                        "De plicht tot 'Discretie' eindigt niet wanneer u de organisatie verlaat. Uw expertise mag "
                        "u wel tonen, zolang u ze illustreert met informatie die al openbaar is."
                    ),
                },
                "en": {
                    "text": "You leave internal files out and show your expertise using public information.",
                    "feedback": (
                        "The duty of 'Confidentiality' does not end when you leave the organisation. You may "
                        "certainly show your expertise, as long as you illustrate it with information that is "
                        "already public."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "acceptable",
                "nl": {
                    "text": (
                        "U legt uw voorbeelden eerst voor aan uw vroegere leidinggevende en gebruikt alleen wat die "
                        "goedkeurt."
                    ),
                    "feedback": (
                        "Bij twijfel raad vragen past bij 'Discretie'. Besef wel dat niemand persoonsgegevens of "
                        "lopende dossiers zomaar kan vrijgeven; het veiligst is ze helemaal weg te laten."
                    ),
                },
                "en": {
                    "text": "You first submit your examples to your former manager and only use what they approve.",
                    "feedback": (
                        "Seeking advice when in doubt fits 'Confidentiality'. Bear in mind that nobody can simply "
                        "release personal data or ongoing files; the safest course is to leave them out altogether."
                    ),
                },
            },
        ],
    },
    {
        "slug": "geschenk-leverancier-via-linkedin",
        "guidelines": ["gifts", "objectivity"],
        "nl": {
            "title": "Een cadeaubon via LinkedIn",
            "scenario": (
                "Een leverancier met wie uw dienst een raamcontract heeft, stuurt u een bericht op LinkedIn. Als "
                "dank voor de 'fijne samenwerking' biedt hij u een digitale cadeaubon van 150 euro aan, en plaatsen "
                "in zijn loge voor een voetbalmatch. Volgend jaar loopt het contract af en komt er een nieuwe "
                "opdracht."
            ),
        },
        "en": {
            "title": "A gift voucher via LinkedIn",
            "scenario": (
                "A supplier with whom your service has a framework contract messages you on LinkedIn. To thank you "
                "for the 'great cooperation', he offers you a digital gift voucher worth 150 euros and seats in his "
                "box at a football match. Next year the contract expires and a new tender will follow."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U neemt alleen de uitnodiging voor de voetbalmatch aan, want dat is netwerken en geen geld."
                    ),
                    "feedback": (
                        "Plaatsen in een loge hebben een aanzienlijke waarde en dienen uw organisatie niet "
                        "('Geschenken en uitnodigingen'). Met een nieuwe opdracht in het vooruitzicht wekt u "
                        "bovendien de schijn van partijdigheid ('Objectiviteit')."
                    ),
                },
                "en": {
                    "text": (
                        "You only accept the invitation to the football match, because that is networking, not money."
                    ),
                    "feedback": (
                        "Seats in a private box are of considerable value and do not serve your organisation "
                        "('Gifts and invitations'). With a new tender coming up, you also create an appearance of "
                        "partiality ('Objectivity')."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U bedankt vriendelijk, weigert de bon en de uitnodiging, en brengt uw leidinggevende op de "
                        "hoogte."
                    ),
                    "feedback": (
                        "Geschenken van derden aanvaardt u alleen als ze een geringe waarde hebben, de organisatie "
                        "dienen en met het werk te maken hebben, en u meldt ze altijd ('Geschenken en "
                        "uitnodigingen'). Dat is hier niet het geval, en met een nieuwe opdracht op komst bewaakt u "
                        "zo ook uw 'Objectiviteit'."
                    ),
                },
                "en": {
                    "text": "You thank him politely, decline the voucher and the invitation, and inform your manager.",
                    "feedback": (
                        "You only accept gifts from third parties if they are of low value, serve the organisation "
                        "and relate to the work, and you always report them ('Gifts and invitations'). That is not "
                        "the case here, and with a new tender coming up you also protect your 'Objectivity'."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": "U laat het bericht onbeantwoord en aanvaardt niets.",
                    "feedback": (
                        "U aanvaardt niets, en dat is de kern. 'Geschenken en uitnodigingen' vraagt wel dat u uw "
                        "leidinggevende altijd op de hoogte brengt, ook als u weigert; een kort, beleefd antwoord "
                        "voorkomt misverstanden."
                    ),
                },
                "en": {
                    "text": "You leave the message unanswered and accept nothing.",
                    "feedback": (
                        "You accept nothing, which is the key point. 'Gifts and invitations' does ask you to always "
                        "inform your manager, even when you decline; a short, polite reply avoids "
                        "misunderstandings."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": "U aanvaardt de bon en schenkt hem aan het goede doel dat uw team steunt.",
                    "feedback": (
                        "Ook als u het geschenk doorgeeft, hebt u het eerst aanvaard, en de leverancier weet niet "
                        "wat u ermee deed. Een bon van 150 euro is geen geschenk van geringe waarde ('Geschenken en "
                        "uitnodigingen')."
                    ),
                },
                "en": {
                    "text": "You accept the voucher and donate it to the charity your team supports.",
                    "feedback": (
                        "Even if you pass the gift on, you accepted it first, and the supplier does not know what "
                        "you did with it. A voucher worth 150 euros is not a gift of low value ('Gifts and "
                        "invitations')."
                    ),
                },
            },
        ],
    },
    {
        "slug": "foto-whiteboard-ontwerpplan",
        "guidelines": ["confidentiality", "visible"],
        "nl": {
            "title": "Een foto van het whiteboard",
            "scenario": (
                "Na een geslaagde workshop post een collega op LinkedIn een groepsfoto van uw team met 'Trots op "
                "dit team!'. Op de achtergrond staat het whiteboard met een ontwerp van een reorganisatieplan, "
                "inclusief de diensten die zouden samensmelten. U staat ook op de foto en bent getagd."
            ),
        },
        "en": {
            "title": "A photo of the whiteboard",
            "scenario": (
                "After a successful workshop a colleague posts a team photo on LinkedIn with 'Proud of this team!'. "
                "In the background is the whiteboard with a draft reorganisation plan, including the services that "
                "would merge. You are in the photo too and have been tagged."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U vraagt uw collega meteen om de foto te vervangen door een versie zonder whiteboard, en u "
                        "verwittigt uw leidinggevende."
                    ),
                    "feedback": (
                        "Een ontwerpplan is een dossier zonder definitieve beslissing en dus vertrouwelijk "
                        "('Discretie'). Snel handelen beperkt de schade, maar wie al een schermafdruk nam, heeft de "
                        "foto nog ('Zichtbaar en aanspreekbaar'); daarom moet ook uw leidinggevende het weten."
                    ),
                },
                "en": {
                    "text": (
                        "You immediately ask your colleague to replace the photo with a version without the "
                        "whiteboard, and you inform your manager."
                    ),
                    "feedback": (
                        "A draft plan is a file without a final decision and therefore confidential "
                        "('Confidentiality'). Acting quickly limits the damage, but anyone who already took a "
                        "screenshot still has the photo ('Visible and accountable'); that is why your manager needs "
                        "to know too."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "risky",
                "nl": {
                    "text": "U verwijdert alleen uw eigen tag, zodat u er niet mee geassocieerd wordt.",
                    "feedback": (
                        "De vertrouwelijke informatie blijft gewoon online staan ('Discretie'). Uw naam weghalen "
                        "verandert niets aan wat anderen al gezien of vastgelegd hebben ('Zichtbaar en "
                        "aanspreekbaar')."
                    ),
                },
                "en": {
                    "text": "You only remove your own tag, so that you are not associated with it.",
                    "feedback": (
                        "The confidential information simply stays online ('Confidentiality'). Removing your name "
                        "does not change what others have already seen or captured ('Visible and accountable')."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": "U spreekt uw collega niet aan, maar meldt de foto aan uw leidinggevende.",
                    "feedback": (
                        "Uw leidinggevende verwittigen is goed, maar elke minuut telt. Spreek ook uw collega meteen "
                        "aan, zodat het plan zo snel mogelijk offline is ('Discretie')."
                    ),
                },
                "en": {
                    "text": "You do not approach your colleague, but report the photo to your manager.",
                    "feedback": (
                        "Informing your manager is good, but every minute counts. Speak to your colleague straight "
                        "away as well, so that the plan goes offline as quickly as possible ('Confidentiality')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": "U laat het zo, want op de foto is het whiteboard amper leesbaar.",
                    "feedback": (
                        "Wie inzoomt, kan vaak meer lezen dan u denkt, en foto's worden gedeeld en bewaard "
                        "('Zichtbaar en aanspreekbaar'). Een ontwerpplan valt onder 'Discretie', ook als het maar "
                        "half leesbaar is."
                    ),
                },
                "en": {
                    "text": "You leave it, because the whiteboard is barely legible in the photo.",
                    "feedback": (
                        "Zooming in often reveals more than you think, and photos get shared and saved ('Visible "
                        "and accountable'). A draft plan falls under 'Confidentiality', even if it is only half "
                        "legible."
                    ),
                },
            },
        ],
    },
    {
        "slug": "verwijderde-reactie-schermafdruk",
        "guidelines": ["visible", "own-name", "loyalty"],
        "nl": {
            "title": "Een reactie die u liever niet geplaatst had",
            "scenario": (
                "Na een lange dag hebt u 's avonds een cynische reactie gepost onder een nieuwsbericht over uw "
                "eigen agentschap. De volgende ochtend hebt u spijt en verwijdert u ze. Dan ziet u dat iemand er "
                "een schermafdruk van gedeeld heeft."
            ),
        },
        "en": {
            "title": "A comment you wish you had not posted",
            "scenario": (
                "After a long day you posted a cynical comment one evening under a news item about your own agency. "
                "The next morning you regret it and delete it. Then you see that someone has shared a screenshot of "
                "it."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": "U ontkent dat u de reactie geschreven hebt als iemand ernaar vraagt.",
                    "feedback": (
                        "Ontkennen maakt het erger: u blijft aanspreekbaar op wat u gepost hebt, en een "
                        "schermafdruk is moeilijk te weerleggen ('Zichtbaar en aanspreekbaar'). Het kost u "
                        "bovendien het vertrouwen van uw leidinggevende en collega's."
                    ),
                },
                "en": {
                    "text": "You deny writing the comment if anyone asks about it.",
                    "feedback": (
                        "Denying it makes things worse: you remain accountable for what you posted, and a "
                        "screenshot is hard to refute ('Visible and accountable'). It would also cost you the trust "
                        "of your manager and colleagues."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "acceptable",
                "nl": {
                    "text": "U laat het rusten en hoopt dat de schermafdruk snel vergeten wordt.",
                    "feedback": (
                        "Soms waait het vanzelf over, maar u hebt geen controle over waar de schermafdruk opduikt "
                        "('Zichtbaar en aanspreekbaar'). Komt het op het werk ter sprake, dan staat u sterker als u "
                        "het zelf al gemeld hebt."
                    ),
                },
                "en": {
                    "text": "You let it rest and hope the screenshot is soon forgotten.",
                    "feedback": (
                        "Sometimes it blows over, but you have no control over where the screenshot turns up "
                        "('Visible and accountable'). If it comes up at work, you are in a stronger position if you "
                        "reported it yourself."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U reageert onder de schermafdruk met een lange verdediging van uw oorspronkelijke reactie."
                    ),
                    "feedback": (
                        "Zo trekt u nog meer aandacht naar de zaak en zet u de discussie publiek voort. Kritiek op "
                        "uw eigen organisatie bespreekt u beter intern ('Loyaliteit')."
                    ),
                },
                "en": {
                    "text": "You reply under the screenshot with a long defence of your original comment.",
                    "feedback": (
                        "That draws even more attention to the matter and continues the discussion in public. "
                        "Criticism of your own organisation is better discussed internally ('Loyalty')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U brengt zelf uw leidinggevende op de hoogte en plaatst zo nodig een korte, rustige "
                        "rechtzetting in eigen naam."
                    ),
                    "feedback": (
                        "Wat u post, blijft bestaan, ook na verwijdering ('Zichtbaar en aanspreekbaar'). Door open "
                        "te zijn tegenover uw leidinggevende toont u 'Loyaliteit', en een rechtzetting maakt "
                        "duidelijk dat het om uw persoonlijke reactie ging ('In eigen naam')."
                    ),
                },
                "en": {
                    "text": (
                        "You inform your manager yourself and, if needed, post a short, calm correction in your own "
                        "name."
                    ),
                    "feedback": (
                        "What you post lives on, even after deletion ('Visible and accountable'). Being open with "
                        "your manager shows 'Loyalty', and a correction makes clear that it was your personal "
                        "reaction ('In your own name')."
                    ),
                },
            },
        ],
    },
    {
        "slug": "foute-info-in-buurtgroep",
        "guidelines": ["correct-facts", "own-name", "neutral-channels"],
        "nl": {
            "title": "Foute informatie in een buurtgroep",
            "scenario": (
                "In een Facebookgroep van uw gemeente beweert iemand dat de renovatiepremie waaraan u werkt "
                "'volgende maand afgeschaft wordt'. Dat klopt niet. Tientallen mensen reageren ongerust, en u wilt "
                "de onrust wegnemen."
            ),
        },
        "en": {
            "title": "Wrong information in a local group",
            "scenario": (
                "In a Facebook group for your town, someone claims that the renovation grant you work on 'will be "
                "scrapped next month'. That is not true. Dozens of people react with concern, and you want to "
                "reassure them."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U reageert met uw privéaccount dat u bij de overheid aan de premie werkt en dat ze "
                        "'gegarandeerd' blijft."
                    ),
                    "feedback": (
                        "Zo spreekt u eigenlijk namens de organisatie, en 'gegarandeerd' is een belofte die u niet "
                        "kunt waarmaken ('Correcte feiten'). Reageert u, maak dan duidelijk dat u in eigen naam "
                        "spreekt ('In eigen naam')."
                    ),
                },
                "en": {
                    "text": (
                        "You reply from your private account that you work on the grant at the government and that "
                        "it is 'guaranteed' to stay."
                    ),
                    "feedback": (
                        "You are effectively speaking for the organisation, and 'guaranteed' is a promise you "
                        "cannot keep ('Correct facts'). If you reply, make clear that you speak in your own name "
                        "('In your own name')."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "acceptable",
                "nl": {
                    "text": "U meldt het gerucht aan de communicatiedienst en reageert zelf niet.",
                    "feedback": (
                        "Een veilige keuze: de communicatiedienst kan via de officiële kanalen reageren ('Neutrale "
                        "officiële kanalen'). U had ook zelf, in eigen naam, naar de juiste informatie kunnen "
                        "verwijzen."
                    ),
                },
                "en": {
                    "text": "You report the rumour to the communications department and do not reply yourself.",
                    "feedback": (
                        "A safe choice: the communications department can respond through the official channels "
                        "('Neutral official channels'). You could also have pointed to the correct information "
                        "yourself, in your own name."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "recommended",
                "nl": {
                    "text": (
                        "U reageert in eigen naam met een link naar de officiële pagina met de geldende "
                        "voorwaarden, en u verwittigt de communicatiedienst."
                    ),
                    "feedback": (
                        "U geeft juiste, volledige informatie uit de officiële bron ('Correcte feiten') en maakt "
                        "duidelijk dat u als privépersoon reageert ('In eigen naam'). Een officiële reactie laat u "
                        "over aan de communicatiedienst ('Neutrale officiële kanalen')."
                    ),
                },
                "en": {
                    "text": (
                        "You reply in your own name with a link to the official page with the current conditions, "
                        "and you alert the communications department."
                    ),
                    "feedback": (
                        "You give accurate, complete information from the official source ('Correct facts') and "
                        "make clear that you are replying as a private person ('In your own name'). You leave an "
                        "official response to the communications department ('Neutral official channels')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U reageert via het officiële account van uw agentschap, dat u mee beheert, met een scherpe "
                        "terechtwijzing."
                    ),
                    "feedback": (
                        "Wat u via het officiële account plaatst, is communicatie van de organisatie ('Neutrale "
                        "officiële kanalen'). Een scherpe toon past daar niet: een officieel antwoord is zakelijk, "
                        "correct en afgestemd met de communicatiedienst."
                    ),
                },
                "en": {
                    "text": (
                        "You reply from your agency's official account, which you help manage, with a sharp rebuke."
                    ),
                    "feedback": (
                        "What you post on the official account is communication from the organisation ('Neutral "
                        "official channels'). A sharp tone has no place there: an official reply is businesslike, "
                        "accurate and agreed with the communications department."
                    ),
                },
            },
        ],
    },
    {
        "slug": "bezwaren-tegen-reorganisatie",
        "guidelines": ["speak-up-inside", "loyalty", "confidentiality"],
        "nl": {
            "title": "Bedenkingen bij een reorganisatie",
            "scenario": (
                "Uw afdeling wordt gereorganiseerd, en u vindt dat het nieuwe plan de dienstverlening aan burgers "
                "zal schaden. Er is nog geen definitieve beslissing. Een oud-collega raadt u aan om uw bezwaren in "
                "een opiniestuk op LinkedIn te gieten, 'want intern luistert toch niemand'."
            ),
        },
        "en": {
            "title": "Doubts about a reorganisation",
            "scenario": (
                "Your department is being reorganised, and you believe the new plan will harm the service to "
                "citizens. No final decision has been taken yet. A former colleague advises you to put your "
                "objections in an opinion piece on LinkedIn, 'because nobody listens internally anyway'."
            ),
        },
        "options": [
            {
                "key": "a",
                "verdict": "risky",
                "nl": {
                    "text": "U schrijft het opiniestuk en vermeldt duidelijk dat het uw persoonlijke mening is.",
                    "feedback": (
                        "Een disclaimer volstaat hier niet: het plan is nog niet beslist, dus de inhoud is "
                        "vertrouwelijk ('Discretie'). Uw bezwaren horen eerst intern thuis ('Intern het woord "
                        "nemen')."
                    ),
                },
                "en": {
                    "text": "You write the opinion piece and state clearly that it is your personal opinion.",
                    "feedback": (
                        "A disclaimer is not enough here: the plan has not been decided, so its content is "
                        "confidential ('Confidentiality'). Your objections belong inside the organisation first "
                        "('Speak up inside')."
                    ),
                },
            },
            {
                "key": "b",
                "verdict": "recommended",
                "nl": {
                    "text": "U zet uw bezwaren op papier en legt ze voor aan uw leidinggevende en op het teamoverleg.",
                    "feedback": (
                        "Intern uw standpunt verdedigen mag niet alleen, het wordt ook van u verwacht ('Intern het "
                        "woord nemen'). Zo kan uw kritiek het plan nog verbeteren, en blijft u loyaal aan uw "
                        "organisatie ('Loyaliteit')."
                    ),
                },
                "en": {
                    "text": "You write down your objections and present them to your manager and at the team meeting.",
                    "feedback": (
                        "Arguing your case internally is not only allowed, it is expected of you ('Speak up "
                        "inside'). That way your criticism can still improve the plan, and you stay loyal to your "
                        "organisation ('Loyalty')."
                    ),
                },
            },
            {
                "key": "c",
                "verdict": "acceptable",
                "nl": {
                    "text": "U zwijgt voorlopig en wacht af hoe de reorganisatie uitdraait.",
                    "feedback": (
                        "U overtreedt geen regels, maar u laat een kans liggen. Intern uw mening geven is niet "
                        "alleen een recht, maar ook een plicht ('Intern het woord nemen')."
                    ),
                },
                "en": {
                    "text": "You keep quiet for now and wait to see how the reorganisation turns out.",
                    "feedback": (
                        "You break no rules, but you miss an opportunity. Giving your opinion internally is not "
                        "just a right but also a duty ('Speak up inside')."
                    ),
                },
            },
            {
                "key": "d",
                "verdict": "risky",
                "nl": {
                    "text": (
                        "U liket en deelt de kritische berichten die andere collega's over het plan online zetten."
                    ),
                    "feedback": (
                        "Ook liken en delen is publiek een standpunt innemen, over een dossier dat nog niet beslist "
                        "is ('Discretie'). Uw kritiek bespreekt u beter rechtstreeks met de betrokkenen "
                        "('Loyaliteit')."
                    ),
                },
                "en": {
                    "text": "You like and share the critical posts other colleagues put online about the plan.",
                    "feedback": (
                        "Liking and sharing is also taking a public stance, on a file that has not been decided "
                        "('Confidentiality'). Your criticism is better discussed directly with those involved "
                        "('Loyalty')."
                    ),
                },
            },
        ],
    },
]
