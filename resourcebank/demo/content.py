"""The demo's texts, in Bokmål, as plain Python data.

Built from the facts of the national work plan and Oslo SV's work plan 2024–2027, written
for the demo. Keys (slugs, dates, titles) are stable: ``load_demo`` finds existing objects by
them, so changing a key creates a new object on the next run.
"""

import datetime

D = datetime.date

# --- Home page and index pages -------------------------------------------------------------

HOME = {
    "intro": (
        "Ressursbanken samler det lokallag, fylkeslag, tillitsvalgte og folkevalgte trenger "
        "for å drive godt partiarbeid: kampanjepakker, skoleringsopplegg, håndbøker og "
        "erfaringer fra lag som har fått det til."
    ),
    "body": [
        ("heading", "Finn det du trenger"),
        (
            "paragraph",
            "Skal laget ditt markere en merkedag, ta imot nye medlemmer eller forberede "
            "budsjettdebatten i kommunestyret? Her finner du ferdige opplegg som kan brukes "
            "som de er, eller tilpasses der dere bor.",
        ),
        ("heading", "Del det som virker"),
        (
            "paragraph",
            "Har laget ditt prøvd noe som fungerte? Send det til redaksjonen, så kan andre "
            "lag lære av dere.",
        ),
    ],
}

INDEX_PAGES = {
    "campaigns": {
        "slug": "kampanjer",
        "title": "Kampanjepakker",
        "intro": (
            "Ferdige pakker for merkedager og valgkamp: budskap, plakater, grafikk, "
            "løpesedler, forslag til arrangementer for lokallag og aktiviteter du kan gjøre "
            "på egen hånd."
        ),
    },
    "stories": {
        "slug": "gode-eksempler",
        "title": "Gode eksempler",
        "intro": (
            "Hva har andre lokallag fått til, og hvordan gikk de fram? Her deler lagene "
            "erfaringene sine, slik at flere kan gjøre det samme."
        ),
    },
    "training": {
        "slug": "skolering",
        "title": "Skolering",
        "intro": (
            "Skoleringsopplegg for medlemmer, tillitsvalgte, kandidater og folkevalgte, med "
            "veiledning for dem som skal holde kurset, og en oversikt over kommende kurs."
        ),
    },
    "handbooks": {
        "slug": "handboker",
        "title": "Håndbøker",
        "intro": (
            "Oppslagsverk for lokallag, fylkeslag og folkevalgte: hvordan organisasjonen "
            "fungerer, hva vervene innebærer, og hvordan dere går fram i praksis."
        ),
    },
}

# --- Taxonomy -------------------------------------------------------------------------------

AUDIENCES = [
    ("tillitsvalgte", "Tillitsvalgte", "Alle som har et verv i et lokallag eller fylkeslag."),
    ("folkevalgte", "Folkevalgte", "Representanter i kommunestyrer, bydelsutvalg og fylkesting."),
    ("kandidater", "Kandidater", "Medlemmer som står på en valgliste eller vurderer å gjøre det."),
    ("nye-medlemmer", "Nye medlemmer", "Medlemmer det første året i partiet."),
    ("lokallagsledere", "Lokallagsledere", "Ledere og nestledere i lokallagene."),
    ("fylkesstyrer", "Fylkesstyrer", "Medlemmer av fylkesstyrene og deres arbeidsutvalg."),
    (
        "nominasjonskomiteer",
        "Nominasjonskomiteer",
        "Ledere og medlemmer av valg- og nominasjonskomiteer.",
    ),
    ("alle-medlemmer", "Alle medlemmer", "Alt som passer for hvem som helst i partiet."),
]

TOPICS = [
    ("organisasjonsbygging", "Organisasjonsbygging", "Styrearbeid, møter og aktive lag."),
    ("valgkamp", "Valgkamp", "Planlegging og gjennomføring av valgkamper."),
    (
        "kommunikasjon-og-sosiale-medier",
        "Kommunikasjon og sosiale medier",
        "Budskap, innhold, video og annonsering.",
    ),
    ("okonomi-og-budsjett", "Økonomi og budsjett", "Lagsøkonomi og kommunale budsjetter."),
    ("feminisme-og-likestilling", "Feminisme og likestilling", "Kvinnekamp og likestilling."),
    ("klima-og-miljo", "Klima og miljø", "Klimapolitikk, natur og miljøvern."),
    ("arbeidsliv", "Arbeidsliv", "Faglig arbeid og samarbeid med fagbevegelsen."),
    ("antirasisme", "Antirasisme", "Kamp mot rasisme og diskriminering."),
    ("medlemsverving", "Medlemsverving", "Å verve, ta imot og beholde medlemmer."),
    ("skeiv-politikk", "Skeiv politikk", "Rettighetene til skeive og kjønnsmangfoldige."),
    ("urfolk-og-minoriteter", "Urfolk og minoriteter", "Samisk politikk og minoritetsspråk."),
    ("inkludering-og-mangfold", "Inkludering og mangfold", "En åpen partikultur for alle."),
    ("alliansebygging", "Alliansebygging", "Samarbeid med organisasjoner og bevegelser."),
    ("folkevalgtarbeid", "Folkevalgtarbeid", "Rollen som folkevalgt og saksarbeid."),
]

# key, name, month, day, description
COMMEMORATION_DAYS = [
    (
        "samefolkets-dag",
        "Samefolkets dag",
        2,
        6,
        "Samenes nasjonaldag. En dag for å løfte samiske rettigheter, språk og kultur.",
    ),
    (
        "morsmalsdagen",
        "Den internasjonale morsmålsdagen",
        2,
        21,
        "FNs dag for språklig mangfold og retten til å bruke sitt eget morsmål.",
    ),
    (
        "kvinnedagen",
        "Den internasjonale kvinnedagen",
        3,
        8,
        "Vi går i tog med egne paroler og samles til arrangement før toget.",
    ),
    (
        "arbeidernes-dag",
        "Arbeidernes internasjonale kampdag",
        5,
        1,
        "Vi går i 1. mai-toget og samler medlemmene etterpå.",
    ),
    (
        "verdens-miljodag",
        "Verdens miljødag",
        6,
        5,
        "En dag for å vise fram klima- og naturpolitikken vår.",
    ),
    (
        "skeiv-kamp",
        "Skeiv kamp – 25. juni",
        6,
        25,
        "Minnedag for angrepet mot det skeive miljøet i Oslo i 2022, og starten på en "
        "sommer med Pride, stand og deltakelse i paraden.",
    ),
    (
        "22-juli",
        "22. juli",
        7,
        22,
        "Minnedag for terrorangrepene i 2011. Markeres i tråd med råd fra støttegruppen.",
    ),
    (
        "vold-mot-kvinner",
        "Dagen for avskaffelse av vold mot kvinner",
        11,
        25,
        "FNs internasjonale dag mot vold mot kvinner.",
    ),
    (
        "funksjonshemmedes-dag",
        "FN-dagen for personer med funksjonsnedsettelse",
        12,
        3,
        "En dag for å løfte universell utforming og like rettigheter.",
    ),
]

COUNTIES = [
    ("oslo", "Oslo"),
    ("rogaland", "Rogaland"),
    ("more-og-romsdal", "Møre og Romsdal"),
    ("nordland", "Nordland"),
    ("ostfold", "Østfold"),
    ("akershus", "Akershus"),
    ("buskerud", "Buskerud"),
    ("innlandet", "Innlandet"),
    ("vestfold", "Vestfold"),
    ("telemark", "Telemark"),
    ("agder", "Agder"),
    ("vestland", "Vestland"),
    ("trondelag", "Trøndelag"),
    ("troms", "Troms"),
    ("finnmark", "Finnmark"),
]

# Oslo SV's 16 local branches. The plan gives sizes as bands (under 100, about 100–150,
# 150–300, over 300); the counts below are demo figures inside each band.
OSLO_BRANCHES = [
    ("oslo-studentlaget", "Studentlaget", 70),
    ("oslo-stovner", "Stovner SV", 80),
    ("oslo-ullern", "Ullern SV", 90),
    ("oslo-grorud", "Grorud SV", 110),
    ("oslo-vestre-aker", "Vestre Aker SV", 130),
    ("oslo-bjerke", "Bjerke SV", 145),
    ("oslo-alna", "Alna SV", 170),
    ("oslo-nordstrand", "Nordstrand SV", 210),
    ("oslo-sondre-nordstrand", "Søndre Nordstrand SV", 160),
    ("oslo-frogner", "Frogner SV", 230),
    ("oslo-nordre-aker", "Nordre Aker SV", 260),
    ("oslo-ostensjo", "Østensjø SV", 240),
    ("oslo-st-hanshaugen", "St. Hanshaugen SV", 280),
    ("oslo-sagene", "Sagene SV", 360),
    ("oslo-grunerlokka", "Grünerløkka SV", 420),
    ("oslo-gamle-oslo", "Gamle Oslo SV", 390),
]

# --- Campaign packs -------------------------------------------------------------------------

CAMPAIGNS = [
    {
        "slug": "8-mars",
        "title": "8. mars: Likestilling er ikke ferdig",
        "day": (3, 8),
        "period": (D(2027, 2, 15), D(2027, 3, 8)),
        "review_by": D(2027, 1, 15),
        "summary": "Parolemøte, tog og stand: alt lokallaget trenger for å markere kvinnedagen.",
        "message": (
            "Likestillingen er ikke ferdig før kvinner har like lønn, like trygge hverdager "
            "og like stor makt. Derfor går vi i tog – og derfor krever vi mer enn fine ord."
        ),
        "audiences": ["alle-medlemmer", "tillitsvalgte"],
        "topics": ["feminisme-og-likestilling", "arbeidsliv"],
        "tags": ["8. mars", "kvinnedagen"],
        "body": [
            (
                "Hvorfor vi markerer dagen",
                "Kvinnedagen er en av de viktigste dagene i året for partiet. Vi deltar i "
                "komiteens arbeid med parolene og samler medlemmene før toget.",
            ),
            (
                "Budskapet i år",
                "I år løfter vi likelønn i kvinnedominerte yrker og retten til heltid. Bruk "
                "plakaten og grafikken, og lag gjerne en lokal vri.",
            ),
        ],
        "events": [
            (
                "Frokost før toget",
                "Inviter medlemmer og sympatisører til frokost og plakatmaling før toget "
                "går. Ta med bannere og sørg for at nye medlemmer får noen å gå sammen med.",
                "Morgenen 8. mars",
            ),
            (
                "Stand i bydelen",
                "Stå på stand utenfor et kjøpesenter eller en T-banestasjon uka før, del ut "
                "løpesedler og inviter folk til å gå i toget.",
                "Lørdagen før 8. mars",
            ),
        ],
        "activities": [
            (
                "Del grafikken",
                "Del kampanjegrafikken i dine kanaler og skriv én setning om hvorfor du går i tog.",
                "digital",
            ),
            (
                "Ta med en venn",
                "Spør en venn eller kollega om å bli med i toget, og gå sammen med SV.",
                "physical",
            ),
        ],
        "poster": ("Likestilling er ikke ferdig", "Gå i tog med SV 8. mars", "#8c1d40", "#f2a900"),
        "talking_points": [
            "Kvinner tjener fortsatt mindre enn menn, også for likt arbeid.",
            "Mange i kvinnedominerte yrker får ikke jobbe heltid.",
            "Vold i nære relasjoner rammer særlig kvinner og barn.",
            "SV vil ha likelønnsløft, rett til heltid og et krisesentertilbud i hver kommune.",
        ],
    },
    {
        "slug": "1-mai",
        "title": "1. mai: Et arbeidsliv med trygge jobber",
        "day": (5, 1),
        "period": (D(2027, 4, 10), D(2027, 5, 1)),
        "review_by": D(2027, 3, 1),
        "summary": "Tog, stand og sosialt treff etter toget på arbeidernes dag.",
        "message": (
            "Faste, hele stillinger er grunnlaget for et godt liv. På 1. mai står vi sammen "
            "med fagbevegelsen mot sosial dumping og for et arbeidsliv der alle har det trygt."
        ),
        "audiences": ["alle-medlemmer", "tillitsvalgte"],
        "topics": ["arbeidsliv", "alliansebygging"],
        "tags": ["1. mai", "fagbevegelsen"],
        "body": [
            (
                "Sammen med fagbevegelsen",
                "Lokallagene kan invitere den lokale fagforeningen til å innlede på et "
                "medlemsmøte i april, og gå sammen i toget.",
            ),
            (
                "Etter toget",
                "Fylkeslaget arrangerer et sosialt treff for alle medlemmer etter toget. "
                "Lokallag som ikke har tog i nærheten, kan lage sitt eget.",
            ),
        ],
        "events": [
            (
                "Medlemsmøte med fagforeningen",
                "Be en tillitsvalgt fra en fagforening i kommunen om å fortelle hva som skjer "
                "på arbeidsplassene. Avslutt med paroleskriving til toget.",
                "Siste uka i april",
            ),
            (
                "Sosialt treff etter toget",
                "Reserver et lokale eller en park, ta med mat og musikk, og inviter alle som "
                "gikk i toget.",
                "1. mai, etter toget",
            ),
        ],
        "activities": [
            (
                "Skriv et leserinnlegg",
                "Skriv et kort innlegg til lokalavisa om hvordan arbeidslivet ser ut der du "
                "jobber.",
                "digital",
            ),
            (
                "Gå i toget",
                "Møt opp ved SV-banneret og gå sammen med lokallaget.",
                "physical",
            ),
        ],
        "poster": ("Trygge jobber for alle", "Gå i 1. mai-toget med SV", "#b3121f", "#ffffff"),
        "talking_points": [
            "Faste ansettelser skal være hovedregelen.",
            "Innleie og midlertidighet gjør folk utrygge.",
            "Sterke fagforeninger gir et bedre arbeidsliv for alle.",
        ],
    },
    {
        "slug": "5-juni",
        "title": "5. juni: Natur og klima er lokalpolitikk",
        "day": (6, 5),
        "period": (D(2027, 5, 20), D(2027, 6, 5)),
        "review_by": D(2027, 4, 1),
        "summary": "Aksjoner og turer på verdens miljødag, med fokus på lokal natur.",
        "message": (
            "Klimakutt og naturvern skjer der folk bor: i arealplanen, i kollektivtilbudet og "
            "i skolematen. På verdens miljødag viser vi hva SV vil gjøre i din kommune."
        ),
        "audiences": ["alle-medlemmer", "folkevalgte"],
        "topics": ["klima-og-miljo"],
        "tags": ["miljødagen", "natur"],
        "body": [
            (
                "Lokale saker",
                "Finn en konkret sak i kommunen: et grøntområde som er truet, en bussrute som "
                "er lagt ned, en bekk som kan åpnes. Bygg markeringen rundt den.",
            ),
        ],
        "events": [
            (
                "Naturvandring",
                "Inviter til en tur i et område som er truet av utbygging, gjerne med en "
                "folkevalgt eller en fra en miljøorganisasjon som guide.",
                "Helgen nærmest 5. juni",
            ),
        ],
        "activities": [
            (
                "Meld fra om lokal natur",
                "Ta bilde av et naturområde du vil bevare, og del det med emneknaggen "
                "lokallaget bruker.",
                "digital",
            ),
            (
                "Plukk søppel",
                "Bruk en time på å rydde en strand eller et friområde nær deg.",
                "physical",
            ),
        ],
        "poster": ("Naturen er ikke til salgs", "Verdens miljødag 5. juni", "#1f5f3b", "#c8e000"),
        "talking_points": [
            "Nedbygging av natur er en av de største truslene mot mangfoldet.",
            "Kommunene bestemmer over arealene og kan si nei.",
            "Bedre kollektivtilbud kutter utslipp og gjør hverdagen enklere.",
        ],
    },
    {
        "slug": "6-februar",
        "title": "6. februar: Samefolkets dag",
        "day": (2, 6),
        "period": (D(2027, 1, 25), D(2027, 2, 6)),
        "review_by": D(2026, 10, 1),
        "summary": "Flagg, kunnskap og samiske rettigheter på samenes nasjonaldag.",
        "message": (
            "Samiske rettigheter er menneskerettigheter. På samefolkets dag feirer vi samisk "
            "kultur og språk, og krever at sannhet og forsoning følges opp i praksis."
        ),
        "audiences": ["alle-medlemmer"],
        "topics": ["urfolk-og-minoriteter"],
        "tags": ["samefolkets dag"],
        "body": [
            (
                "Lær før dere markerer",
                "Inviter en samisk innleder, eller bruk materialet fra Sannhets- og "
                "forsoningskommisjonen som utgangspunkt for en samtale i laget.",
            ),
        ],
        "events": [
            (
                "Kveld med samisk innleder",
                "Arranger et åpent møte med en samisk innleder om språk, reindrift eller "
                "fornorskingens ettervirkninger. Server gjerne bidos.",
                "Uka før 6. februar",
            ),
        ],
        "activities": [
            (
                "Lær tre ord",
                "Lær deg tre ord på et samisk språk og del dem med noen.",
                "digital",
            ),
            (
                "Heis flagget",
                "Delta på flaggheising ved rådhuset eller skolen i nærheten.",
                "physical",
            ),
        ],
        "poster": ("Lihkku beivviin!", "Samefolkets dag 6. februar", "#0b4f8a", "#e03c31"),
        "talking_points": [
            "Samisk språk og kultur må sikres i skole og barnehage.",
            "Vedtak om arealer må respektere samiske rettigheter.",
            "Forsoning krever handling, ikke bare ord.",
        ],
    },
    {
        "slug": "25-november",
        "title": "25. november: Stopp volden mot kvinner",
        "day": (11, 25),
        "period": (D(2026, 11, 5), D(2026, 12, 10)),
        "review_by": D(2026, 9, 1),
        "summary": "Markering av FN-dagen mot vold mot kvinner, med lokale krav.",
        "message": (
            "Ingen skal være redd hjemme. Vi krever nok krisesenterplasser, raskere hjelp "
            "og forebygging som starter i skolen."
        ),
        "audiences": ["alle-medlemmer", "folkevalgte"],
        "topics": ["feminisme-og-likestilling"],
        "tags": ["25. november", "vold mot kvinner"],
        "body": [
            (
                "Gjør det lokalt",
                "Spør kommunen hvor lang ventetid det er for hjelp, og bruk svaret i "
                "markeringen. Folkevalgte kan stille spørsmål i kommunestyret.",
            ),
        ],
        "events": [
            (
                "Fakkeltog eller lysmarkering",
                "Samle folk til en kort markering med lys på et sentralt sted, med én eller "
                "to korte appeller.",
                "25. november, kveld",
            ),
        ],
        "activities": [
            (
                "Del hjelpetelefonen",
                "Del informasjon om hvor man kan få hjelp, slik at flere vet hvor de kan ringe.",
                "digital",
            ),
            (
                "Delta i markeringen",
                "Møt opp på lysmarkeringen og ta med noen.",
                "physical",
            ),
        ],
        "poster": ("Ingen skal være redd hjemme", "25. november", "#4b1e6d", "#ff8c00"),
        "talking_points": [
            "Alle kommuner skal ha et godt krisesentertilbud.",
            "Forebygging må starte tidlig, med undervisning om grenser og samtykke.",
            "Politiet trenger kapasitet til å følge opp voldssaker raskt.",
        ],
    },
    {
        "slug": "stortingsvalget-2025",
        "title": "Stortingsvalget 2025",
        "day": None,
        "period": (D(2025, 6, 1), D(2025, 9, 8)),
        "review_by": D(2026, 6, 1),
        "summary": "Alt til valgkampen: budskap, dørbank, stand og materiell.",
        "message": (
            "Et rettferdig Norge med mindre forskjeller og kraftige klimakutt. Vi stiller "
            "til valg for å få mer makt til fellesskapet."
        ),
        "audiences": ["alle-medlemmer", "kandidater", "tillitsvalgte"],
        "topics": ["valgkamp", "medlemsverving"],
        "tags": ["valgkamp", "stortingsvalget"],
        "body": [
            (
                "Valgkampstrategi for laget",
                "Hvert lokallag lager en kort valgkampstrategi med tydelig ansvarsfordeling, "
                "for eksempel i en valgkampgruppe.",
            ),
            (
                "Dørbank virker",
                "Samtaler ansikt til ansikt flytter flere stemmer enn noe annet vi gjør. "
                "Fylkeslaget velger ut områder og lager ruter.",
            ),
        ],
        "events": [
            (
                "Dørbankkveld",
                "Møt opp sammen, få en kort innføring, bank dører i to timer og avslutt med pizza.",
                "Ukentlig i august",
            ),
            (
                "Valgkamp-kickoff",
                "Samle alle frivillige til en felles start på valgkampen med appeller og "
                "opplæring.",
                "Juni",
            ),
        ],
        "activities": [
            (
                "Ring fem medlemmer",
                "Ring fem medlemmer i laget og spør om de vil være med på en valgkampaktivitet.",
                "digital",
            ),
            (
                "Heng opp plakater",
                "Hent plakater hos laget og heng dem opp der du ferdes.",
                "physical",
            ),
        ],
        "poster": ("Mer til fellesskapet", "Stem SV 8. september", "#b3121f", "#f2a900"),
        "talking_points": [
            "Skatt etter evne og mindre forskjeller.",
            "Kraftige klimakutt som folk har råd til.",
            "En velferd uten kommersielle profitører.",
            "Bygg flere rimelige boliger.",
        ],
    },
]

# What each suggested event takes and which branch sizes it suits (by the event's title).
EVENT_NEEDS = {
    "Frokost før toget": dict(
        people_needed=4,
        preparation_hours=6,
        cost="low",
        lead_time_weeks=3,
        branch_sizes=["board", "large"],
    ),
    "Stand i bydelen": dict(
        people_needed=2,
        preparation_hours=2,
        cost="none",
        lead_time_weeks=1,
        branch_sizes=["few", "board", "large"],
    ),
    "Medlemsmøte med fagforeningen": dict(
        people_needed=3,
        preparation_hours=5,
        cost="low",
        lead_time_weeks=4,
        branch_sizes=["board", "large"],
    ),
    "Sosialt treff etter toget": dict(
        people_needed=6,
        preparation_hours=10,
        cost="medium",
        lead_time_weeks=6,
        branch_sizes=["large"],
    ),
    "Naturvandring": dict(
        people_needed=2,
        preparation_hours=3,
        cost="none",
        lead_time_weeks=2,
        branch_sizes=["few", "board"],
    ),
    "Kveld med samisk innleder": dict(
        people_needed=3,
        preparation_hours=8,
        cost="medium",
        lead_time_weeks=6,
        branch_sizes=["board", "large"],
    ),
    "Fakkeltog eller lysmarkering": dict(
        people_needed=8,
        preparation_hours=12,
        cost="medium",
        lead_time_weeks=6,
        branch_sizes=["large"],
    ),
    "Dørbankkveld": dict(
        people_needed=4,
        preparation_hours=3,
        cost="none",
        lead_time_weeks=2,
        branch_sizes=["few", "board", "large"],
    ),
    "Valgkamp-kickoff": dict(
        people_needed=10,
        preparation_hours=20,
        cost="high",
        lead_time_weeks=8,
        branch_sizes=["large"],
    ),
}

# The elected members' kit of a pack (by the pack's slug): (kind, title, text with
# placeholders {kommune}, {kommunestyre}, {representant}, {partigruppe}).
ELECTED_KITS = {
    "8-mars": [
        (
            "resolution",
            "Forslag til vedtak: Likelønn og heltid i {kommune}",
            "{kommunestyre} ber kommunedirektøren legge fram en plan for å gi alle ansatte i "
            "kvinnedominerte yrker i {kommune} kommune rett til heltid.\n\n"
            "Planen skal vise hva det koster, og hvordan deltid kan reduseres innen tre år.\n\n"
            "Planen legges fram for {kommunestyre} innen utgangen av året.\n\n"
            "Forslaget fremmes av {representant} på vegne av {partigruppe}.",
        ),
        (
            "letter",
            "Leserinnlegg: Likestilling er ikke ferdig i {kommune}",
            "På 8. mars går vi i tog for likelønn. Men likestilling skapes også her i "
            "{kommune}, i vedtakene vi gjør i {kommunestyre}.\n\n"
            "Altfor mange i omsorgsyrkene jobber ufrivillig deltid. Det er ikke en privatsak, "
            "det er et politisk valg. Derfor fremmer {partigruppe} et forslag om rett til "
            "heltid for alle ansatte i kommunen.\n\n"
            "{representant}\n{partigruppe}",
        ),
    ],
    "5-juni": [
        (
            "resolution",
            "Forslag til vedtak: Naturregnskap for {kommune}",
            "{kommunestyre} ber kommunedirektøren lage et naturregnskap for {kommune} som "
            "viser hvor mye natur som er bygget ned de siste ti årene.\n\n"
            "Naturregnskapet skal legges fram for {kommunestyre} før neste rullering av "
            "arealplanen.\n\n"
            "Forslaget fremmes av {representant} på vegne av {partigruppe}.",
        ),
        (
            "letter",
            "Leserinnlegg: Naturen i {kommune} forsvinner bit for bit",
            "Hver gang et myrområde eller en skog bygges ned, er det et vedtak bak. Mange av "
            "dem fattes i {kommunestyre}.\n\n"
            "{partigruppe} vil at {kommune} skal vite hva vi har, før vi bygger ned mer.\n\n"
            "{representant}\n{partigruppe}",
        ),
    ],
}

# --- Training packages and events ------------------------------------------------------------

TRAINING_PACKAGES = [
    {
        "slug": "tillitsvalgtskolering",
        "title": "Tillitsvalgtskolering",
        "format": "in_person",
        "duration": 360,
        "review_by": D(2027, 2, 1),
        "summary": "Dagskurs for nye lokallagsstyrer etter årsmøtesesongen.",
        "goals": [
            "Kjenne oppgavene til styret og de ulike vervene",
            "Kunne lage en enkel arbeidsplan for året",
            "Vite hvor man får hjelp fra fylkeslaget og partikontoret",
        ],
        "prerequisites": "Ingen. Kurset passer for alle som nettopp har fått et verv.",
        "audiences": ["tillitsvalgte", "lokallagsledere"],
        "topics": ["organisasjonsbygging"],
        "plan": [
            ("Del 1: Styret og vervene", "Hvem gjør hva, og hvordan fordeler dere oppgavene?"),
            ("Del 2: Arbeidsplan", "Deltakerne lager et utkast til arbeidsplan for eget lag."),
            ("Del 3: Medlemmene", "Slik følger dere opp nye og gamle medlemmer."),
        ],
    },
    {
        "slug": "ny-i-sv",
        "title": "Ny i SV",
        "format": "in_person",
        "duration": 120,
        "review_by": D(2026, 8, 15),
        "summary": "Velkomstmøte for nye medlemmer om partiet og måtene å bli aktiv på.",
        "goals": [
            "Vite hvordan partiet er bygd opp",
            "Kjenne til ulike måter å være aktiv på",
            "Ha møtt andre nye medlemmer og noen i lokallaget",
        ],
        "prerequisites": "",
        "audiences": ["nye-medlemmer"],
        "topics": ["medlemsverving", "organisasjonsbygging"],
        "plan": [
            ("Velkommen", "Kort runde der alle sier hva som fikk dem til å melde seg inn."),
            ("Slik er partiet bygd opp", "Lokallag, fylkeslag, landsmøte og utvalg."),
            ("Hva vil du gjøre?", "Samtale i små grupper om hva deltakerne har lyst til."),
        ],
    },
    {
        "slug": "verv-i-sv",
        "title": "Verv i SV",
        "format": "digital",
        "duration": 60,
        "review_by": D(2027, 3, 1),
        "summary": "Digitalt møte om hva det innebærer å ta et verv.",
        "goals": [
            "Forstå hva de vanligste vervene innebærer",
            "Vite hvordan valgkomiteen jobber",
        ],
        "prerequisites": "",
        "audiences": ["nye-medlemmer", "alle-medlemmer"],
        "topics": ["organisasjonsbygging"],
        "plan": [
            ("Vervene", "Leder, kasserer, medlemsansvarlig og styremedlem forteller."),
            ("Spørsmål", "Åpen spørsmålsrunde."),
        ],
    },
    {
        "slug": "nominasjonskomite",
        "title": "Skolering for nominasjonskomiteer",
        "format": "digital",
        "duration": 150,
        "review_by": D(2026, 11, 1),
        "summary": "For ledere og medlemmer av valg- og nominasjonskomiteer.",
        "goals": [
            "Kjenne vedtektenes regler for nominasjon",
            "Kunne legge opp en åpen og ryddig prosess",
            "Vite hvordan man sikrer en bred liste",
        ],
        "prerequisites": "Du er valgt inn i en nominasjons- eller valgkomité.",
        "audiences": ["nominasjonskomiteer"],
        "topics": ["organisasjonsbygging", "inkludering-og-mangfold", "valgkamp"],
        "plan": [
            ("Regler og frister", "Gjennomgang av vedtekter og tidsplan."),
            ("Å finne kandidater", "Hvordan dere kartlegger og spør folk."),
            ("Bredde på lista", "Kjønn, alder, bakgrunn og geografi."),
        ],
    },
    {
        "slug": "kandidatskolering",
        "title": "Kandidatskolering",
        "format": "in_person",
        "duration": 300,
        "review_by": D(2027, 5, 1),
        "summary": "For alle som står på en liste foran lokalvalget.",
        "goals": [
            "Kunne presentere SVs hovedsaker kort og tydelig",
            "Være trygg i debatt og møte med pressen",
            "Kjenne valgkampplanen",
        ],
        "prerequisites": "Du er nominert eller vurderer å stille.",
        "audiences": ["kandidater"],
        "topics": ["valgkamp", "kommunikasjon-og-sosiale-medier"],
        "plan": [
            ("Budskap", "Øvelse i å forklare en sak på ett minutt."),
            ("Debatt", "Rollespill med motdebattant."),
            ("Media", "Hvordan man svarer en journalist."),
        ],
    },
    {
        "slug": "digitale-samlinger-lokallagsledere",
        "title": "Digitale samlinger for lokallagsledere",
        "format": "digital",
        "duration": 90,
        "review_by": D(2027, 1, 1),
        "summary": "To ganger i året: erfaringsutveksling og nytt fra partiet.",
        "goals": [
            "Dele erfaringer med andre ledere",
            "Få oversikt over kampanjer og frister det neste halvåret",
        ],
        "prerequisites": "",
        "audiences": ["lokallagsledere"],
        "topics": ["organisasjonsbygging"],
        "plan": [
            ("Nytt fra partiet", "Kort orientering om kampanjer og frister."),
            ("Grupperom", "Ledere fra lag av lik størrelse deler erfaringer."),
        ],
    },
    {
        "slug": "sosiale-medier-og-video",
        "title": "Sosiale medier og enkel videoproduksjon",
        "format": "in_person",
        "duration": 180,
        "review_by": D(2027, 4, 1),
        "summary": "Lag korte videoer med mobilen og bruk den grafiske profilen riktig.",
        "goals": [
            "Kunne filme og klippe en kort video på mobilen",
            "Kjenne den grafiske profilen",
            "Lage en enkel publiseringsplan for laget",
        ],
        "prerequisites": "Ta med en mobiltelefon med kamera.",
        "audiences": ["tillitsvalgte", "kandidater"],
        "topics": ["kommunikasjon-og-sosiale-medier"],
        "plan": [
            ("Hva fungerer?", "Eksempler på innlegg som nådde langt."),
            ("Film og klipp", "Deltakerne lager en video på 30 sekunder."),
            ("Grafisk profil", "Maler, farger og skrift."),
        ],
    },
    {
        "slug": "lobbykurs-frivillige-organisasjoner",
        "title": "Lobbykurs for frivillige organisasjoner",
        "format": "in_person",
        "duration": 150,
        "review_by": D(2026, 12, 1),
        "summary": "Vi lærer bort hvordan man når fram til politikere – og bygger allianser.",
        "goals": [
            "Forstå hvordan et politisk vedtak blir til",
            "Vite når og hvordan man tar kontakt med folkevalgte",
        ],
        "prerequisites": "",
        "audiences": ["folkevalgte", "alle-medlemmer"],
        "topics": ["alliansebygging"],
        "plan": [
            ("Beslutningsveien", "Fra sak til vedtak i kommune og storting."),
            ("Øvelse", "Deltakerne forbereder et kort møte med en folkevalgt."),
        ],
    },
    {
        "slug": "apen-og-inkluderende-organisasjonskultur",
        "title": "Åpen og inkluderende organisasjonskultur",
        "format": "in_person",
        "duration": 120,
        "review_by": D(2027, 6, 1),
        "summary": "Hvordan vi lager møter der alle slipper til, og hva vi gjør ved trakassering.",
        "goals": [
            "Kjenne partiets etiske retningslinjer og varslingsrutiner",
            "Kunne lede et møte der flere tar ordet",
        ],
        "prerequisites": "",
        "audiences": ["tillitsvalgte", "lokallagsledere", "fylkesstyrer"],
        "topics": ["inkludering-og-mangfold", "feminisme-og-likestilling"],
        "plan": [
            ("Møtekultur", "Enkle grep som gjør at flere sier noe."),
            ("Når noe går galt", "Varsling, oppfølging og hvem som har ansvar."),
        ],
    },
    {
        "slug": "lokalt-budsjettarbeid",
        "title": "Lokalt budsjettarbeid for folkevalgte",
        "format": "self_study",
        "duration": 90,
        "review_by": D(2026, 10, 15),
        "summary": "Slik leser du kommunebudsjettet og lager et SV-alternativ.",
        "goals": [
            "Kunne lese hovedtallene i et kommunebudsjett",
            "Vite hvordan man lager et alternativt budsjett i posisjon og opposisjon",
        ],
        "prerequisites": "Du er folkevalgt eller vara i kommunestyre eller bydelsutvalg.",
        "audiences": ["folkevalgte"],
        "topics": ["okonomi-og-budsjett", "folkevalgtarbeid"],
        "plan": [
            ("Budsjettets gang", "Fra rådmannens forslag til vedtak i desember."),
            ("Eget forslag", "Prioriteringer og inndekning."),
        ],
    },
    {
        "slug": "borgen-programmet",
        "title": "Borgen-programmet",
        "format": "in_person",
        "duration": 480,
        "review_by": D(2027, 2, 15),
        "summary": "Skoleringsprogram for medlemmer med minoritetsbakgrunn over flere samlinger.",
        "goals": [
            "Kjenne partiets organisasjon og beslutningsveier",
            "Være forberedt på å ta verv eller stå på liste",
            "Ha et nettverk av andre deltakere og mentorer",
        ],
        "prerequisites": "Søknad til fylkeslaget.",
        "audiences": ["alle-medlemmer", "kandidater"],
        "topics": ["antirasisme", "inkludering-og-mangfold", "organisasjonsbygging"],
        "plan": [
            ("Samling 1", "Partiet og politikken."),
            ("Samling 2", "Retorikk og debatt."),
            ("Samling 3", "Verv, nominasjon og veien videre."),
        ],
    },
]

# package slug, start (local), hours, place, online link, organiser level, county, branch
TRAINING_EVENTS = [
    ("ny-i-sv", (2026, 9, 15, 18, 0), 2, "Oslo SVs lokaler, Youngs gate", "", "county", "oslo", ""),
    (
        "verv-i-sv",
        (2026, 10, 20, 19, 0),
        1,
        "",
        "https://example.org/mote/verv-i-sv",
        "national",
        "",
        "",
    ),
    (
        "nominasjonskomite",
        (2026, 11, 26, 18, 30),
        2.5,
        "",
        "https://example.org/mote/nominasjon",
        "national",
        "",
        "",
    ),
    (
        "digitale-samlinger-lokallagsledere",
        (2026, 12, 1, 19, 0),
        1.5,
        "",
        "https://example.org/mote/lokallagsledere",
        "national",
        "",
        "",
    ),
    (
        "lobbykurs-frivillige-organisasjoner",
        (2026, 12, 3, 17, 30),
        2.5,
        "Grünerløkka frivilligsentral",
        "",
        "branch",
        "oslo",
        "oslo-grunerlokka",
    ),
    (
        "sosiale-medier-og-video",
        (2026, 12, 8, 18, 0),
        3,
        "Bergen SVs lokaler",
        "",
        "county",
        "vestland",
        "",
    ),
    (
        "apen-og-inkluderende-organisasjonskultur",
        (2026, 12, 10, 18, 0),
        2,
        "Sagene samfunnshus",
        "",
        "branch",
        "oslo",
        "oslo-sagene",
    ),
    (
        "tillitsvalgtskolering",
        (2027, 1, 16, 10, 0),
        6,
        "Trondheim, Folkets hus",
        "",
        "county",
        "trondelag",
        "",
    ),
    (
        "borgen-programmet",
        (2027, 1, 23, 10, 0),
        8,
        "Oslo SVs lokaler, Youngs gate",
        "",
        "county",
        "oslo",
        "",
    ),
    ("ny-i-sv", (2027, 2, 9, 18, 0), 2, "Stavanger bibliotek", "", "county", "rogaland", ""),
    ("kandidatskolering", (2027, 3, 6, 10, 0), 5, "Tromsø, Kulturhuset", "", "county", "troms", ""),
    (
        "lokalt-budsjettarbeid",
        (2027, 3, 16, 19, 0),
        1.5,
        "",
        "https://example.org/mote/budsjett",
        "national",
        "",
        "",
    ),
    (
        "tillitsvalgtskolering",
        (2027, 4, 10, 10, 0),
        6,
        "Gamle Oslo, Grønland kulturstasjon",
        "https://example.org/mote/tillitsvalgt-oslo",
        "branch",
        "oslo",
        "oslo-gamle-oslo",
    ),
    (
        "digitale-samlinger-lokallagsledere",
        (2027, 5, 4, 19, 0),
        1.5,
        "",
        "https://example.org/mote/lokallagsledere-var",
        "national",
        "",
        "",
    ),
    (
        "sosiale-medier-og-video",
        (2027, 5, 22, 11, 0),
        3,
        "Stovner bydelshus",
        "",
        "branch",
        "oslo",
        "oslo-stovner",
    ),
]

# --- Handbooks ------------------------------------------------------------------------------

HANDBOOKS = [
    {
        "slug": "lokallagshandboka",
        "title": "Lokallagshåndboka",
        "kind": "branch",
        "review_by": D(2027, 1, 31),
        "summary": "Alt et lokallagsstyre trenger å vite, fra årsmøtet til valgkampen.",
        "intro": (
            "Lokallaget er partiet der folk bor. Denne håndboka forklarer hvordan dere "
            "driver laget, tar vare på medlemmene og når ut til velgerne."
        ),
        "audiences": ["tillitsvalgte", "lokallagsledere"],
        "topics": ["organisasjonsbygging"],
        "chapters": [
            (
                "styret",
                "Styret og vervene",
                [
                    (
                        "Hvem gjør hva",
                        "Styret bør ha minst leder, kasserer og medlemsansvarlig. "
                        "Skriv ned hvem som har ansvar for hva, og gå gjennom det etter årsmøtet.",
                    ),
                    (
                        "Styremøter",
                        "Møt jevnlig, gjerne en gang i måneden, og send sakliste i "
                        "forkant. Korte møter med tydelige vedtak holder folk motivert.",
                    ),
                ],
            ),
            (
                "arsmotet",
                "Årsmøtet",
                [
                    (
                        "Før årsmøtet",
                        "Send innkalling i tide, og be valgkomiteen begynne arbeidet "
                        "tidlig. Sjekk vedtektenes frister.",
                    ),
                    (
                        "På årsmøtet",
                        "Velg møteleder og referent, gå gjennom årsmelding, regnskap "
                        "og arbeidsplan, og avslutt med valg.",
                    ),
                ],
            ),
            (
                "medlemmene",
                "Medlemmene",
                [
                    (
                        "Nye medlemmer",
                        "Ring nye medlemmer i løpet av den første måneden og "
                        "inviter dem til noe konkret.",
                    ),
                    (
                        "Aktiviteter",
                        "Ha minst to medlemsaktiviteter hvert halvår i tillegg til de "
                        "formelle møtene. Samarbeid gjerne med et nabolag.",
                    ),
                ],
            ),
            (
                "utadrettet",
                "Utadrettet arbeid",
                [
                    (
                        "Stand og dørbank",
                        "Velg ett område eller én velgergruppe som laget satser "
                        "langsiktig på, og vær der jevnlig – også mellom valgene.",
                    ),
                    (
                        "Allianser",
                        "Inviter lokale organisasjoner og fagforeninger til møtene "
                        "deres, og still opp på deres.",
                    ),
                ],
            ),
            (
                "okonomi",
                "Økonomi",
                [
                    (
                        "Regnskap",
                        "Kassereren fører regnskap og legger det fram for årsmøtet. "
                        "Hold laget sine penger adskilt fra egne.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "fylkeslagshandboka",
        "title": "Fylkeslagshåndboka",
        "kind": "county",
        "review_by": D(2026, 6, 30),
        "summary": "For fylkesstyrer: oppfølging av lokallag, representantskap og økonomi.",
        "intro": (
            "Fylkeslaget er bindeleddet mellom lokallagene og partiet sentralt. Denne "
            "håndboka beskriver oppgavene til fylkesstyret."
        ),
        "audiences": ["fylkesstyrer"],
        "topics": ["organisasjonsbygging"],
        "chapters": [
            (
                "fylkesstyret",
                "Fylkesstyret",
                [
                    (
                        "Ansvar",
                        "Fylkesstyret følger opp arbeidsplanen, gjør prioriteringer "
                        "mellom årsmøtene og har arbeidsgiveransvar for ansatte.",
                    ),
                ],
            ),
            (
                "lokallagene",
                "Oppfølging av lokallagene",
                [
                    (
                        "Fadderordning",
                        "Gi hvert lokallag en fadder i fylkesstyret som holder "
                        "kontakten og deltar på årsmøtet.",
                    ),
                    (
                        "Ledersamlinger",
                        "Hold fellesmøter med lokallagslederne minst en gang i "
                        "halvåret, og korte digitale møter ved behov.",
                    ),
                ],
            ),
            (
                "representantskapet",
                "Representantskapet",
                [
                    (
                        "Årsplan",
                        "Lag en plan for representantskapets møter med hovedsakene for "
                        "hvert møte, rett etter årsmøtet.",
                    ),
                ],
            ),
            (
                "skolering",
                "Skolering i fylket",
                [
                    (
                        "Oversikt",
                        "Send ut en oversikt over planlagte kurs hvert halvår, og "
                        "registrer hvem som deltar, så dere vet hvilken kompetanse dere har.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "handbok-lokalt-budsjettarbeid",
        "title": "Håndbok for lokalt budsjettarbeid",
        "kind": "elected",
        "review_by": D(2026, 9, 30),
        "summary": "For folkevalgte i posisjon og opposisjon: fra budsjettrundskriv til vedtak.",
        "intro": (
            "Budsjettet er kommunestyrets viktigste vedtak. Her er en praktisk gjennomgang "
            "av hvordan SVs folkevalgte kan jobbe med det."
        ),
        "audiences": ["folkevalgte"],
        "topics": ["okonomi-og-budsjett", "folkevalgtarbeid"],
        "chapters": [
            (
                "budsjettaret",
                "Budsjettåret",
                [
                    (
                        "Årshjulet",
                        "Økonomiplanen legges fram om høsten, og budsjettet vedtas i "
                        "desember. Start gruppas arbeid før sommeren.",
                    ),
                ],
            ),
            (
                "lese-budsjettet",
                "Slik leser du budsjettet",
                [
                    (
                        "Hovedtallene",
                        "Se etter driftsresultatet, lånegjelden og hvor mye som går "
                        "til hver tjeneste. Sammenlign med fjoråret.",
                    ),
                ],
            ),
            (
                "i-posisjon",
                "I posisjon",
                [
                    (
                        "Forhandlinger",
                        "Avklar gruppas viktigste krav tidlig, og hold partiet "
                        "orientert underveis.",
                    ),
                ],
            ),
            (
                "i-opposisjon",
                "I opposisjon",
                [
                    (
                        "Alternativt budsjett",
                        "Et eget forslag viser hva SV ville gjort. Pass på "
                        "at hvert tiltak har inndekning.",
                    ),
                    (
                        "Bruk media",
                        "Velg to eller tre saker som illustrerer forskjellen, og fortell om dem.",
                    ),
                ],
            ),
        ],
    },
]

# --- The elected members' year wheel ("årshjul") ---------------------------------------------

# Handbook slug -> its year wheel: (kind, title, description, start, end or None, yearly).
# Yearly entries are dated in their first year (2026) and come back every year after it; the
# one-offs lead up to the local elections in September 2027 and the national convention.
YEAR_WHEELS = {
    "handbok-lokalt-budsjettarbeid": [
        (
            "council",
            "Vårsesongen i kommunestyret",
            "Kommunestyret og utvalgene møtes jevnlig fram til sommeren. Sett opp gruppemøter "
            "før hvert kommunestyremøte.",
            D(2026, 1, 12),
            D(2026, 6, 19),
            True,
        ),
        (
            "party",
            "Årsmøter i lokallagene",
            "Lokallagene holder årsmøte, velger styre og sender forslag videre til fylkeslaget.",
            D(2026, 1, 15),
            D(2026, 2, 28),
            True,
        ),
        (
            "party",
            "Frist for forslag til fylkesårsmøtet",
            "Lokallag og medlemmer sender inn forslag til uttalelser og til arbeidsplanen.",
            D(2026, 2, 14),
            None,
            True,
        ),
        (
            "budget",
            "Årsregnskapet legges fram",
            "Fjorårets regnskap viser hva budsjettet faktisk ga. Se etter avvik gruppa kan "
            "bruke i debatten om neste års rammer.",
            D(2026, 2, 22),
            None,
            True,
        ),
        (
            "party",
            "Årsmøtet i fylkeslaget",
            "Årsmøtet vedtar arbeidsplanen for året og velger fylkesstyre.",
            D(2026, 3, 14),
            D(2026, 3, 15),
            True,
        ),
        (
            "budget",
            "Gruppas prioriteringer til rammesaken",
            "Bli enige om de tre–fire viktigste sakene før rammene settes. Snakk med "
            "lokallaget og fagforeningene.",
            D(2026, 4, 13),
            D(2026, 5, 8),
            True,
        ),
        (
            "budget",
            "Rammesaken i kommunestyret",
            "Kommunestyret setter de økonomiske rammene for neste år og for økonomiplanen. "
            "Fremm forslag nå: det er vanskelig å flytte penger når budsjettet kommer.",
            D(2026, 6, 17),
            None,
            True,
        ),
        (
            "council",
            "Høstsesongen i kommunestyret",
            "Møtene starter igjen etter sommeren. Høsten domineres av budsjettet.",
            D(2026, 8, 24),
            D(2026, 12, 18),
            True,
        ),
        (
            "budget",
            "Budsjettforslaget og økonomiplanen legges fram",
            "Kommunedirektøren legger fram forslaget til budsjett og økonomiplan. Les "
            "hovedtallene først, og finn kuttene som rammer folk flest.",
            D(2026, 10, 14),
            None,
            True,
        ),
        (
            "party",
            "Representantskapet drøfter budsjettet",
            "Gruppa legger fram sine prioriteringer, og partiet gir innspill før forhandlingene.",
            D(2026, 10, 28),
            None,
            True,
        ),
        (
            "budget",
            "Formannskapets innstilling",
            "Formannskapet legger fram sin innstilling til budsjett. Etter dette er "
            "endringsforslagene gruppas viktigste verktøy.",
            D(2026, 11, 19),
            None,
            True,
        ),
        (
            "budget",
            "Frist for endringsforslag til budsjettet",
            "Alle forslag med beløp og inndekning skal være levert. Sjekk at summene går opp.",
            D(2026, 12, 4),
            None,
            True,
        ),
        (
            "budget",
            "Budsjettet vedtas i kommunestyret",
            "Kommunestyret vedtar budsjettet for neste år og økonomiplanen. Fortell lokalt "
            "hva SV fikk gjennomslag for.",
            D(2026, 12, 9),
            D(2026, 12, 10),
            True,
        ),
        (
            "party",
            "Nominasjonsmøtet vedtar lista",
            "Medlemmene vedtar lista til kommunestyrevalget 2027 etter forslaget fra "
            "nominasjonskomiteen.",
            D(2027, 1, 23),
            None,
            False,
        ),
        (
            "party",
            "Frist for forslag til landsmøtet",
            "Lokallag og fylkeslag sender inn endringsforslag og uttalelser til landsmøtet.",
            D(2027, 1, 29),
            None,
            False,
        ),
        (
            "party",
            "Landsmøtet",
            "Landsmøtet er partiets høyeste organ og vedtar blant annet arbeidsprogrammet.",
            D(2027, 3, 19),
            D(2027, 3, 21),
            False,
        ),
        (
            "party",
            "Frist for å levere listeforslag til kommunen",
            "Lista med underskrifter og kandidatenes samtykke skal være levert til kommunen.",
            D(2027, 3, 31),
            None,
            False,
        ),
        (
            "council",
            "Kommunestyre- og fylkestingsvalget",
            "Valgdagen. Etter valget konstitueres det nye kommunestyret i oktober.",
            D(2027, 9, 13),
            None,
            False,
        ),
    ],
}

# --- Success stories --------------------------------------------------------------------------

STORIES = [
    {
        "slug": "sagene-ringekveld",
        "title": "Sagene: Ringekveld ga tjue nye aktive",
        "branch": "oslo-sagene",
        "review_by": D(2027, 3, 1),
        "summary": "En fast ringekveld i måneden gjorde nye medlemmer til aktive medlemmer.",
        "what": "Laget innførte en fast ringekveld hver måned der nye medlemmer blir ringt.",
        "result": "Tjue av de nye medlemmene ble med på minst én aktivitet i løpet av våren.",
        "how": "De satte av en kveld, bestilte pizza og delte lista mellom seks frivillige. "
        "Alle fikk et kort manus og spurte om én konkret ting.",
        "topics": ["medlemsverving"],
    },
    {
        "slug": "grunerlokka-dorbank",
        "title": "Grünerløkka: Dørbank i hele bydelen",
        "branch": "oslo-grunerlokka",
        "review_by": D(2026, 10, 1),
        "summary": "Laget banket på over tusen dører i løpet av én kampanjeuke.",
        "what": "Under kampanjeuka organiserte laget dørbank fem kvelder på rad.",
        "result": "Over tusen samtaler og femten nye medlemmer.",
        "how": "De delte bydelen i ruter, satte sammen par av en erfaren og en ny, og "
        "avsluttet hver kveld på samme kafé.",
        "topics": ["valgkamp", "medlemsverving"],
    },
    {
        "slug": "gamle-oslo-flerspraklig",
        "title": "Gamle Oslo: Møter på flere språk",
        "branch": "oslo-gamle-oslo",
        "review_by": D(2027, 5, 1),
        "summary": "Åpne møter med tolking nådde nye grupper i bydelen.",
        "what": "Laget holdt åpne møter med tolking til somali, urdu og arabisk.",
        "result": "Flere av deltakerne meldte seg inn, og to står nå på bydelslista.",
        "how": "Frivillige tolker fra laget, invitasjoner delt gjennom lokale foreninger og "
        "moskeer, og tema som folk selv hadde bedt om.",
        "topics": ["inkludering-og-mangfold", "antirasisme"],
    },
    {
        "slug": "stovner-lite-lag",
        "title": "Stovner: Lite lag, stor synlighet",
        "branch": "oslo-stovner",
        "review_by": D(2027, 2, 1),
        "summary": "Med få aktive valgte laget én sak og sto på den hele året.",
        "what": "Laget engasjerte seg for å redde en nedleggingstruet fritidsklubb.",
        "result": "Bydelsutvalget snudde, og klubben ble holdt åpen.",
        "how": "De samlet underskrifter, inviterte ungdommene til et møte med politikere og "
        "skrev tre leserinnlegg i lokalavisa.",
        "topics": ["folkevalgtarbeid", "alliansebygging"],
    },
    {
        "slug": "nordstrand-8-mars-frokost",
        "title": "Nordstrand: Frokost før 8. mars-toget",
        "branch": "oslo-nordstrand",
        "review_by": D(2026, 8, 1),
        "summary": "En enkel frokost samlet over førti medlemmer før toget.",
        "what": "Laget inviterte til frokost og plakatmaling morgenen 8. mars.",
        "result": "Over førti kom, mange for første gang på et SV-arrangement.",
        "how": "Invitasjon på SMS til alle medlemmer, et lånt menighetslokale og en liste "
        "over hvem som tok med hva.",
        "topics": ["feminisme-og-likestilling", "medlemsverving"],
    },
    {
        "slug": "studentlaget-debatt",
        "title": "Studentlaget: Debattkveld på campus",
        "branch": "oslo-studentlaget",
        "review_by": D(2027, 4, 1),
        "summary": "Et studentlag med under hundre medlemmer fylte et auditorium.",
        "what": "Laget arrangerte en debatt om studentøkonomi med tre partier.",
        "result": "Fullt auditorium, og laget doblet antall aktive.",
        "how": "De samarbeidet med studentsamskipnaden, delte korte videoer i forkant og "
        "hadde en stand ved inngangen.",
        "topics": ["kommunikasjon-og-sosiale-medier"],
    },
    {
        "slug": "alna-budsjett",
        "title": "Alna: Gjennomslag i bydelsbudsjettet",
        "branch": "oslo-alna",
        "review_by": D(2026, 11, 10),
        "summary": "BU-gruppa fikk gjennom flere helsesykepleiere.",
        "what": "SVs gruppe i bydelsutvalget la fram et eget budsjettforslag.",
        "result": "To nye stillinger for helsesykepleiere i skolene.",
        "how": "De brukte budsjetthåndboka, snakket tidlig med de andre partiene og fikk "
        "foreldre til å møte opp på åpen halvtime.",
        "topics": ["okonomi-og-budsjett", "folkevalgtarbeid"],
    },
    {
        "slug": "ostensjo-miljodag",
        "title": "Østensjø: Naturvandring på miljødagen",
        "branch": "oslo-ostensjo",
        "review_by": D(2027, 6, 1),
        "summary": "En tur i et truet grøntområde ble starten på en lokal aksjon.",
        "what": "Laget inviterte til naturvandring på verdens miljødag.",
        "result": "Femti deltakere og en aksjonsgruppe som fortsatt er aktiv.",
        "how": "De fikk med en biolog som guide, delte invitasjonen i nabolagsgrupper og "
        "samlet kontaktinformasjon fra dem som ville bidra videre.",
        "topics": ["klima-og-miljo"],
    },
    {
        "slug": "frogner-ny-i-sv",
        "title": "Frogner: Egne Ny i SV-møter",
        "branch": "oslo-frogner",
        "review_by": D(2027, 1, 20),
        "summary": "Lokale velkomstmøter gjorde det lettere for nye å bli med.",
        "what": "Laget holdt sitt eget Ny i SV-møte hvert halvår.",
        "result": "Halvparten av deltakerne deltok senere på et medlemsmøte.",
        "how": "Personlig invitasjon fra lederen, en kort presentasjon og god tid til "
        "samtale over kaffe.",
        "topics": ["medlemsverving"],
    },
]

# --- Information pages --------------------------------------------------------------------------

INFO_PAGES = [
    {
        "slug": "om-ressursbanken",
        "title": "Om Ressursbanken",
        "in_menu": True,
        "review_by": D(2027, 6, 1),
        "summary": "Hva Ressursbanken er, hvem som lager den, og hvordan du bidrar.",
        "body": [
            (
                "Hva er Ressursbanken?",
                "Ressursbanken er partiets felles sted for "
                "kampanjemateriell, skoleringsopplegg, håndbøker og gode eksempler. Alt er "
                "tilgjengelig på bokmål og nynorsk.",
            ),
            (
                "Hvem står bak?",
                "En redaksjon på partikontoret har ansvaret for innholdet, "
                "i samarbeid med fylkeslagene. Hver ressurs har en dato for når den skal "
                "gjennomgås, slik at innholdet holdes oppdatert.",
            ),
            (
                "Bidra",
                "Har laget ditt et opplegg eller en erfaring som andre kan bruke? "
                "Ta kontakt med redaksjonen.",
            ),
        ],
    },
    {
        "slug": "personvern",
        "title": "Personvern",
        "in_menu": False,
        "review_by": D(2026, 5, 1),
        "summary": "Hvordan Ressursbanken behandler opplysninger om deg.",
        "body": [
            (
                "Kort fortalt",
                "Ressursbanken samler ikke inn flere personopplysninger enn "
                "det som trengs for å drive tjenesten. Du kan lese og laste ned alt uten å "
                "logge inn.",
            ),
            (
                "Statistikk",
                "Vi teller hvor mange ganger materiell lastes ned, slik at vi vet "
                "hva som er nyttig. Tellingen lagrer ikke IP-adresser eller annet som kan "
                "knyttes til deg.",
            ),
            (
                "Redaktører",
                "For dem som redigerer innholdet, lagres navn, e-postadresse og "
                "hvilke endringer de har gjort.",
            ),
            (
                "Spørsmål",
                "Ta kontakt med partikontoret om du har spørsmål om personvern, "
                "eller vil vite hvilke opplysninger vi har om deg.",
            ),
        ],
    },
    {
        "slug": "om-sv-og-innmelding",
        "title": "Om SV og innmelding",
        "in_menu": True,
        "review_by": D(2027, 6, 1),
        "summary": "Kort om Sosialistisk Venstreparti, hva vi mener, og hvordan du blir medlem.",
        "body": [
            (
                "Hva er SV?",
                "Sosialistisk Venstreparti (SV) er et parti for rettferdig fordeling, et grønt "
                "skifte og et samfunn for de mange. SV har folkevalgte i kommuner og fylker over "
                "hele landet og på Stortinget.",
            ),
            (
                "Hva mener SV?",
                "Vi vil ha mindre forskjeller mellom folk, gode velferdstjenester for alle, "
                "handling mot klimakrisa og like rettigheter uansett hvor du kommer fra.",
            ),
            (
                "Bli medlem",
                "Alle som er enige i SVs grunnverdier, kan bli medlem. Du melder deg inn på SVs "
                "nettsider eller i SV-appen. Lokallaget der du bor, tar kontakt og forteller "
                "hvordan du kan være med.",
            ),
        ],
    },
]


# --- Material for members and for elected members only ---------------------------------

# Handbook slug -> the roles (keys in resourcebank.editorial.roles) it is restricted to.
RESTRICTED_HANDBOOKS = {
    "fylkeslagshandboka": (
        "editors",
        "contributors",
        "translators",
        "members",
        "elected_members",
    ),
    "handbok-lokalt-budsjettarbeid": ("editors", "contributors", "translators", "elected_members"),
}

ELECTED_DOCUMENT = {
    "title": "Budsjettmal for folkevalgte",
    "filename": "budsjettmal-folkevalgte.pdf",
    "lead": "Mal for alternativt budsjett i kommunestyret, med frister og tips til forslag.",
    "sections": [
        ("Før budsjettmøtet", ["Les rådmannens forslag og merk postene gruppa vil endre."]),
        ("Forslaget", ["Sett opp hver endring med beløp, inndekning og begrunnelse."]),
    ],
}

# The campaign pack whose poster a branch can personalise (its first poster image).
POSTER_TEMPLATE_PACK = "8-mars"

RECORDING = {
    "package": "tillitsvalgtskolering",
    "title": "Slik leder du et styremøte (lydopptak)",
    "filename": "styremote-lyd.wav",
    "seconds": 3,
    "transcript": (
        "<p>Velkommen til styrekurset. I dette opptaket går vi gjennom hvordan du "
        "leder et styremøte: innkalling, sakliste, ordstyring og referat.</p>"
    ),
}

# Demo account -> the county its member profile names (download statistics use it).
MEMBER_COUNTIES = {"medlem": "oslo", "folkevalgt": "vestland"}
# The demo member hears about new packs for these audiences and counties, and gets reminders.
MEMBER_PACK_SUBSCRIPTIONS = {
    "medlem": {"audiences": ["tillitsvalgte", "nye-medlemmer"], "counties": ["oslo"]},
}
