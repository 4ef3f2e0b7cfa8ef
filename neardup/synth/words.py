"""Built-in word bank for the synthetic news generator.

Plain English words typed into the module (no network, no corpora). Entries are packed into
whitespace-separated strings; irregular inflections use ``base/inflected``.
"""

from __future__ import annotations

_NOUNS = """
agreement aid airport alliance allegation ambassador ammunition analyst appeal army arrest
artillery assembly attack audit authority ballot bank barrier base battle bill blast board
bomb border bridge budget building bureau cabinet campaign candidate capital cargo case
ceasefire census charge charity checkpoint chief church citizen city/cities claim clinic coalition
commander commission committee community company compound conference conflict congress
contract convoy corridor council court crackdown crew crisis/crises critic crowd currency
curfew customs deal debate debt decision defendant deficit delegation democracy deputy
detainee diplomat director dispute district doctor document donor drone drought economy
election embassy emergency employer engineer envoy evacuation evidence exchange executive
expert explosion export facility factory family/families farmer fee festival fighter fine fire
fleet flood force fund funeral gang governor grant ground group guard harbor hearing
highway hospital hostage household hub immigrant import incident index industry inflation
inquiry inspector institute insurgent interview investigation investor island judge
jury lawmaker lawsuit lawyer leader lender license loan lobby mandate market mayor measure
merger migrant militant military militia minister ministry mission monitor mosque motion
neighborhood negotiator network newspaper observer offensive office officer official
operation opposition order outbreak outpost panel parliament party/parties passenger patient
patrol payment pension permit pipeline plant platform plot police policy poll port
premier president prison prisoner program project prosecutor protest protester province
raid rally reactor rebel recession referendum reform refugee regime region regulator
reporter republic rescue researcher reserve resident resolution resource restriction
rival road ruling sanction school scientist seat sector senator settlement shelter shipment
shortage siege site soldier source spokesman/spokesmen spokeswoman/spokeswomen stadium
station statement strike
student subsidy suburb summit supplier supply/supplies surge survey suspect tariff tax
teacher team tender territory testimony threat tower town trade trader treaty trial
tribunal troop truce tunnel union university valley verdict veteran victim village
violence volunteer vote voter wage warehouse warning weapon witness worker
acre anniversary apartment archive athlete audience bakery ballroom basin battery beach
bicycle billboard blanket blueprint boat cafe canal cancer carrier
cathedral cattle/cattle ceiling cemetery chamber channel chapter chemical circuit classroom
cliff climate coast collector column compass concert cottage courtyard creek crop dairy
dam database dealer diesel dinner dock dome dormitory drill eclipse editor elevator
engine estate exhibit fabric ferry fiber field/fields film firefighter fisherman/fishermen
forest fortress fountain freight garage garden gasoline generator glacier grain
greenhouse gymnasium hall harvest helicopter heritage hotel hurricane invoice jet
journal kitchen laboratory lake landfill lane laptop lighthouse livestock/livestock locomotive
lumber machine magazine mall manuscript marathon meadow medal memorial mill mine mineral
monument mortgage motor mountain museum nurse oil orchard orchestra oven palace parcel
pasture pavement pharmacy pier pilot plaza portrait printer quarry railway ranch reef
reservoir restaurant ridge river robot rooftop runway satellite scanner sculpture server
sewer shipyard shore shrine sidewalk signal skyline smelter soccer software stable
statue steamer steel storm stream studio submarine subway summer/summers tanker telescope
temple tenant terminal textile theater timber tractor trail train tram trench tribe
turbine vaccine vehicle vessel vineyard volcano wagon warship wetland wheat wildfire
windmill winter workshop yacht zone antenna asylum avalanche bail barge beacon
brigade bulletin cabin canyon casino clan cloud coin colony comet crater cyclone debris
dialect envelope epidemic fossil frontier furnace galaxy graveyard haven horizon
iceberg inlet jungle kiln lagoon lantern ledger magnet marsh mast meteor mine orbit
outpost pagoda parade pavilion peninsula pendulum plateau prairie pyramid quarantine
rampart ravine relic rubble saddle sanctuary scaffold shipwreck silo slope spire
stockpile summit tavern terrace thicket tide tornado trawler tributary tundra vault
viaduct warden watchtower waterfall well wharf workforce
"""

_VERBS = """
accept accuse acquire adopt advise affect allow announce appoint approve arrest ask assess
attack attend back ban/banned block boost breach/breached brief build/built call cancel capture
challenge charge check cite claim clear close collect condemn confirm consider contain
control/controlled cover criticize cut/cut dampen defend delay deliver demand deny deploy
destroy detain develop direct discuss dismiss dispatch disrupt donate draft drop/dropped
ease end ensure evacuate examine expand expect expel/expelled extend face fight/fought file finance
fund gather grant guard halt handle host identify ignore impose improve inspect
investigate issue join keep/kept launch lead/led lift limit list lower maintain manage
mark monitor negotiate nominate obtain occupy offer open oppose order organize overturn
oversee/oversaw pass pledge postpone prepare present press prevent probe promise propose
protect protest provide publish pursue question raise reach reject release relocate renew
repair replace report request rescue resolve restore restrict resume retain review revise
rule/ruled sanction secure seize sell/sold send/sent settle shut/shut sign spend/spent
sponsor stage stop/stopped strengthen study submit/submitted support surround suspend target test
threaten track trade train transfer treat unveil uphold/upheld urge veto visit warn
welcome win/won withdraw/withdrew back abandon absorb accelerate activate adjust
allocate amend anchor assemble audit balance bar/barred broadcast/broadcast calculate
certify chart clarify combine commission compile complete confiscate consolidate
construct convene convert coordinate counter criticise curb dismantle divert document
double draw/drew drive/drove enforce equip/equipped escort estimate evaluate excavate expose fence
finalize forecast fortify freeze/froze harvest hire import install insure intercept
label map/mapped merge mobilize modernize navigate outline overhaul patrol/patrolled
pave plant pool predict process quarantine ration rebuild/rebuilt reclaim recruit
redesign redirect reinforce reopen reroute reshape restructure revive scale screen
shelter shield simplify stabilize store streamline subsidize survey tighten unlock
upgrade validate vacate weigh widen
"""

_ADJECTIVES = """
acting active additional annual armed autonomous bitter brief broad central civil
coastal commercial controversial critical crucial cultural daily deadly democratic
diplomatic direct domestic dramatic eastern economic electoral emergency environmental
ethnic extra federal final financial fiscal foreign formal former fragile fresh frontline
full global grave heavy historic hostile humanitarian illegal independent industrial
initial interim internal international joint judicial key large legal local long major
maritime massive medical military modest moral municipal national naval northern nuclear
official open opposition overnight parliamentary partial peaceful political popular
possible preliminary previous private provincial public quiet rapid rare recent regional
remote renewed reported rural secret senior serious severe sharp significant small
southern special strategic strong sudden surprise tense total tough tribal unexpected
unprecedented urban vast violent vital western wide ancient abandoned agricultural
alpine amber ample arid austere bare bold brisk bustling busy calm cautious chilly
cloudy coarse colonial compact crowded damp dense distant dusty elderly empty endless
fierce flat fragrant frozen gentle golden gritty hazy hollow humid icy idle lavish lean
leafy lofty loud lush marble misty muddy narrow neat noisy odd pale polished quaint rapid
remote rocky rough rugged rusty sandy scenic shallow shiny silent slender sloping smoky
snowy sober solid sparse steady steep stern sunny swift tidy timid tropical upland
vacant vivid volcanic weary wet windy wooden worn young
"""

_FIRST_NAMES = """
Aaron Abdul Adam Adrian Ahmed Aisha Alan Alejandro Alexei Ali Alice Amanda Amina Amir Ana
Andrea Andrew Angela Anna Anthony Antonio Arjun Ashley Ayesha Barbara Benjamin Bilal Boris
Brian Carlos Carmen Catherine Chen Chloe Christopher Claire Daniel David Deborah Diego
Dmitri Elena Elif Elizabeth Emily Emma Eric Fatima Felipe Fernando Francesca Gabriel
George Giorgio Grace Hamid Hana Hannah Hassan Helen Hiroshi Hussein Ibrahim Igor Ines Irina
Isaac Ivan Jack James Jan Javier Jennifer Jessica John Jorge Jose Joseph Julia Karen Karim
Katarzyna Keith Kenji Kevin Khalid Kim Laura Layla Leila Li Linda Lucas Luis Maria Mark
Martin Mary Matteo Mehmet Michael Miguel Mohammed Nadia Nancy Natalia Nikolai Noor Olga
Omar Oscar Pablo Patricia Paul Pedro Peter Priya Rachel Rahul Rania Raul Richard Robert
Rosa Ruth Sami Samuel Sandra Sara Sergei Sophie Stefan Steven Susan Tariq Thomas Timothy
Tomas Valentina Victor Viktor Wei William Yasmin Yusuf Zainab Zoran Lars Ingrid Pieter
Marta Nuno Oksana Taras Goran Bjorn Astrid Kofi Amara Chidi Ngozi Thabo Lerato Wanjiru
Kwame Mei Yuki Haruto Sana Arash Farid Leyla Dariusz Teodor Vera Milos Luca Greta
"""

_LAST_NAMES = """
Abbas Adams Ahmadi Alvarez Anderson Andersson Baker Bauer Becker Bennett Bianchi Brown
Campbell Carter Castillo Chang Chavez Chen Clark Collins Cook Costa Cruz Davies Davis Diaz
Dubois Edwards Evans Fischer Flores Garcia Gonzalez Green Gupta Haddad Hall Harris Hassan
Hernandez Hill Hoffmann Hughes Ibrahim Ivanov Jackson Jensen Johnson Jones Kaplan Kelly
Khan Kim Klein Koch Kowalski Kumar Lee Lewis Lopez Mahmoud Martin Martinez Meyer Miller
Moore Morales Morgan Moreno Murphy Mustafa Nakamura Nguyen Novak Okafor Olsen Ortiz
Park Patel Perez Peterson Petrov Phillips Popescu Ramirez Reed Reyes Richter Rivera
Roberts Robinson Rodriguez Romano Rossi Russo Saleh Sanchez Santos Schmidt Schneider
Scott Shah Silva Singh Smith Sokolov Stewart Suzuki Tanaka Taylor Thomas Thompson Torres
Turner Walker Wang Ward Watson Weber White Williams Wilson Wood Wright Yamamoto Young Zhang
Ziegler Zimmermann Abdullah Aziz Barnes Bell Brooks Burke Byrne Chandler Dalton Doyle
Ellis Ferreira Fleming Foster Fraser Gallagher Gibson Graham Grant Hayes Holt Hunter
Jovanovic Kaya Keller Kovac Lindqvist Lindgren Mendes Mensah Mwangi Nilsson Nowak Owusu
Pereira Quinn Rahman Ruiz Said Sato Sharma Sherwood Soto Stone Sullivan Vargas Volkov
Wallace Webb Yilmaz Zaman Demir Celik Farouk Hakimi Karimi Mazur Horvat Dimitrov Varga
Lund Berg Falk Achebe Adeyemi Banda Diallo Kamau Ndlovu Otieno Sesay Tembo Nakata Ono
"""

# (city, country) — used for datelines, events and local angles.
_PLACES = """
Baghdad:Iraq Mosul:Iraq Basra:Iraq Erbil:Iraq Damascus:Syria Aleppo:Syria Raqqa:Syria
Homs:Syria Beirut:Lebanon Amman:Jordan Cairo:Egypt Alexandria:Egypt Tripoli:Libya
Benghazi:Libya Tunis:Tunisia Algiers:Algeria Rabat:Morocco Khartoum:Sudan Nairobi:Kenya
Mombasa:Kenya Lagos:Nigeria Abuja:Nigeria Accra:Ghana Dakar:Senegal Kinshasa:Congo
Johannesburg:South_Africa Cape_Town:South_Africa Harare:Zimbabwe Addis_Ababa:Ethiopia
Mogadishu:Somalia Kampala:Uganda Kabul:Afghanistan Kandahar:Afghanistan Islamabad:Pakistan
Karachi:Pakistan Lahore:Pakistan Tehran:Iran Ankara:Turkey Istanbul:Turkey Riyadh:Saudi_Arabia
Jeddah:Saudi_Arabia Doha:Qatar Dubai:United_Arab_Emirates Sanaa:Yemen Aden:Yemen
Jerusalem:Israel Gaza:Gaza Moscow:Russia Kyiv:Ukraine Kharkiv:Ukraine Minsk:Belarus
Warsaw:Poland Berlin:Germany Munich:Germany Paris:France Marseille:France Brussels:Belgium
Amsterdam:Netherlands London:Britain Manchester:Britain Dublin:Ireland Madrid:Spain
Barcelona:Spain Lisbon:Portugal Rome:Italy Milan:Italy Athens:Greece Vienna:Austria
Geneva:Switzerland Stockholm:Sweden Oslo:Norway Copenhagen:Denmark Helsinki:Finland
Budapest:Hungary Prague:Czech_Republic Bucharest:Romania Belgrade:Serbia Beijing:China
Shanghai:China Hong_Kong:China Taipei:Taiwan Tokyo:Japan Osaka:Japan Seoul:South_Korea
Pyongyang:North_Korea Manila:Philippines Jakarta:Indonesia Bangkok:Thailand Hanoi:Vietnam
Kuala_Lumpur:Malaysia Singapore:Singapore New_Delhi:India Mumbai:India Dhaka:Bangladesh
Colombo:Sri_Lanka Sydney:Australia Melbourne:Australia Wellington:New_Zealand Ottawa:Canada
Toronto:Canada Mexico_City:Mexico Havana:Cuba Caracas:Venezuela Bogota:Colombia Lima:Peru
Santiago:Chile Buenos_Aires:Argentina Brasilia:Brazil Sao_Paulo:Brazil Quito:Ecuador
"""

_US_CITIES = """
Washington New_York Chicago Houston Phoenix Philadelphia San_Antonio San_Diego Dallas Austin
Jacksonville Columbus Charlotte Indianapolis Seattle Denver Boston Nashville Detroit Portland
Memphis Louisville Baltimore Milwaukee Albuquerque Tucson Fresno Sacramento Atlanta Omaha
Raleigh Miami Oakland Minneapolis Tulsa Cleveland Wichita Arlington Tampa Honolulu Anaheim
Aurora Lexington Stockton Cincinnati Pittsburgh Anchorage Greensboro Lincoln Orlando Irvine
Newark Toledo Durham Madison Reno Buffalo Spokane Richmond Boise Tacoma Modesto Fayetteville
Fargo Des_Moines Little_Rock Savannah Charleston Knoxville Dayton Syracuse Springfield Eugene
"""

# Entities with house-style aliases: canonical form first. Copies swap among the forms.
ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("U.S.", "US"),
    ("U.N.", "UN"),
    ("ISIS", "IS", "ISIL"),
    ("al-Assad", "Assad"),
    ("U.K.", "UK"),
    ("E.U.", "EU"),
)

# Occasional synonym substitutions applied to copies (both directions).
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("said", "says"), ("killed", "slain"), ("officials", "authorities"), ("began", "started"),
    ("about", "around"), ("nearly", "almost"), ("also", "additionally"), ("but", "though"),
    ("attack", "assault"), ("help", "assist"), ("large", "big"), ("people", "residents"),
    ("announced", "unveiled"), ("week", "weekend"), ("told", "informed"), ("after", "following"),
    ("many", "numerous"), ("big", "major"), ("fighters", "militants"), ("began", "launched"),
)

SAY_VERBS: tuple[str, ...] = (
    "said", "said", "said", "said", "told reporters", "added", "noted", "warned", "stressed",
    "insisted", "argued", "explained", "acknowledged", "wrote in a statement",
    "said in an interview",
)

TITLES: tuple[str, ...] = (
    "a spokesman for", "a spokeswoman for", "the head of", "a senior official at",
    "a deputy director at", "a member of", "an adviser to", "the chairman of", "a lawyer for",
    "a researcher at", "a former official at", "the director of", "a commander with",
    "an analyst at", "a board member of",
)

ORG_KINDS: tuple[str, ...] = (
    "Ministry of {N}", "{P} {N} Authority", "National {N} Council", "{P} Institute for {N}",
    "{A} {N} Committee", "{N} Workers Union", "{P} {N} Agency", "Center for {A} {N}",
    "{P} Chamber of Commerce", "{A} Front", "{P} {N} Commission", "Federation of {N} Producers",
)

SECTIONS: tuple[str, ...] = (
    "news", "world", "politics", "business", "us", "local", "nation", "international",
    "middle-east", "europe", "asia", "africa", "americas", "economy", "article",
)

WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

NUMBER_WORDS: tuple[str, ...] = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen",
    "dozens of", "hundreds of", "several", "at least three", "at least five", "more than 20",
    "nearly 40", "about 200", "some 1,500", "thousands of", "more than 100", "up to 60",
)

TIME_PHRASES: tuple[str, ...] = (
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "late on Monday", "early Tuesday", "on Wednesday night", "this week",
    "last week", "last month", "earlier this year", "in recent days", "over the weekend",
    "overnight", "hours later", "within days", "since January", "in March", "in the autumn",
)

FUNCTION_CONNECTORS: tuple[str, ...] = (
    "However,", "Meanwhile,", "In addition,", "At the same time,", "Still,", "Separately,",
    "Earlier,", "Later,", "According to officials,", "In a statement,", "By contrast,",
    "For now,", "Since then,", "Even so,", "As a result,",
)


def _inflect_noun(entry: str) -> tuple[str, str]:
    if "/" in entry:
        sing, plur = entry.split("/")
        return sing, plur
    if entry.endswith(("s", "x", "z", "ch", "sh")):
        return entry, entry + "es"
    if entry.endswith("y") and entry[-2] not in "aeiou":
        return entry, entry[:-1] + "ies"
    return entry, entry + "s"


def _inflect_verb(entry: str) -> tuple[str, str]:
    if "/" in entry:
        base, past = entry.split("/")
        return base, past
    if entry.endswith("e"):
        return entry, entry + "d"
    if entry.endswith("y") and entry[-2] not in "aeiou":
        return entry, entry[:-1] + "ied"
    return entry, entry + "ed"


def _uniq(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


NOUNS: tuple[tuple[str, str], ...] = tuple(
    _inflect_noun(w) for w in _uniq(_NOUNS.split())
)
VERBS: tuple[tuple[str, str], ...] = tuple(
    _inflect_verb(w) for w in _uniq(_VERBS.split())
)
ADJECTIVES: tuple[str, ...] = tuple(_uniq(_ADJECTIVES.split()))
FIRST_NAMES: tuple[str, ...] = tuple(_uniq(_FIRST_NAMES.split()))
LAST_NAMES: tuple[str, ...] = tuple(_uniq(_LAST_NAMES.split()))
PLACES: tuple[tuple[str, str], ...] = tuple(
    (c.replace("_", " "), k.replace("_", " "))
    for c, k in (p.split(":") for p in _uniq(_PLACES.split()))
)
US_CITIES: tuple[str, ...] = tuple(c.replace("_", " ") for c in _uniq(_US_CITIES.split()))
