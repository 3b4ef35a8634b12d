#!/usr/bin/env python3
"""Generate the labeled near-duplicate corpus for DedupEval (python3 stdlib only, deterministic).

Usage: make-dedup-corpus.py OUTPUT.jsonl [--bases N] [--seed S]

Every line is one story occurrence, in the order a daemon would see them:
  {"seq": 0, "group": "g17", "category": "trimmed", "expect": "duplicate",
   "expect_match": "near", "headline": "...", "paragraphs": ["...", ...]}
An occurrence with expect "duplicate" must be reported as a duplicate of the FIRST occurrence of
its group; one with expect "new" must be a first sighting (every hard negative is its own group).

Positives (edited copies of a base story): exact re-sends; restyled copies (case, whitespace,
quotes, dashes, NBSP, fullwidth letters); re-headlined; trimmed (last paragraphs cut); extended
(a paragraph added); a "Reporting by" credit line added; copy-edited (a few words changed);
combinations of these.
Hard negatives: a recurring series with new figures ("Fed adds reserves", market closes, fuel
prices), templated dividend briefs that differ only in the company (or only in the amounts),
two agencies' reports of the same event, and a story re-issued with revised figures.
Base stories come from Tests/BulletinCoreTests/Fixtures/dedup/base-stories.txt plus a
synthetic generator (varied templates and vocabularies, fixed seed).
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "BulletinCoreTests", "Fixtures", "dedup", "base-stories.txt")

FIRST = ["Anna", "Pedro", "Mei", "Oleg", "Fatima", "John", "Ingrid", "Kwame", "Sofia", "Rahul", "Lucia",
         "Tomasz", "Aiko", "Hassan", "Elena", "Marco", "Nadia", "Victor", "Grace", "Yusuf", "Clara", "Dmitri",
         "Amara", "Lars", "Priya", "Jorge", "Hana", "Samuel", "Leila", "Felix"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Ferreira", "Novak", "Mensah",
        "Castillo", "Yilmaz", "Petrov", "O'Brien", "Schmidt", "Nakamura", "Costa", "Abara", "Jensen", "Rossi",
        "Gupta", "Alvarez", "Kim", "Dubois", "Mwangi", "Horvath", "Silva", "Andersen", "Zhou", "Bakr", "Walsh"]
ROLES = ["Finance Minister", "Chief Executive", "Prime Minister", "Health Minister", "spokeswoman",
         "spokesman", "central bank governor", "mayor", "police chief", "union leader", "analyst",
         "Energy Minister", "Foreign Minister", "chairman", "economist"]
ORG_A = ["North", "Atlas", "Blue", "Crescent", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Ion",
         "Juniper", "Keystone", "Lumen", "Meridian", "Nova", "Orion", "Pioneer", "Quartz", "Redwood", "Summit",
         "Titan", "Union", "Vertex", "Willow", "Zenith", "Aurora", "Beacon", "Cobalt", "Drake", "Echo"]
ORG_B = ["Holdings", "Energy", "Bank", "Motors", "Telecom", "Mining", "Foods", "Airlines", "Pharma",
         "Logistics", "Steel", "Insurance", "Shipping", "Retail", "Chemicals", "Capital", "Systems", "Power"]
PLACES = ["Lagos", "Oslo", "Lima", "Osaka", "Gdansk", "Beirut", "Porto", "Zagreb", "Accra", "Cebu", "Quito",
          "Izmir", "Kazan", "Cork", "Leipzig", "Kobe", "Medan", "Rosario", "Mombasa", "Tromso", "Bilbao",
          "Curitiba", "Dakar", "Hue", "Graz", "Perth", "Tabriz", "Malmo", "Recife", "Nantes", "Daegu",
          "Arequipa", "Kumasi", "Split", "Lviv", "Tampere", "Cusco", "Sfax", "Fresno", "Nagoya"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

TOPICS = {
    "economy": {
        "nouns": ["inflation", "exports", "factory output", "consumer spending", "the budget deficit",
                  "wage growth", "retail sales", "bond yields", "the trade surplus", "housing starts",
                  "tax revenue", "business confidence", "unemployment", "the currency", "public debt"],
        "verbs": ["rose", "fell", "climbed", "slowed", "edged up", "dropped", "surged", "stabilised"],
        "things": ["a stimulus package", "new tariffs", "an austerity plan", "a pension reform",
                   "a fuel subsidy cut", "a minimum wage rise", "a bank levy", "an export ban"],
    },
    "politics": {
        "nouns": ["the coalition", "the opposition", "parliament", "the senate", "voters",
                  "the ruling party", "regional governors", "the electoral commission", "the cabinet",
                  "lawmakers", "the constitutional court", "protesters"],
        "verbs": ["rejected", "approved", "delayed", "challenged", "backed", "blocked", "debated"],
        "things": ["a no-confidence motion", "the new constitution", "an early election",
                   "a judicial reform", "a peace accord", "the migration bill", "a referendum"],
    },
    "disaster": {
        "nouns": ["floodwaters", "rescue teams", "the fire", "aftershocks", "landslides", "the storm",
                  "emergency crews", "relief convoys", "the river", "volunteers", "the army"],
        "verbs": ["spread", "receded", "reached", "destroyed", "isolated", "damaged", "swept through"],
        "things": ["a state of emergency", "an evacuation order", "a curfew", "a relief fund",
                   "temporary shelters", "a search operation", "field hospitals"],
    },
    "business": {
        "nouns": ["quarterly profit", "revenue", "the share price", "operating margin", "net debt",
                  "sales volumes", "the order book", "market share", "free cash flow", "capital spending"],
        "verbs": ["beat forecasts", "missed estimates", "doubled", "halved", "rebounded", "slumped"],
        "things": ["a takeover bid", "a share buyback", "a merger", "job cuts", "a new factory",
                   "a bond issue", "an asset sale", "a joint venture"],
    },
    "health": {
        "nouns": ["infections", "hospital admissions", "vaccination rates", "waiting lists",
                  "the outbreak", "drug prices", "clinic staff", "the health service", "case numbers"],
        "verbs": ["increased", "declined", "peaked", "levelled off", "worsened", "improved"],
        "things": ["a vaccination campaign", "a mask mandate", "a new clinic", "a drug trial",
                   "a hiring drive", "an emergency budget", "a screening programme"],
    },
    "sport": {
        "nouns": ["the national team", "the striker", "the coach", "the league", "the federation",
                  "fans", "the champions", "the club", "the stadium", "the referee"],
        "verbs": ["won", "lost", "drew", "qualified", "withdrew", "triumphed", "struggled"],
        "things": ["a transfer ban", "a new contract", "a doping inquiry", "a title race",
                   "a stadium upgrade", "a friendly match", "a ticketing scandal"],
    },
}

LEADS = [
    "{Noun} {verb} by {pct} percent in {month}, {org} said on {weekday}, as {thing} took effect in {place}.",
    "{person}, the {role}, said on {weekday} that {thing} would be announced in {place} within {n} days.",
    "Officials in {place} announced {thing} on {weekday} after {noun} {verb} for a {ordinal} straight week.",
    "{org} said {noun} {verb} to {money} in the {quarter} quarter, prompting {thing} at its {place} unit.",
    "Authorities in {place} declared {thing} late on {weekday} as {noun} {verb} across {n} districts.",
]
BODY = [
    "\"We are watching the situation very closely,\" {person} told reporters in {place}.",
    "{person}, the {role}, said {noun} had {verb} faster than expected since {month}.",
    "The decision follows weeks of pressure from {org}, which has warned of {thing}.",
    "Critics argue that {thing} will do little to address {noun} in the short term.",
    "Data published on {weekday} showed {noun} {verb} by {pct} percent from a year earlier.",
    "About {n},{n3} people in {place} were affected, according to figures from {org}.",
    "{org} shares {verb} {pct} percent in early trading before paring losses.",
    "Analysts at {org} said {noun} was likely to remain under pressure until {month}.",
    "The {role} is due to meet representatives of {org} in {place} next week.",
    "In a statement, {org} said it supported {thing} but called for more detail on funding.",
    "{person} said the government had set aside {money} for {thing} in {place}.",
    "Local media reported that {noun} {verb} overnight in the districts north of {place}.",
    "The {ordinal} round of talks between {org} and {org2} ended without agreement on {thing}.",
    "Residents of {place} said {noun} had {verb} sharply over the past {n} months.",
    "{person} described {thing} as \"a necessary step\" but acknowledged it was unpopular.",
    "Opposition figures, including {person}, demanded a full inquiry into {noun}.",
    "The plan still requires approval from {noun2}, which meets again in {month}.",
    "Figures compiled by {org} put the total cost of {thing} at {money}.",
]
EXTRA = [
    "Later on {weekday}, {person} added that {thing} could be extended to {place} if {noun} kept falling.",
    "{org} said in a separate statement that it expected {noun} to recover by {month}.",
    "The announcement came hours after {person}, the {role}, met officials from {org} in {place}.",
    "A further {n},{n3} people registered for assistance by late evening, {org} said.",
]
SYNONYMS = [("said", "stated"), ("told", "informed"), ("announced", "unveiled"), ("after", "following"),
            ("people", "residents"), ("about", "around"), ("officials", "authorities"),
            ("warned", "cautioned"), ("expected", "forecast"), ("sharply", "steeply"),
            ("weeks", "several weeks"), ("statement", "written statement"), ("added", "went on to say")]
SPELLINGS = [("Dmitri", "Dmitry"), ("Oleg", "Oleh"), ("Yusuf", "Youssef"), ("Hassan", "Hasan"),
             ("Sofia", "Sophia"), ("Tomasz", "Tomas"), ("Sergei", "Sergey"), ("Mwangi", "Mwangie"),
             ("Alvarez", "Alvares"), ("Okafor", "Okafour"), ("Nakamura", "Nakamoura")]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def org(rng):
    return rng.choice(ORG_A) + " " + rng.choice(ORG_B)


def money(rng):
    return "$" + str(rng.randint(2, 900)) + rng.choice([" million", " billion"])


def fill(template, rng, topic, cast):
    vocab = TOPICS[topic]
    values = {
        "person": rng.choice(cast["people"]), "role": rng.choice(ROLES), "org": rng.choice(cast["orgs"]),
        "org2": org(rng), "place": cast["place"], "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS),
        "noun": rng.choice(vocab["nouns"]), "noun2": rng.choice(vocab["nouns"]), "verb": rng.choice(vocab["verbs"]),
        "thing": rng.choice(vocab["things"]), "pct": "%d.%d" % (rng.randint(0, 19), rng.randint(0, 9)),
        "n": str(rng.randint(2, 90)), "n3": "%03d" % rng.randint(0, 999), "money": money(rng),
        "ordinal": rng.choice(ORDINALS), "quarter": rng.choice(["first", "second", "third", "fourth"]),
    }
    values["Noun"] = values["noun"][0].upper() + values["noun"][1:]
    return template.format(**values)


def synthetic_story(rng):
    topic = rng.choice(sorted(TOPICS))
    cast = {"people": [person(rng) for _ in range(3)], "orgs": [org(rng) for _ in range(2)],
            "place": rng.choice(PLACES)}
    paragraphs = [fill(rng.choice(LEADS), rng, topic, cast)]
    for _ in range(rng.randint(2, 6)):
        sentences = rng.sample(BODY, rng.randint(1, 3))
        paragraphs.append(" ".join(fill(s, rng, topic, cast) for s in sentences))
    vocab = TOPICS[topic]
    headline = "%s: %s %s in %s" % (cast["place"], rng.choice(vocab["nouns"]).capitalize(),
                                    rng.choice(vocab["verbs"]), cast["place"])
    return {"headline": headline, "paragraphs": paragraphs, "topic": topic, "cast": cast}


def fixture_stories():
    stories, headline, paragraphs, current = [], None, [], []
    with open(FIXTURES, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    for line in lines + ["### "]:
        if line.startswith("#") and not line.startswith("### "):
            continue
        if line.startswith("### ") or line.strip() == "":
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if line.startswith("### "):
                if headline:
                    stories.append({"headline": headline, "paragraphs": paragraphs, "topic": "economy",
                                    "cast": {"people": ["Maria Lopez"], "orgs": ["Reuters"], "place": "Geneva"}})
                headline, paragraphs = line[4:].strip(), []
            continue
        current.append(line.strip())
    return stories


# ---- edits that keep the story (positives) ----

def restyle(story, rng):
    """Case, whitespace, quote, dash and compatibility-form changes: must match exactly."""
    def one(text):
        text = text.replace("\"", rng.choice(["\u201c", "\u00ab", "\""]))
        text = text.replace("'", rng.choice(["\u2019", "'"]))
        text = text.replace(" - ", rng.choice([" \u2014 ", " \u2013 ", " -- "]))
        text = text.replace(", ", rng.choice([",  ", ", ", " , "]))
        text = text.replace(" the ", rng.choice([" the\u00a0", " THE ", " the "]))
        if rng.random() < 0.3:
            text = text.replace("on ", "\uff4f\uff4e ")  # fullwidth "on"
        return text
    headline = story["headline"].upper() if rng.random() < 0.5 else story["headline"] + "."
    return {"headline": one(headline), "paragraphs": [one(p) + rng.choice(["", " ", "\n"]) for p in story["paragraphs"]]}


def reheadline(story, rng):
    prefix = rng.choice(["UPDATE 1-", "REFILE-", "CORRECTED-", "WRAPUP 2-", ""])
    words = story["headline"].split()
    rng.shuffle(words)
    headline = prefix + (" ".join(words[:max(3, len(words) - 2)]) if not prefix else story["headline"])
    return {"headline": headline, "paragraphs": list(story["paragraphs"])}


def trim(story, rng):
    paragraphs = story["paragraphs"]
    if len(paragraphs) >= 4 and rng.random() < 0.15:  # cut to the lead alone, as briefs are
        return {"headline": story["headline"], "paragraphs": paragraphs[:1]}
    keep = max(2, len(paragraphs) - rng.randint(1, max(1, len(paragraphs) // 2)))
    keep = min(keep, len(paragraphs) - 1) if len(paragraphs) > 2 else len(paragraphs)
    trimmed = paragraphs[:keep]
    if len(paragraphs) <= 2:  # a two-paragraph story loses its last sentence instead
        last = trimmed[-1].split(". ")
        trimmed[-1] = ". ".join(last[:max(1, len(last) - 1)])
    return {"headline": story["headline"], "paragraphs": trimmed}


def extend(story, rng):
    extra = fill(rng.choice(EXTRA), rng, story["topic"], story["cast"])
    paragraphs = list(story["paragraphs"])
    paragraphs.insert(rng.randint(1, len(paragraphs)), extra)
    return {"headline": story["headline"], "paragraphs": paragraphs}


def reporting_by(story, rng):
    line = "Reporting by %s and %s; Editing by %s" % (person(rng), person(rng), person(rng))
    if rng.random() < 0.5:
        line = "(%s)" % line
    return {"headline": story["headline"], "paragraphs": story["paragraphs"] + [line]}


def copy_edit(story, rng):
    paragraphs = list(story["paragraphs"])
    edits = 0
    for _ in range(12):
        if edits >= 3:
            break
        index = rng.randrange(len(paragraphs))
        word, replacement = rng.choice(SYNONYMS)
        if (" %s " % word) in paragraphs[index]:
            paragraphs[index] = paragraphs[index].replace(" %s " % word, " %s " % replacement, 1)
            edits += 1
    if edits == 0:
        paragraphs[-1] = paragraphs[-1].rstrip(".") + ", officials said."
    if rng.random() < 0.3:  # a name spelled another way (transliteration)
        for old, new in SPELLINGS:
            if old in paragraphs[0]:
                paragraphs[0] = paragraphs[0].replace(old, new, 1)
                break
    return {"headline": story["headline"], "paragraphs": paragraphs}


def combined(story, rng):
    steps = rng.sample([reheadline, reporting_by, copy_edit, restyle], 2) + [rng.choice([trim, extend, copy_edit])]
    for step in steps:
        story = dict(story, **step(story, rng))
    return story


POSITIVE_EDITS = [
    ("exact_resend", lambda s, r: {"headline": s["headline"], "paragraphs": list(s["paragraphs"])}, "exact"),
    ("restyled", restyle, "exact"),
    ("reheadlined", reheadline, "near"),
    ("trimmed", trim, "near"),
    ("extended", extend, "update"),
    ("reporting_by", reporting_by, "near"),
    ("copy_edited", copy_edit, "near"),
    ("combined", combined, None),
]


# ---- hard negatives: alike but different stories ----

def fed_series(rng, count):
    day = rng.randint(1, 20)
    for i in range(count):
        amount = "%d.%d" % (rng.randint(1, 12), rng.randint(0, 9)) if rng.random() < 0.8 else "%d" % rng.randint(2, 15)
        rate = "%d.%02d" % (rng.randint(4, 5), rng.randint(0, 99))
        weekday = WEEKDAYS[(day + i) % 5]
        yield ("series_fed", {
            "headline": "Fed adds reserves via overnight repurchase agreements",
            "paragraphs": [
                "The Federal Reserve added $%s billion in temporary reserves to the banking system on %s through "
                "overnight repurchase agreements, the New York Fed said." % (amount, weekday),
                "Federal funds were trading at %s percent at the time of the operation, compared with %s percent "
                "at the previous day's close." % (rate, "%d.%02d" % (rng.randint(4, 5), rng.randint(0, 99))),
            ]})


def market_close_series(rng, count):
    index_name = rng.choice(["Nikkei", "FTSE 100", "DAX", "Sensex", "Bovespa"])
    for _ in range(count):
        level = "%d.%02d" % (rng.randint(9000, 39000), rng.randint(0, 99))
        change = "%d.%d" % (rng.randint(0, 2), rng.randint(0, 9))
        yield ("series_market", {
            "headline": "%s closes %s" % (index_name, rng.choice(["higher", "lower"])),
            "paragraphs": [
                "The %s index closed at %s on %s, %s %s percent, as shares of exporters %s." % (
                    index_name, level, rng.choice(WEEKDAYS), rng.choice(["up", "down"]), change,
                    rng.choice(["gained", "slipped"])),
                "Trading volume was %d million shares, compared with a 30-day average of %d million." % (
                    rng.randint(400, 2500), rng.randint(400, 2500)),
            ]})


def fuel_series(rng, count):
    city = rng.choice(PLACES)
    for _ in range(count):
        yield ("series_fuel", {
            "headline": "%s fuel prices for the week" % city,
            "paragraphs": [
                "Petrol in %s will cost %d.%02d per litre and diesel %d.%02d per litre from %s, the energy "
                "regulator said in its weekly price notice." % (city, rng.randint(1, 2), rng.randint(0, 99),
                                                                rng.randint(1, 2), rng.randint(0, 99),
                                                                rng.choice(WEEKDAYS)),
                "The regulator said the change reflected movements in international oil prices and the "
                "exchange rate over the previous %d days." % rng.randint(5, 9),
            ]})


def dividend_briefs(rng, count):
    cents, month, day, record_day = rng.randint(5, 95), rng.choice(MONTHS), rng.randint(1, 28), rng.randint(1, 28)
    for i in range(count):
        company = org(rng)
        if i % 3 == 2:  # same company wording, only the amounts differ
            cents, day = rng.randint(5, 95), rng.randint(1, 28)
        yield ("dividend_brief", {
            "headline": "%s declares quarterly dividend" % company,
            "paragraphs": [
                "%s said on %s its board declared a quarterly cash dividend of %d cents per share, payable on "
                "%s %d to shareholders of record at the close of business on %s %d." % (
                    company, rng.choice(WEEKDAYS) if i % 3 == 2 else "Tuesday", cents, month, day, month, record_day),
                "The dividend is unchanged from the previous quarter, the company said in a statement.",
            ]})


def same_event_pair(rng):
    """Two agencies' reports of one event: same facts, names and figures, different wording."""
    place, official, company = rng.choice(PLACES), person(rng), org(rng)
    dead, injured, weekday = rng.randint(3, 40), rng.randint(10, 200), rng.choice(WEEKDAYS)
    event = rng.choice(["a gas explosion", "a bridge collapse", "a train derailment", "a factory fire"])
    first = {
        "headline": "%d killed in %s in %s" % (dead, event, place),
        "paragraphs": [
            "At least %d people were killed and %d injured in %s in %s on %s, officials said." % (
                dead, injured, event, place, weekday),
            "%s, the regional governor, said rescue teams were still searching the site and the toll could rise." % official,
            "The cause of the accident was not immediately clear. Police said %s, which operates the site, "
            "was cooperating with investigators." % company,
        ]}
    second = {
        "headline": "%s: death toll from %s reaches %d" % (place, event, dead),
        "paragraphs": [
            "%s in the city of %s left %d dead on %s, with another %d people taken to hospital, according to "
            "local authorities." % (event.capitalize(), place, dead, weekday, injured),
            "Governor %s told a news conference that emergency crews were combing through debris and warned "
            "that more victims might be found." % official,
            "Investigators have not yet determined what caused the disaster. %s said in a statement it was "
            "working with police." % company,
        ]}
    return [("same_event", first), ("same_event", second)]


def shared_background(story, rng):
    """A follow-up story: new lead and developments, with the first story's background paragraphs
    repeated (as agencies do). A different story that shares much of its text."""
    fresh = synthetic_story(rng)
    background = story["paragraphs"][-2:] if len(story["paragraphs"]) >= 4 else story["paragraphs"][-1:]
    cast = story["cast"]
    fresh_paragraphs = [fill(rng.choice(LEADS), rng, story["topic"], cast)]
    for _ in range(rng.randint(2, 4)):
        fresh_paragraphs.append(" ".join(fill(t, rng, story["topic"], cast) for t in rng.sample(BODY, 2)))
    return {"headline": fresh["headline"], "paragraphs": fresh_paragraphs + background}


def shared_quote_pair(rng):
    """Two different stories quoting the same long statement verbatim."""
    quote = fill('"We have decided to {verb} our plans for {thing} in {place} because {noun} has changed '
                 'beyond what anyone expected, and we will not return to the table until {month}," '
                 '{person} said in a statement.', rng, "politics",
                 {"people": [person(rng)], "orgs": [org(rng)], "place": rng.choice(PLACES)})
    stories = []
    for _ in range(2):
        story = synthetic_story(rng)
        story["paragraphs"].insert(1, quote)
        stories.append(("shared_quote", {"headline": story["headline"], "paragraphs": story["paragraphs"]}))
    return stories


def revised_figures(story, rng):
    """The same story re-issued with a revised figure in the lead: a different story (new facts)."""
    paragraphs = list(story["paragraphs"])
    lead = paragraphs[0]
    digits = [w for w in lead.replace(",", " ").split() if any(c.isdigit() for c in w)]
    if not digits:
        return None
    old = rng.choice(digits).strip(".%$")
    if not old or not any(c.isdigit() for c in old):
        return None
    new = old[:-1] + str((int(old[-1]) + rng.randint(1, 8)) % 10) if old[-1].isdigit() else old + "1"
    paragraphs[0] = lead.replace(old, new, 1)
    return {"headline": story["headline"], "paragraphs": paragraphs}


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: make-dedup-corpus.py OUTPUT.jsonl [--bases N] [--seed S]")
    output, bases, seed = args[0], 1500, 20240611
    if "--bases" in args:
        bases = int(args[args.index("--bases") + 1])
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
    rng = random.Random(seed)

    groups = []  # each: list of (category, expect, expect_match, story)
    base_stories = fixture_stories() + [synthetic_story(rng) for _ in range(bases)]
    for story in base_stories:
        group = [("original", "new", None, story)]
        for category, edit, match in rng.sample(POSITIVE_EDITS, rng.randint(1, 3)):
            group.append((category, "duplicate", match, edit(story, rng)))
        groups.append(group)
        if rng.random() < 0.1:
            groups.append([("shared_background", "new", None, shared_background(story, rng))])
        if rng.random() < 0.1:
            revised = revised_figures(story, rng)
            if revised:
                groups.append([("revised_figures", "new", None, revised)])

    negatives = []
    for _ in range(max(1, bases // 40)):
        negatives += list(fed_series(rng, 12)) + list(market_close_series(rng, 8))
        negatives += list(fuel_series(rng, 8)) + list(dividend_briefs(rng, 12))
    for _ in range(max(1, bases // 8)):
        negatives += same_event_pair(rng)
        negatives += shared_quote_pair(rng)
    for category, story in negatives:
        group = [(category, "new", None, story)]
        if rng.random() < 0.15:  # a re-send of a series item must find that item, not another day's
            group.append(("series_resend", "duplicate", "exact", dict(story, paragraphs=list(story["paragraphs"]))))
        groups.append(group)

    # Interleave: every group's first occurrence precedes its copies; groups overlap in time.
    timed = []
    for number, group in enumerate(groups):
        start = rng.random()
        for order, (category, expect, match, story) in enumerate(group):
            when = start if order == 0 else start + rng.random() * 0.2 + 1e-9
            timed.append((when, number, order, category, expect, match, story))
    timed.sort(key=lambda item: (item[0], item[1], item[2]))

    with open(output, "w", encoding="utf-8") as handle:
        for seq, (_, number, order, category, expect, match, story) in enumerate(timed):
            handle.write(json.dumps({
                "seq": seq, "group": "g%d" % number, "category": category, "expect": expect,
                "expect_match": match, "headline": story["headline"], "paragraphs": story["paragraphs"],
            }, ensure_ascii=False) + "\n")
    print("wrote %d occurrences in %d groups to %s" % (len(timed), len(groups), output), file=sys.stderr)


if __name__ == "__main__":
    main()
