#!/usr/bin/env python3
"""Builds the multilingual corpus of `make lang-eval` from real news text (Tests/LangCorpus/source).

Every story is a news document of the source (its shortest sentence as the headline, but never a
line of dialogue, the others as one-sentence paragraphs, as wire copy is written). Bulletins of six stories are written in the
legacy code pages each language still arrives in (a story's characters that a code page lacks
are written the way legacy systems wrote them: "--" for a dash, straight quotes), a third of
the stories open with the dateline and credit of the language's agencies ("МОСКВА, 27 сентября.
/ТАСС/.", "Berlin (dpa) -", "新華社北京6月1日電"). A few files are Unicode as Windows writes it (Arabic
in UTF-8 with a byte order mark, Chinese in UTF-16LE and Japanese in UTF-16BE with one), so every
encoding the README lists is read here but Windows-1255/1257, ISO-8859-8/13 (no language of the
sources is written in them). Then come the copies, one per story, edited
deterministically (an exact re-send in another code page, a new headline, the last paragraph
dropped, a credit line added, the punctuation restyled and the text re-wrapped, a word cut), mixed
with hard negatives: new stories that share a paragraph of background with an earlier one (one
of two paragraphs or more: a story's only paragraph is all of it, and holding all of it is an update).

The last quarter of each language's stories (and their copies) is the held-out set, kept aside
while tuning. Arabic, Chinese and Turkish are grown by 60 more stories each (splits "tune+" and
"heldout+", their last quarter held out), in files after all the others; then the "new" part (other
sources, "tune-new"/"heldout-new") and the "more" part (a larger tuning part for Spanish, Turkish,
Arabic and Chinese, all of it tuning: "tune-more") and the "extra" part (a new Chinese source, all
of it tuning: "tune-extra"). Output: DIR/bulletins/*.txt and DIR/labels.json. Deterministic: the same input
gives the same bytes.

usage: make-lang-corpus.py OUTPUT_DIR
"""
import hashlib
import json
import os
import re
import sys
import textwrap
import unicodedata

SOURCE = os.path.join(os.path.dirname(__file__), "..", "Tests", "LangCorpus", "source")

# language: (source file, expected BCP 47 tag, code pages (Python codec, IANA name), CJK)
LANGUAGES = {
    "ru": ("pud-ru", "ru", [("koi8_r", "koi8-r"), ("cp1251", "windows-1251"), ("cp866", "ibm866"), ("iso8859_5", "iso-8859-5")], False),
    "de": ("pud-de", "de", [("iso8859_15", "iso-8859-15"), ("cp1252", "windows-1252")], False),
    "fr": ("pud-fr", "fr", [("iso8859_15", "iso-8859-15"), ("latin_1", "iso-8859-1"), ("cp1252", "windows-1252")], False),
    "es": ("pud-es", "es", [("cp1252", "windows-1252"), ("latin_1", "iso-8859-1")], False),
    "it": ("pud-it", "it", [("cp1252", "windows-1252"), ("iso8859_15", "iso-8859-15")], False),
    "pt": ("pud-pt", "pt", [("latin_1", "iso-8859-1"), ("cp1252", "windows-1252")], False),
    "pl": ("pud-pl", "pl", [("cp1250", "windows-1250"), ("iso8859_2", "iso-8859-2")], False),
    "cs": ("pud-cs", "cs", [("cp1250", "windows-1250"), ("iso8859_2", "iso-8859-2")], False),
    "tr": ("pud-tr", "tr", [("cp1254", "windows-1254"), ("iso8859_9", "iso-8859-9")], False),
    "ar": ("pud-ar", "ar", [("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6"), ("utf_8_sig", "utf-8-bom")], False),
    "zh-Hant": ("pud-zh", "zh-Hant", [("cp950", "big5"), ("gb18030", "gb18030"), ("utf_16_le", "utf-16le")], True),
    "ko": ("pud-ko", "ko", [("cp949", "euc-kr")], True),
    "en": ("pud-en", "en", [("cp1252", "windows-1252"), ("utf_8", "utf-8")], False),
    # Web text of the Leipzig Wortschatz (through lingua-py's test data): three sentences a story.
    "uk": ("leipzig-uk", "uk", [("koi8_u", "koi8-u"), ("cp1251", "windows-1251")], False),
    "el": ("leipzig-el", "el", [("cp1253", "windows-1253"), ("iso8859_7", "iso-8859-7")], False),
    "ja": ("leipzig-ja", "ja", [("shift_jis", "shift_jis"), ("euc_jp", "euc-jp"), ("utf_16_be", "utf-16be")], True),
}

# The way each language's agencies open a story: (prefix of the first paragraph, place, credit).
DATELINES = {
    "ru": ("МОСКВА, {day} сентября. /ТАСС/. ", "МОСКВА", "ТАСС"),
    "uk": ("КИЇВ, {day} березня. /Укрінформ/. ", "КИЇВ", "Укрінформ"),
    "de": ("Berlin (dpa) - ", "Berlin", "dpa"),
    "fr": ("PARIS (AFP) - ", "PARIS", "AFP"),
    "es": ("MADRID, {day} Mar. (EFE) - ", "MADRID", "EFE"),
    "it": ("ROMA, {day} mar. (ANSA) - ", "ROMA", "ANSA"),
    "pt": ("LISBOA, {day} mar (Lusa) - ", "LISBOA", "Lusa"),
    "pl": ("Warszawa (PAP) - ", "Warszawa", "PAP"),
    "cs": ("Praha {day}. března (ČTK) - ", "Praha", "ČTK"),
    "tr": ("ANKARA (AA) - ", "ANKARA", "AA"),
    "el": ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) - ", "ΑΘΗΝΑ", "ΑΠΕ-ΜΠΕ"),
    "ar": ("بريدة {day} جمادى الآخرة 1441 هـ الموافق {day} فبراير 2020 م واس ", "بريدة", "واس"),
    "zh-Hant": ("新華社北京6月{day}日電 ", "北京", "新華社"),
    "ko": ("(서울=연합뉴스) ", "서울", "연합뉴스"),
    "ja": ("【東京共同】", "東京", "共同"),
    "en": ("LONDON (Reuters) - ", "LONDON", "Reuters"),
}

# Characters a code page may lack, as legacy systems wrote them.
FALLBACKS = {
    "\u2014": "--", "\u2013": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'",
    "\u201a": "'", "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2116": "No.", "\u20ac": "EUR",
    "\u2022": "*", "\u00b7": ".", "\u2032": "'", "\u00b4": "'", "\u02bc": "'", "\u2033": '"', "\u00d7": "x",
}

CREDIT_LINES = {
    "ru": "Корреспондент ТАСС.", "uk": "Укрінформ.", "de": "(dpa)", "fr": "(AFP)", "es": "(EFE)", "it": "(ANSA)",
    "pt": "(Lusa)", "pl": "(PAP)", "cs": "(ČTK)", "tr": "(AA)", "el": "(ΑΠΕ-ΜΠΕ)", "ar": "(واس)", "zh-Hant": "（新華社）",
    "ko": "(연합뉴스)", "ja": "（共同）", "en": "(Reporting by Reuters)",
}

HEADLINE_LIMIT = {False: 110, True: 48}
# A line of dialogue, as Spanish and Polish set it: opened by a dash ("- No, hombre, no.",
# "— Nie sądzimy, … — powiedziała."), or closing the speech with a dash before the speaker's
# tag or the stop ("¿Por qué? -, se pregunta.", "… o algo así -.", "¿Por qué tanto tiempo? - -.").
# No desk heads a story with one: it is a quotation set for a page of prose, its dashes a
# typesetter's, so it is never taken for a story's headline. A dash set off inside a sentence
# ("El presidente - que … - dijo") is an aside, not dialogue, and stays a candidate.
DIALOGUE = re.compile(r"^['\"«“„]?\s*[-—–]\s|\s[-—–]\s*[,;.]|\s[-—–]\s*$|\s[-—–]\s+[-—–]")
STORIES_PER_FILE = 6
STORIES_PER_LANGUAGE = 60
# The corpus grown where the held-out quarter was weakest: more of the same source's news
# documents (those after the first 60), kept apart from the corpus above so that its files,
# and its held-out quarter, stay as they were; a quarter of the new stories is held out too.
GROWN = {"ar": 60, "zh-Hant": 60, "tr": 60}
# The corpus's "new" part: text of other real sources (Tests/LangCorpus/SOURCES.md) for the
# languages still under target, 80 stories each, the last quarter held out (splits "tune-new",
# "heldout-new"), with copies and hard negatives of their own, in files after all the others.
# Spanish: AnCora's news documents; Turkish: BOUN's newspaper sentences, four to a story;
# Arabic: Leipzig web sentences, three to a story; Chinese: Tainan City Government press
# releases, with their own headlines.
NEW = {"es": "ancora-es", "tr": "boun-tr", "ar": "leipzig-ar", "zh-Hant": "tainan-zh"}
NEW_STORIES = 80
# The "more" part: a larger tuning part for the languages whose held-out quarters stayed under
# target while every tuning table was at or near 1.000 (split "tune-more", nothing held out): the
# sources' news text no other part uses (PUD's documents after those taken above; AnCora's dev
# file, the Leipzig Turkish sentences, the Leipzig Arabic ones after the new part's, Tainan's releases of
# April-June 2025: scripts/lang-sources/extract-more-sources.py), with copies and hard negatives
# of their own (up to 30 hard negatives a source where the source has them), in files after all the
# others so that every earlier table stays as it was.
MORE = {
    "es": [("pud-es", STORIES_PER_LANGUAGE), ("ancora-dev-es", 0)],
    "tr": [("pud-tr", STORIES_PER_LANGUAGE + GROWN["tr"]), ("leipzig-tr", 0)],
    "ar": [("pud-ar", STORIES_PER_LANGUAGE + GROWN["ar"]), ("leipzig-ar-more", 0)],
    "zh-Hant": [("pud-zh", STORIES_PER_LANGUAGE + GROWN["zh-Hant"]), ("tainan-zh-more", 0)],
}
# The "extra" part: a new real source for a language whose every tuning table was at 1.000 while
# its held-out quarters missed (split "tune-extra", nothing held out): Chinese, the Presidential
# Office of Taiwan's releases of 2025 (scripts/lang-sources/extract-extra-sources.py), written
# to files after all the others, as the "more" part is, so that every earlier table stays.
EXTRA = {"zh-Hant": ["president-zh"]}
EDITS = ["exact", "reheadlined", "trimmed", "credit-added", "restyled", "copy-edited"]


def stable(*parts):
    return int(hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()[:12], 16)


# Big5 as written by Python's cp950 and as read by Windows (code page 950, ICU's windows-950):
# A145 is read back as U+2027 ‧ though cp950 writes U+2022 • there, so a Big5 file says ‧; and
# Python writes kana in C6A1-C8FE (ETEN's extension), a range Windows leaves to user-defined
# characters and reads as private-use ones, so a character written there counts as one the
# code page lacks.
PREFERRED = {"cp950": {"\u2022": "\u2027"}}


def fits_codepage(char, codec):
    data = char.encode(codec)
    return not (codec == "cp950" and len(data) == 2 and 0xC6A1 <= int.from_bytes(data, "big") <= 0xC8FE)


def encodable(text, codec):
    out = []
    preferred = PREFERRED.get(codec, {})
    for char in text:
        try:
            if not fits_codepage(char, codec):
                raise UnicodeEncodeError(codec, char, 0, 1, "outside the code page as Windows reads it")
            out.append(preferred.get(char, char))
        except UnicodeEncodeError:
            replacement = FALLBACKS.get(char)
            if replacement is None:
                return None
            out.append(replacement)
    return "".join(out)


def load(name):
    with open(os.path.join(SOURCE, name + ".jsonl"), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def strip_end(sentence):
    """A sentence as a headline: without its closing full stop (or exclamation mark), also where
    the stop sits inside the closing quotes of a quoted sentence (`"… reliable."` → `"… reliable"`,
    `ekledi: "… kaçmamalıdır."` → `… kaçmamalıdır"`), as desks write quotes in headlines; a line
    ending `."` is a quoted paragraph, a pull quote, not a headline."""
    sentence = sentence.rstrip(".。．!！ ")
    quotes = len(sentence) - len(sentence.rstrip('"\'”’“‘»」』'))  # “ and ‘ close German and Czech quotes
    if quotes and sentence[:-quotes].endswith((".", "。", "．")):
        sentence = sentence[:-quotes].rstrip(".。．") + sentence[-quotes:]
    return sentence


def stories_of(language, source=None):
    """The language's stories (and the spare ones that fail a filter) from `source` (its
    LANGUAGES file unless named). A document with a headline of its own (a press release) keeps
    it; otherwise the shortest sentence that is not a line of dialogue (`DIALOGUE`) is the
    headline; a document of dialogue alone is left out."""
    _, tag, codepages, cjk = LANGUAGES[language]
    source = source or LANGUAGES[language][0]
    stories, spare = [], []
    for doc in load(source):
        if "headline" in doc:
            headline, body = doc["headline"], [p for p in doc["paragraphs"] if p.strip()]
            if not body:
                continue
        else:
            sentences = [s.strip() for s in doc["sentences"] if s.strip()]
            if len(sentences) < 2:
                continue
            candidates = [i for i, s in enumerate(sentences) if not DIALOGUE.search(s)]
            if not candidates:
                continue
            shortest = min(candidates, key=lambda i: (len(sentences[i]), i))
            headline = strip_end(sentences[shortest])
            body = [s for i, s in enumerate(sentences) if i != shortest]
        item = {"doc": doc["doc"], "headline": headline, "paragraphs": body}
        ok = len(headline) <= HEADLINE_LIMIT[cjk] and len(headline) >= (6 if cjk else 15)
        # Every code page of the language must be able to carry the story.
        if ok and all(encodable("\n".join([headline] + body), codec) is not None for codec, _ in codepages):
            stories.append(item)
        else:
            spare.append(item)
    return stories, spare


def edited(language, story, edit, spare_headline):
    cjk = LANGUAGES[language][3]
    headline, paragraphs = story["headline"], list(story["paragraphs"])
    if edit == "reheadlined":
        headline = spare_headline
    elif edit == "trimmed":
        if len(paragraphs) >= 2:
            paragraphs = paragraphs[:-1]
        else:
            edit = "copy-edited"  # a story of one paragraph has none to drop: labelled as what it got
    elif edit == "credit-added":
        paragraphs = paragraphs + [CREDIT_LINES[language]]
    elif edit == "restyled":
        swap = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "—": "-", "，": ",", "：": ":", "；": ";"}
        paragraphs = ["".join(swap.get(c, c) for c in p) for p in paragraphs]
        if not cjk:
            paragraphs = ["\n".join(textwrap.wrap(p, 64)) for p in paragraphs]
    if edit == "copy-edited":
        # One word (two characters in scripts without spaces) cut from the longest paragraph.
        index = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
        text = paragraphs[index]
        if cjk:
            text = cut_two_characters(text)
        else:
            words = text.split(" ")
            if len(words) > 4:
                del words[len(words) // 2]
            text = " ".join(words)
        paragraphs[index] = text
    return headline, paragraphs, edit


def cut_two_characters(text):
    """Two characters cut from the middle of a paragraph written without spaces: a word as a
    desk drops it. Never a letter of a Latin name or a digit of a number ("CNN" cut to "NN",
    "Marat" to "Mar"): no editor writes that, and it reads as another name. The two nearest
    the middle that hold neither."""
    def is_latin_or_digit(char):
        return unicodedata.category(char) in ("Lu", "Ll", "Lt", "Nd")
    middle = len(text) // 2
    for distance in range(len(text)):
        for start in (middle - distance, middle + distance):
            if 0 <= start and start + 2 <= len(text) and not any(map(is_latin_or_digit, text[start:start + 2])):
                return text[:start] + text[start + 2:]
    return text[:middle] + text[middle + 2:]


def background_for(labeled, draw):
    """The story a hard negative shares a paragraph of background with: the drawn one, or the next
    after it that has at least two paragraphs. A one-paragraph story's last paragraph is the whole
    story, and a later story holding all of an earlier one and adding more is what the product
    documents as an update of it (README, `match`), not a different story."""
    for step in range(len(labeled)):
        story = labeled[(draw + step) % len(labeled)]
        if len(story["paragraphs"]) >= 2:
            return story
    return labeled[draw % len(labeled)]


def negatives_of(language, candidates, labeled, splits):
    """Hard negatives: each candidate story with a paragraph of background of an earlier one
    added; every fourth in the held-out split."""
    _, tag, codepages, cjk = LANGUAGES[language]
    negatives = []
    for number, item in enumerate(candidates):
        background = background_for(labeled, stable(language, "background", number))
        text = "\n".join([item["headline"]] + item["paragraphs"])
        if any(encodable(text, codec) is None for codec, _ in codepages):
            continue
        if len(item["headline"]) > HEADLINE_LIMIT[cjk] * 1.5:
            continue
        negatives.append({
            "id": f"{language}-{item['doc']}-negative", "kind": "negative", "language": tag,
            "headline": strip_end(item["headline"]), "paragraphs": item["paragraphs"] + [background["paragraphs"][-1]],
            "dateline": None, "shares_with": background["id"],
            "split": splits[1] if number % 4 == 3 else splits[0],
        })
    return negatives


def render(stories):
    blocks = []
    for story in stories:
        blocks.append(story["headline"])
        blocks.extend(story["paragraphs"])
    return "\n\n".join(blocks) + "\n"


def originals_and_copies(language, stories, spare, offset, held_from, splits):
    """The stories as first sent (a third with the agencies' dateline) and one edited copy of
    each; story number `offset + i` for the i-th, `splits` = (tuning, held-out) from `held_from` on."""
    source, tag, codepages, cjk = LANGUAGES[language]
    labeled = []
    for index, story in enumerate(stories):
        number = offset + index
        dateline = None
        if language in DATELINES and number % 3 == 1:
            prefix, place, credit = DATELINES[language]
            first = prefix.format(day=1 + stable(language, number) % 28) + story["paragraphs"][0]
            story = dict(story, paragraphs=[first] + story["paragraphs"][1:])
            dateline = {"place": place, "sources": [credit]}
        labeled.append({
            "id": f"{language}-{story['doc']}", "kind": "original", "language": tag, "headline": story["headline"],
            "paragraphs": story["paragraphs"], "dateline": dateline,
            "split": splits[1] if index >= held_from else splits[0],
        })
    copies = []
    spare_headlines = [
        item["headline"] for item in spare
        if len(item["headline"]) <= HEADLINE_LIMIT[cjk]
        and all(encodable(item["headline"], codec) is not None for codec, _ in codepages)
    ]
    for index, story in enumerate(labeled):
        number = offset + index
        edit = EDITS[stable(language, "edit", number) % len(EDITS)]
        # Without spare documents, the headline of a story far from this one.
        spare_headline = (spare_headlines[number % len(spare_headlines)] if spare_headlines
                          else labeled[(index + len(labeled) // 2) % len(labeled)]["headline"])
        headline, paragraphs, edit = edited(language, story, edit, spare_headline)
        copies.append({
            "id": story["id"] + "-copy", "kind": "copy", "copy_of": story["id"], "edit": edit, "language": tag,
            "headline": headline, "paragraphs": paragraphs,
            "dateline": story["dateline"], "split": story["split"],
        })
    return labeled, copies


def bulletins(language, group, offset):
    """`group` in bulletins of six stories, each in the next of the language's code pages."""
    codepages = LANGUAGES[language][2]
    out = []
    for start in range(0, len(group), STORIES_PER_FILE):
        codec, name = codepages[(start // STORIES_PER_FILE + offset) % len(codepages)]
        out.append((language, codec, name, group[start:start + STORIES_PER_FILE]))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "bulletins"), exist_ok=True)
    files, counts = [], {}
    originals_files, later_files = [], []
    for language in LANGUAGES:
        source, tag, codepages, cjk = LANGUAGES[language]
        stories, spare = stories_of(language)
        stories = stories[:STORIES_PER_LANGUAGE]
        counts[language] = len(stories)
        held_from = len(stories) - len(stories) // 4
        labeled, copies = originals_and_copies(language, stories, spare, 0, held_from, ("tune", "heldout"))
        negatives = negatives_of(language, spare[len(stories) % 7: len(stories) % 7 + 10], labeled, ("tune", "heldout"))
        later = copies + negatives
        later.sort(key=lambda s: stable(language, "order", s["id"]))
        originals_files += bulletins(language, labeled, 0)
        later_files += bulletins(language, later, 1)
    grown_originals, grown_copies, grown_counts = [], [], {}
    for language, extra in GROWN.items():
        stories, spare = stories_of(language)
        more = stories[STORIES_PER_LANGUAGE:STORIES_PER_LANGUAGE + extra]
        grown_counts[language] = len(more)
        labeled, copies = originals_and_copies(
            language, more, spare, STORIES_PER_LANGUAGE, len(more) - len(more) // 4, ("tune+", "heldout+"))
        copies.sort(key=lambda s: stable(language, "order", s["id"]))
        grown_originals += bulletins(language, labeled, 0)
        grown_copies += bulletins(language, copies, 1)
    new_originals, new_later, new_counts = [], [], {}
    for language, source in NEW.items():
        stories, spare = stories_of(language, source)
        chosen = stories[:NEW_STORIES]
        new_counts[language] = len(chosen)
        labeled, copies = originals_and_copies(
            language, chosen, spare, 1000, len(chosen) - len(chosen) // 4, ("tune-new", "heldout-new"))
        # Negatives from the source's stories after those chosen (then its spare ones).
        negatives = negatives_of(language, (stories[NEW_STORIES:] + spare)[:10], labeled, ("tune-new", "heldout-new"))
        later = copies + negatives
        later.sort(key=lambda s: stable(language, "order-new", s["id"]))
        new_originals += bulletins(language, labeled, 0)
        new_later += bulletins(language, later, 1)
    more_originals, more_later, more_counts = [], [], {}
    for language, sources in MORE.items():
        for number, (source, first) in enumerate(sources):
            stories, spare = stories_of(language, source)
            if first:
                # PUD: its stories no other part took; negatives from its spare documents the
                # first corpus's negatives left (it took spare[n % 7:n % 7 + 10], n = 60).
                chosen = stories[first:]
                taken = STORIES_PER_LANGUAGE % 7
                candidates = spare[:taken] + spare[taken + 10:]
            else:
                chosen = stories[:NEW_STORIES]
                # Up to 30 hard negatives, not 10: precision is what the held-out Chinese missed.
                candidates = (stories[NEW_STORIES:] + spare)[:30]
            more_counts[f"{language} {source}"] = len(chosen)
            labeled, copies = originals_and_copies(
                language, chosen, spare, 2000 + 1000 * number, len(chosen), ("tune-more", "tune-more"))
            negatives = negatives_of(language, candidates, labeled, ("tune-more", "tune-more"))
            later = copies + negatives
            later.sort(key=lambda s: stable(language, "order-more", s["id"]))
            more_originals += bulletins(language, labeled, 0)
            more_later += bulletins(language, later, 1)
    extra_originals, extra_later, extra_counts = [], [], {}
    for language, sources in EXTRA.items():
        for number, source in enumerate(sources):
            stories, spare = stories_of(language, source)
            chosen = stories[:NEW_STORIES]
            extra_counts[f"{language} {source}"] = len(chosen)
            labeled, copies = originals_and_copies(
                language, chosen, spare, 5000 + 1000 * number, len(chosen), ("tune-extra", "tune-extra"))
            negatives = negatives_of(language, (stories[NEW_STORIES:] + spare)[:30], labeled, ("tune-extra", "tune-extra"))
            later = copies + negatives
            later.sort(key=lambda s: stable(language, "order-extra", s["id"]))
            extra_originals += bulletins(language, labeled, 0)
            extra_later += bulletins(language, later, 1)
    sequence = 0
    for language, codec, name, part in (originals_files + later_files + grown_originals + grown_copies
                                        + new_originals + new_later + more_originals + more_later
                                        + extra_originals + extra_later):
        text = encodable(render(part), codec)
        assert text is not None, (language, codec)
        # UTF-16 is written with its byte order mark, as Windows writes it (utf_8_sig adds its own).
        data = {"utf_16_le": b"\xff\xfe", "utf_16_be": b"\xfe\xff"}.get(codec, b"") + text.encode(codec)
        file = f"{sequence:04d}-{language}-{name}.txt"
        with open(os.path.join(out, "bulletins", file), "wb") as handle:
            handle.write(data)
        stories = []
        for story in part:
            label = {k: v for k, v in story.items() if k != "paragraphs"}
            label["headline"] = encodable(story["headline"], codec)
            # How the scorer finds a story whose headline the parser missed.
            label["opening"] = " ".join(encodable(story["paragraphs"][0], codec).split())[:40]
            stories.append(label)
        files.append({"file": file, "language": language, "encoding": name, "text": text, "stories": stories})
        sequence += 1
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as handle:
        json.dump({"files": files, "stories_per_language": counts, "grown_per_language": grown_counts,
                   "new_per_language": new_counts, "more_per_source": more_counts,
                   "extra_per_source": extra_counts}, handle,
                  ensure_ascii=False, indent=1)
    print(f"{len(files)} bulletins; stories per language: {counts}; grown: {grown_counts}; new: {new_counts}; "
          f"more: {more_counts}; extra: {extra_counts}")


if __name__ == "__main__":
    main()
