#!/usr/bin/env python3
"""Builds the independent split of the parse corpus: plain-text bulletins assembled from
real articles that the tuning corpus does not use (Tests/ParseCorpus/independent/*.jsonl,
see SOURCES.md there), laid out as web, broadcast and press desks write them.

    make-independent-corpus.py OUT_DIR [--count 200]

The articles are split in two halves by publisher (`held_out`: a salted SHA-1 of the page's
site, so every page of one site falls in the same half): bulletins of the tuning half are
built only from tuning articles, bulletins of the held-out half only from held-out ones.
Writes OUT_DIR/independent-tuning/ and OUT_DIR/independent-heldout/, each COUNT bulletins
NNNN.txt and NNNN.truth.json in the truth format of
make-parse-corpus.py: {"kind", "layout", "sources", "stories": [{"headline", "paragraphs",
"byline", "lang"}]}; a paragraph with line breaks is one preformatted block (a list, a table).

What the truth says, where a desk's layout adds lines around the article's own text:
- a standfirst (the page's own summary) is the story's first paragraph;
- a time line ("Updated 28.04.2019", the label in the article's language, the page's own
  date) is a paragraph: the record has no field for it, and nothing may be lost;
- crossheads, photo captions, "Lea también: …"/"Lesen Sie auch" lines, lists and tables are
  paragraphs (a list or table one block, rows as rendered, markers included);
- a list is one block whatever the layout (blank lines around it or none, a wrapped file or
  not): a list belongs to the story it stands in, and its rows are read together, as a user
  reads them, not as paragraphs of one item each. The parser reads the same: two or more
  marked lines in a row are one block (ListRows.swift). A paragraph of the article's prose
  that opens with a number or a dash ("1. Bio: Make sure your bio …", a numbered tip written
  as a paragraph) stays a paragraph: the page did not make it a list;
- a byline line ("By …", "Von …", "Par …", "Por …", in English also "Written by: …") is the
  story's byline, not a paragraph: the one the layout writes, and the page's own where it
  stands among the short lines over the article's text (before its first sentence), even when
  the layout wrote one too (the same byline twice is no text);
- a byline is written only where the page's byline field holds a name: a template's label
  before it is not written ("Un documentaire de Kristen Falchon" → "Par Kristen Falchon"), and a
  field that holds the label alone ("Article by") or no name at all (a template's placeholder,
  "User", "No Author"; a control's label, "Follow"; a theme's vendor, "Catch Themes") gives no
  byline line (`byline_name`);
- a bare personal name as the article's last line ("Stefan Wasmer") is its writer signing the
  piece: the story's byline, not a paragraph, as a newsroom reads a signature (and as the first
  corpus and the seed treat "H. Mustafa"); the line stays in the text as the page had it
  (`is_signature`; a closing label set like a name, "Related Stories", is text);
- a credit line (“Reporting by …”) ends the story but is not a paragraph (as in the tuning
  corpus); so does a page's own copyright or source line kept as a paragraph ("© Thomson
  Reuters 2020", "Source: CDC, Chicago Department of Public Health", "Quelle: kathpress"):
  it is moved to the story's end with the credits (`is_credit_line`).
Nothing is written that the articles do not say, except those labels and the separators.

Deterministic (seeded per bulletin) and offline. Tune on independent-tuning only; read
independent-heldout's figure, never its files.
"""
import argparse
import hashlib
import os
import re

from bulletin_corpus import lay_out, load, wrap, write_split

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, '..', 'Tests', 'ParseCorpus', 'independent')

BYLINE_WORD = {'en': 'By', 'de': 'Von', 'fr': 'Par', 'es': 'Por', 'pt': 'Por', 'it': 'Di', 'cs': 'Autor:'}
UPDATED = {
    'en': ('Updated {d} {month} {y}', 'Published {d} {month} {y}'),
    'de': ('Aktualisiert am {dd}.{mm}.{y}', 'Veröffentlicht am {dd}.{mm}.{y}'),
    'fr': ('Mis à jour le {dd}/{mm}/{y}', 'Publié le {dd}/{mm}/{y}'),
    'es': ('Actualizado el {dd}/{mm}/{y}', 'Publicado el {dd}/{mm}/{y}'),
    'pt': ('Atualizado em {dd}/{mm}/{y}', 'Publicado em {dd}/{mm}/{y}'),
    'pl': ('Aktualizacja: {dd}.{mm}.{y}', 'Publikacja: {dd}.{mm}.{y}'),
}
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
          'November', 'December']
RULES = ['###', '-ENDS-', '+++', '________', '* * *', '-- -- --', '=====', '~~~', '— — —']
MARKERS = ['- ', '• ', '* ', 'numbered', 'numbered-paren']
LATIN = re.compile(r'[A-Za-zÀ-ž]')
WRITTEN_BY = re.compile(r'Written by:? (?=\S)')
# A word of a personal name: capitalised letters, maybe hyphenated or with an apostrophe
# ("Archer-Bradshaw", "O'Sullivan"), or an initial ("H.").
NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þa-zß-öø-ÿ]+)*|\.)")
# Words of the labels pages close an article with, set like a name ("Related Stories").
CLOSING_LABEL_WORDS = {'related', 'stories', 'more', 'news', 'tags', 'topics', 'share', 'links', 'weitere',
                       'artikel', 'themen', 'mehr', 'temas', 'relacionados', 'noticias', 'articles', 'voir', 'aussi'}
# A template's label before the author's name in a byline field: a noun for the piece, and the
# language's "by" ("Article by", "Beitrag von", "Un documentaire de", "Artículo de").
LABEL_BEFORE_NAME = re.compile(
    r'^(?:(?:an?|un|une|ein|eine|el|la|le|um|uma)\s+)?'
    r'(?:article|artikel|beitrag|documentaire|reportage|artículo|articolo|artigo|story|post)\s+'
    r'(?:by|von|de|par|por|di)\b:?\s*'
    # or the word "author" itself ("Autor Jd", "Auteur Anna Kubišta").
    r'|^(?:author|autor|auteur|autore)\b:?\s+', re.IGNORECASE)
# Words that never name a writer but fill byline fields all the same: a template's placeholder
# where the writer was left blank ("User", "Name", "No Author"), a page control's label read as
# the author ("Follow", "So Artikel Empfehlen", "… Api Message"), a theme's vendor ("Catch
# Themes", WordPress's credit) and a page's label ("Medellín Hora De Publicación Del Artículo").
NOT_A_NAME_WORDS = {'user', 'name', 'author', 'admin', 'follow', 'message', 'share', 'empfehlen', 'teilen',
                    'themes', 'publicación'}
# A date's month the field swallowed after the name ("CBS News February", the day and year cut off).
TRAILING_MONTH = re.compile(r'\s+(?:' + '|'.join(MONTHS) + r')$')


def held_out(article):
    """Half of the publishers, fixed by a salted hash of the site (not of the article, so that
    one site's page template never shows in both halves)."""
    return hashlib.sha1(('independent-split:' + article['site']).encode()).digest()[0] < 0x80


def is_credit_line(text):
    """A copyright or source notice standing as a paragraph: a credit, not text. Short, and a
    source line names sources (capitalised names between commas), it holds no sentence."""
    if len(text.encode()) <= 200 and re.match(r'(©|\(c\) |Copyright )', text, re.IGNORECASE):
        return True
    match = re.match(r'(Sources?|Quellen?|Fuentes?): *(.+)$', text)
    if not match or len(text.encode()) > 100:
        return False
    names = [name.strip() for name in match.group(2).split(',')]
    return all(0 < len(name.encode()) <= 40 and name[0].isupper() for name in names)


class Layout:
    """How one desk writes its file, the same for every story in it."""

    def __init__(self, rng, desk):
        self.paragraphs = rng.choice(['blank', 'blank', 'wrapped-blank', 'lines', 'indented'])
        if desk == 'broadcast':
            self.paragraphs = rng.choice(['blank', 'lines', 'wrapped-blank'])
        self.width = rng.choice([66, 70, 72, 78])
        self.indent = rng.choice([2, 4])
        paragraph_gap = 1 if self.paragraphs in ('blank', 'wrapped-blank') else 0
        self.separator = rng.choice(['wider-gap', 'wider-gap', 'rule', 'gap'])
        if self.separator == 'wider-gap':
            self.story_gap = paragraph_gap + rng.choice([1, 2])
        elif self.separator == 'gap':
            self.story_gap = max(paragraph_gap, 1)
        else:
            self.story_gap = 1
        self.rule = rng.choice(RULES)
        self.headline_gap = rng.choice([0, 1]) if paragraph_gap == 0 else rng.choice([0, 1, 1])
        self.headline_case = 'upper' if desk == 'broadcast' and rng.random() < 0.6 else 'source'
        self.standfirst = rng.random() < (0.2 if desk == 'broadcast' else 0.6)
        self.byline = rng.random() < (0.2 if desk == 'broadcast' else 0.6)
        self.time_line = rng.choice(['none', 'none', 'updated', 'published'])
        self.marker = rng.choice(MARKERS)
        self.table_indent = rng.choice([0, 2, 4])
        self.crosshead_case = 'upper' if desk == 'broadcast' and rng.random() < 0.5 else 'source'

    def describe(self):
        return dict(vars(self))


def date_line(article, layout):
    match = re.match(r'(\d{4})-(\d{2})-(\d{2})', article.get('date') or '')
    lang = article['lang']
    if layout.time_line == 'none' or not match or lang not in UPDATED:
        return None
    y, mm, dd = match.groups()
    pattern = UPDATED[lang][0 if layout.time_line == 'updated' else 1]
    return pattern.format(y=y, mm=mm, dd=dd, d=int(dd), month=MONTHS[int(mm) - 1])


def list_rows(text, layout):
    rows = text.split('\n')
    if layout.marker == 'numbered':
        return [f'{n}. {row}' for n, row in enumerate(rows, 1)]
    if layout.marker == 'numbered-paren':
        return [f'{n}) {row}' for n, row in enumerate(rows, 1)]
    return [layout.marker + row for row in rows]


def is_byline_line(text, lang):
    """A short line opening with the language's byline word ("Por Agencia EFE", "By Nada
    Tawfik, BBC News, New York") or, in English, "Written by:" ("Written by: Julie Mollins"),
    not a sentence."""
    word = BYLINE_WORD.get(lang)
    if len(text) > 60 or text.rstrip().endswith('.'):
        return False
    return (bool(word) and text.startswith(word + ' ')) or (lang == 'en' and WRITTEN_BY.match(text) is not None)


def is_signature(text):
    """A bare personal name ("Stefan Wasmer"): two or three words, each a capitalised word or
    an initial, nothing else. Standing as an article's last line it is the writer signing the
    piece — a newsroom reads it as the byline, not as a paragraph of text (the first corpus and
    the seed sign "H. Mustafa" so). A page's closing label ("Related Stories") is no name."""
    words = text.split()
    if not 2 <= len(words) <= 3 or len(text) > 40:
        return False
    if any(word.lower().strip('.') in CLOSING_LABEL_WORDS for word in words):
        return False
    return all(NAME_WORD.fullmatch(word) for word in words)


def opening_lines(blocks):
    """How many of the article's first blocks stand over its text: short prose lines ("Courtesy
    of Forests News", "Investment", "April 26, 2022"), up to the first one that ends a sentence
    or runs past 60 characters."""
    count = 0
    for block in blocks:
        text = block['text'].rstrip()
        if block['kind'] != 'prose' or len(text) > 60 or text.endswith(('.', '!', '?', ':')):
            break
        count += 1
    return count


def without_byline_word(byline, lang):
    """The name alone: a page's byline field that already holds the word ("Par Attac France")
    is not written "Par Par Attac France"."""
    word = BYLINE_WORD.get(lang)
    if word and byline.startswith(word + ' '):
        return byline[len(word) + 1:]
    return byline


def byline_name(byline, lang):
    """The name a page's byline field holds, or None when it holds none. Some pages fill the
    field with the label their template sets before the name ("Un documentaire de Kristen
    Falchon", "Artikel von hausinfo") or with the label alone ("Article by", the name left in
    the page's text): a desk writes the name after its own byline word ("Par Kristen
    Falchon"), and no byline line where there is no name — "By Article by" is no byline, nor
    are "By User", "By No Author" or "By Catch Themes" (`NOT_A_NAME_WORDS`)."""
    name = LABEL_BEFORE_NAME.sub('', without_byline_word(byline, lang), count=1).strip()
    name = TRAILING_MONTH.sub('', name)
    if any(word.lower() in NOT_A_NAME_WORDS for word in re.split(r'[\s;]+', name)):
        return None
    return name if LATIN.search(name) or not LATIN.search(byline) else None


def render_story(article, layout):
    """The story's lines (no trailing gap) and its truth."""
    headline = article['headline']
    if layout.headline_case == 'upper' and LATIN.search(headline):
        headline = headline.upper()
    lines = [headline] + [''] * layout.headline_gap
    paragraph_gap = 1 if layout.paragraphs in ('blank', 'wrapped-blank') else 0
    paragraphs = []
    kinds = []
    first = True

    def add(block_lines, truth_text, kind):
        nonlocal first
        if not first:
            lines.extend([''] * paragraph_gap)
        first = False
        lines.extend(block_lines)
        if truth_text is not None:
            paragraphs.append(truth_text)
            kinds.append(kind)

    if layout.standfirst and article.get('standfirst'):
        add(wrap(article['standfirst'], layout, True), article['standfirst'], 'standfirst')
    byline = None
    name = byline_name(article['byline'], article['lang']) if article.get('byline') else None
    if layout.byline and name and article['lang'] in BYLINE_WORD:
        byline = name
        add([f"{BYLINE_WORD[article['lang']]} {byline}"], None, 'byline')
    stamp = date_line(article, layout)
    if stamp:
        add([stamp], stamp, 'time')
    credits = []
    opening = opening_lines(article['blocks'])
    # The last block that is not a credit (credits are moved to the story's end anyway).
    last_text = max((position for position, block in enumerate(article['blocks'])
                     if block['kind'] != 'credit' and not is_credit_line(block['text'])), default=-1)
    for position, block in enumerate(article['blocks']):
        kind, text = block['kind'], block['text']
        # A page that sets its byline among the short lines over its text ("Por Agencia EFE";
        # "Investment / April 26, 2022 / Written by: Charnele Henry"): by the rule above it is
        # the story's byline, not a paragraph; where the layout wrote one already, the page's
        # own is the same byline said twice, and no paragraph either.
        if position < max(opening, 1) and kind == 'prose' and is_byline_line(text, article['lang']):
            if byline is None:
                byline = without_byline_word(WRITTEN_BY.sub('', text, count=1), article['lang'])
            add([text], None, 'byline')
            continue
        # A bare name closing the article is its writer's signature: the byline, not text.
        if position == last_text and kind == 'prose' and is_signature(text):
            byline = byline or text
            add(wrap(text, layout, True), None, 'signature')  # laid out as the paragraph it was
            continue
        if kind == 'credit' or (kind == 'prose' and is_credit_line(text)):
            credits.append(text)
            continue
        if kind == 'list':
            rows = list_rows(text, layout)
            add(rows, '\n'.join(rows), 'list')
        elif kind == 'table':
            rows = [' ' * layout.table_indent + row for row in text.split('\n')]
            add(rows, text, 'table')
        elif kind == 'crosshead':
            shown = text.upper() if layout.crosshead_case == 'upper' and LATIN.search(text) else text
            add([shown], shown, 'crosshead')
        else:  # prose, caption
            add(wrap(text, layout, True), text, kind)
    for credit in credits:
        add([credit], None, 'credit')
    # `kinds` says what each paragraph is (standfirst, time, prose, crosshead, list, table,
    # caption), for reading failures; the scorer compares headline and paragraphs only.
    return lines, {'headline': headline, 'paragraphs': paragraphs, 'kinds': kinds, 'byline': byline,
                   'credits': credits, 'lang': article['lang']}


def build_bulletin(pools, rng):
    desk = rng.choice(['web', 'web', 'language', 'language', 'broadcast', 'world'])
    count = rng.randint(3, 7)
    if desk == 'language':
        languages = sorted(lang for lang, articles in pools['by_lang'].items() if len(articles) >= 8)
        lang = rng.choice(languages)
        chosen = rng.sample(pools['by_lang'][lang], min(count, len(pools['by_lang'][lang])))
    elif desk == 'world':
        # Scripts without letter case next to Latin ones, as a world desk's file has them.
        chosen = rng.sample(pools['caseless'], min(2, len(pools['caseless']))) + rng.sample(pools['all'], count - 2)
        rng.shuffle(chosen)
    else:
        chosen = rng.sample(pools['all'], count)
    layout = Layout(rng, desk)
    text, truth = lay_out(chosen, layout, rng, lambda article: render_story(article, layout))
    return text, {'kind': desk, 'layout': layout.describe(), 'sources': [a['id'] for a in chosen], 'stories': truth}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('out')
    parser.add_argument('--count', type=int, default=200)
    args = parser.parse_args()
    every = []
    for name in sorted(os.listdir(SOURCES)):
        if name.endswith('.jsonl'):
            every += load(SOURCES, name)
    for half, seed in (('tuning', 'independent'), ('heldout', 'independent-heldout')):
        articles = [a for a in every if held_out(a) == (half == 'heldout')]
        write_half(os.path.join(args.out, 'independent-' + half), articles, seed, args.count)
    stale = os.path.join(args.out, 'independent')  # the undivided split of earlier versions
    if os.path.isdir(stale):
        for name in os.listdir(stale):
            os.remove(os.path.join(stale, name))
        os.rmdir(stale)


def write_half(folder, every, seed, count):
    by_lang = {}
    for article in every:
        by_lang.setdefault(article['lang'], []).append(article)
    pools = {
        'all': every,
        'by_lang': by_lang,
        'caseless': [a for a in every if not LATIN.search(a['headline'])],
    }
    write_split(folder, count, seed, lambda rng: build_bulletin(pools, rng))


if __name__ == '__main__':
    main()
