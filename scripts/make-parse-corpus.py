#!/usr/bin/env python3
"""Builds the parse corpus: plain-text bulletins assembled from the real articles under
Tests/ParseCorpus/sources/, laid out the ways desks write them, each with its truth.

    make-parse-corpus.py OUT_DIR [--tuning 300] [--heldout 100]

Writes OUT_DIR/tuning/NNNN.txt and OUT_DIR/heldout/NNNN.txt, each with NNNN.truth.json:
{"layout": {...}, "stories": [{"headline": "...", "paragraphs": ["...", "row\\nrow"]}]}.
A paragraph with line breaks is a preformatted block (a figure table, a list).
Credit and sign-off lines ("Reuter", "(Reporting by ...)") belong to the story they end
but are not body paragraphs.

Deterministic (seeded per bulletin), needs nothing but the committed sources. A quarter of
the articles (by a hash of their id) is held out: held-out bulletins are built only from
them, tuning bulletins never use them.
"""
import argparse
import hashlib
import os
import re

from bulletin_corpus import lay_out, load, wrap, write_split

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, '..', 'Tests', 'ParseCorpus', 'sources')

# Real credit lines, from agency items in superdesk-core and superdesk-aap test fixtures
# (see Tests/ParseCorpus/SOURCES.md); attached to wire stories as desks attach them.
CREDITS = [
    'Reporting by Joseph Ax; Editing by Frank McGurty and Jeffrey Benkoe',
    'Reporting by Caroline Stauffer and Philip Pullella; Editing by Paul Simao',
    'Reporting by Andrew Galbraith\nEditing by Shri Navaratnam',
    'Reporting by Arpan Varghese in Bengaluru; Editing by Joseph Radford and Richard Pullin',
    'Reporting by Eileen Soreng in Bengaluru; Editing by Gopakumar Warrier',
    'Reporting by: Wolfgang Schmidt\nEditing by: Joseph Nasr',
    'Reporting by: Barry Whelan\nEditing by: John Bagratuni',
    'Reporting by: Albert Otti in Vienna, Christiane Oelrich in Geneva\nEditing by: Rachel More',
]

SEPARATORS = ['---', '-- -- --', '* * *', '***', '=====', '#####', '-0-', '-30-', 'ENDS', '________']


def held_out(article):
    # Salted: the sources were sampled by the unsalted hash of the same ids.
    return int(hashlib.sha1(('held-out:' + article['id']).encode()).hexdigest()[:2], 16) < 64  # a quarter


def title_case(headline):
    """Wire capitals as a desk restyles them: each word capitalized; tickers, initialisms with
    dots and words with digits kept as they are."""
    words = []
    for word in headline.split(' '):
        if word.startswith('<') or re.search(r'\d', word) or re.fullmatch(r'(?:[A-Z]\.)+[A-Z]?', word):
            words.append(word)
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return ' '.join(words)


def sentence_case(headline):
    lowered = headline.lower()
    return lowered[:1].upper() + lowered[1:]


class Layout:
    """How one desk writes its file: the same for every story in it."""

    def __init__(self, rng, has_caps_headlines):
        self.paragraphs = rng.choice(['blank', 'blank', 'wrapped-blank', 'indented', 'lines'])
        self.width = rng.choice([64, 69, 72, 76])
        self.indent = rng.choice([2, 3, 4, 5])
        paragraph_gap = 1 if self.paragraphs in ('blank', 'wrapped-blank') else 0
        self.separator = rng.choice(['gap', 'gap', 'wider-gap', 'rule'])
        if self.separator == 'gap':
            self.story_gap = max(paragraph_gap, 1)
        elif self.separator == 'wider-gap':
            self.story_gap = paragraph_gap + rng.choice([1, 2])
        else:
            self.story_gap = 1
        self.rule = rng.choice(SEPARATORS)
        self.headline_gap = rng.choice([0, 1]) if paragraph_gap == 0 else rng.choice([0, 1, 1])
        self.headline_case = rng.choice(['source', 'source', 'upper', 'title'] if has_caps_headlines
                                        else ['source', 'source', 'upper'])
        self.table_indent = rng.choice([0, 0, 2, 4])
        self.signoff = rng.choice(['none', 'reuter', 'credit', 'credit-parenthesized', 'mixed'])

    def describe(self):
        return {key: value for key, value in vars(self).items()}


def restyle_headline(article, layout):
    headline = article['headline']
    caps = headline.upper() == headline
    if layout.headline_case == 'upper':
        return headline.upper() if article['lang'] != 'ar' else headline
    if layout.headline_case == 'title' and caps:
        return title_case(headline)
    return headline


def render_story(article, layout, rng):
    """The story's lines (no trailing gap) and its truth."""
    headline = restyle_headline(article, layout)
    lines = [headline] + [''] * layout.headline_gap
    paragraphs = []
    paragraph_gap = 1 if layout.paragraphs in ('blank', 'wrapped-blank') else 0
    blocks = article['blocks']
    for index, block in enumerate(blocks):
        kind, text = block['kind'], block['text']
        if index > 0:
            previous = blocks[index - 1]['kind']
            # A table sits right under its dateline; otherwise the file's paragraph gap.
            tight = previous == 'dateline' and kind == 'table' and rng.random() < 0.7
            lines += [''] * (0 if tight else paragraph_gap)
        if kind in ('table', 'list'):
            rows = text.split('\n')
            lines += [' ' * layout.table_indent + row for row in rows]
        elif kind in ('crosshead', 'dateline'):
            lines.append(text)
        else:
            lines += wrap(text, layout)
        paragraphs.append(text)
    # Credits and sign-offs: wire stories only.
    if 'signoff' in article and layout.signoff != 'none':
        choice = layout.signoff if layout.signoff != 'mixed' else rng.choice(['reuter', 'credit', 'credit-parenthesized'])
        if choice == 'reuter':
            ending = [rng.choice(['Reuter', 'REUTER', 'Reuters'])]
        else:
            credit = rng.choice(CREDITS)
            credit_lines = credit.split('\n')
            if choice == 'credit-parenthesized':
                credit_lines[0] = '(' + credit_lines[0]
                credit_lines[-1] += ')'
            ending = ['\n'.join(credit_lines)]
            if rng.random() < 0.3:
                ending.append('Reuter')
        for line in ending:
            lines += [''] * paragraph_gap
            lines.append(line)
    return lines, {'headline': headline, 'paragraphs': paragraphs}


def build_bulletin(articles_by_kind, rng):
    kind = rng.choice(['wire', 'wire', 'broadcaster', 'mixed', 'arabic'])
    count = rng.randint(3, 10)
    if kind == 'wire':
        chosen = rng.sample(articles_by_kind['reuters'], count)
    elif kind == 'broadcaster':
        pool = articles_by_kind['bbc'] + articles_by_kind['agency']
        chosen = rng.sample(pool, min(count, 6))
    elif kind == 'arabic':
        chosen = rng.sample(articles_by_kind['arabic'], min(count, 6))
    else:
        pool = articles_by_kind['reuters'] + articles_by_kind['bbc'] + articles_by_kind['agency']
        chosen = rng.sample(pool, count)
    has_caps = any(a['headline'].upper() == a['headline'] for a in chosen)
    layout = Layout(rng, has_caps)
    text, truth = lay_out(chosen, layout, rng, lambda article: render_story(article, layout, rng))
    return text, {'kind': kind, 'layout': layout.describe(), 'sources': [a['id'] for a in chosen], 'stories': truth}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('out')
    parser.add_argument('--tuning', type=int, default=300)
    parser.add_argument('--heldout', type=int, default=100)
    args = parser.parse_args()
    every = {
        'reuters': load(SOURCES, 'reuters21578.jsonl'),
        'bbc': load(SOURCES, 'bbc2004.jsonl'),
        'arabic': load(SOURCES, 'saudinewsnet.jsonl'),
        'agency': load(SOURCES, 'agency-fixtures.jsonl'),
    }
    for split, count, keep in (('tuning', args.tuning, False), ('heldout', args.heldout, True)):
        pools = {kind: [a for a in articles if held_out(a) == keep] for kind, articles in every.items()}
        write_split(os.path.join(args.out, split), count, split, lambda rng: build_bulletin(pools, rng))

if __name__ == '__main__':
    main()
