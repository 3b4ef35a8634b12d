#!/usr/bin/env python3
"""Extracts the articles of the independent parse corpus (Tests/ParseCorpus/independent/)
from local copies of the public test sets listed in Tests/ParseCorpus/independent/SOURCES.md.
Run once by hand; the generator needs only the JSONL files this writes.

    extract-independent.py --trafilatura DIR --readability DIR --newspaper DIR OUT_DIR

DIR are checkouts of adbar/trafilatura (tests/eval, tests/cache, tests/evaldata.json),
mozilla/readability (test/test-pages) and AndyTheFactory/newspaper4k (tests/data).
The web pages of the trafilatura test set are read with the `trafilatura` package (PyPI),
which keeps a page's structure: paragraphs, subheadings (crossheads), lists and tables.
The readability pages are already reduced to the article (expected.html); the newspaper4k
articles are plain text with their metadata.

Each article is one JSON line: id, lang, site, url, headline, standfirst (the page's own
description, when it is not the first paragraph), byline, date, and blocks — each
{"kind": prose|crosshead|list|table|caption|credit, "text": ...}, in the page's order, as the
page gives them. Nothing is written that the page does not say.
"""
import argparse
import hashlib
import html as htmllib
import json
import os
import re
import sys

CREDIT = re.compile(r'^\(?(?:Additional |Editing |Writing )?(?:reporting|Reporting|Writing|Editing|Compiled|Graphics) by\b')
SPACE = re.compile(r'\s+')
QUOTA = {'de': 150, 'en': 90, '*': 60}
CHROME = re.compile(r'^(?:Reklama|Anzeige|Werbung|Advertisement|Publicidad|Publicité|Pubblicità|ANZEIGE)$')


def clean(text):
    return SPACE.sub(' ', htmllib.unescape(text or '')).strip()


def headline_without_site(title, site, host):
    """'Headline | Site' → 'Headline' when the tail names the site or is a date
    ('… | DW | 19.01.2020')."""
    title = clean(title)
    for sep in (' | ', ' - ', ' – ', ' — ', ' :: ', '_'):
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            tail_key = re.sub(r'\W', '', tail.lower())
            names = [re.sub(r'\W', '', (site or '').lower()), re.sub(r'\W', '', (host or '').lower().replace('www.', ''))]
            names_site = tail_key and any(n and (tail_key in n or n in tail_key) for n in names)
            is_date = re.fullmatch(r'[\d./-]{6,10}', tail.strip())
            if (names_site or is_date) and len(head) > 15:
                return headline_without_site(head, site, host)
    return title


def similar(a, b):
    """The same sentence, whatever the dashes, quotes and dateline: the first 50 letters of
    one appear in the first 400 of the other."""
    a, b = (re.sub(r'\W', '', x.lower()) for x in (a, b))
    return bool(a and b) and (a[:50] in b[:400] or b[:50] in a[:400])


# Sites in the test set that are not news or press pages at all (forums, code docs, reviews).
NOT_NEWS = re.compile(r'reddit|stackoverflow|wikipedia|docker|github|python\.org|pluralsight|trustpilot|'
                      r'chefkoch|baike\.baidu|enacademic')


def acceptable(article):
    if NOT_NEWS.search(article.get('site') or '') or NOT_NEWS.search(article.get('url') or ''):
        return False
    blocks = article['blocks']
    prose = [b for b in blocks if b['kind'] == 'prose']
    text = sum(len(b['text']) for b in blocks)
    if not article['headline'] or len(article['headline']) > 180 or len(article['headline']) < 8:
        return False
    if len(prose) < 3 or text < 500 or text > 14000:
        return False
    if any(len(b['text']) > 3500 for b in blocks):
        return False
    for block in blocks:
        if block['kind'] in ('table', 'list'):
            rows = block['text'].split('\n')
            if len(rows) > 15 or any(len(r) > 110 or not r.strip() for r in rows):
                return False
    # Two blocks of the same text would make the truth ambiguous.
    texts = [b['text'] for b in blocks]
    return len(set(texts)) == len(texts)


# Function words that mark a language; for pages that do not say theirs.
MARKS = {
    'de': ' der die und das nicht mit ist auch ',
    'en': ' the and of to is that with was for ',
    'es': ' el la los las que del por con una ',
    'fr': ' le les des est une dans pour qui pas ',
    'pl': ' się nie jest na że do jak przez ',
    'pt': ' não uma os as que do da em com ',
    'it': ' il della che non per una sono gli ',
}


def guess_language(article):
    text = ' ' + ' '.join(b['text'] for b in article['blocks']).lower() + ' '
    if re.search(r'[\u4e00-\u9fff]', text):
        return 'zh'
    words = re.findall(r'\w+', text)
    scores = {lang: sum(words.count(w) for w in marks.split()) for lang, marks in MARKS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 10 else 'und'


def finish(article):
    """Drops a first block that repeats the headline, marks trailing credit lines, and keeps
    the standfirst only when it is not already the first paragraph."""
    # Page furniture the extractor kept is not the article: ad-slot labels and cookie notices.
    blocks = [b for b in article['blocks'] if b['text'] and not CHROME.match(b['text'])
              and not (len(b['text']) < 160 and re.search(r'\bcookies?\b', b['text'], re.I))]
    headline = article['headline'].lower()
    # A first block that repeats the headline (or is the kicker run into it) is the page's
    # title again, not the article's text.
    # Page chrome above a repeated title (section names, kickers) goes with it.
    for index, block in enumerate(blocks[:6]):
        text = clean(block['text']).lower()
        if text == headline or (block['kind'] == 'crosshead' and headline[-25:] in text):
            blocks = blocks[index + 1:]
            break
    byline = article.get('byline') or ''
    if (not byline or len(byline.split()) > 6 or re.search(r'\d|@|http|posts|\bview\b', byline, re.I)
            or byline.lower() in headline):
        article['byline'] = None
    for block in blocks[-2:]:
        if block['kind'] == 'prose' and CREDIT.match(block['text']) and len(block['text']) < 200:
            block['kind'] = 'credit'
    article['blocks'] = blocks
    # Pages that do not say their language, or say a wrong one (a Spanish article on a page
    # marked lang="en"), get the language their function words show.
    guess = guess_language(article)
    if article['lang'] == 'und' or (article['lang'] in MARKS and guess != 'und'):
        article['lang'] = guess if guess != 'und' else article['lang']
    standfirst = article.get('standfirst') or ''
    first = next((b['text'] for b in blocks if b['kind'] == 'prose'), '')
    if (not standfirst or len(standfirst) < 40 or len(standfirst) > 400 or standfirst.endswith('…')
            or standfirst.endswith('...') or similar(standfirst, first)
            or any(similar(standfirst, b['text']) for b in blocks)):
        article['standfirst'] = None
    return article


# --- trafilatura's test pages -------------------------------------------------------------

def trafilatura_articles(root):
    import trafilatura
    from lxml import etree
    pages = json.load(open(os.path.join(root, 'tests', 'evaldata.json'), encoding='utf-8'))
    for url, entry in sorted(pages.items(), key=lambda item: item[1]['file']):
        path = None
        for folder in ('eval', 'cache'):
            candidate = os.path.join(root, 'tests', folder, entry['file'])
            if os.path.exists(candidate):
                path = candidate
        if path is None:
            continue
        raw = open(path, 'rb').read()
        lang = page_language(raw)
        xml = trafilatura.extract(raw, url=url, output_format='xml', with_metadata=True, include_tables=True,
                                  include_images=False, include_comments=False, include_links=False,
                                  include_formatting=False, deduplicate=False)
        if not xml:
            continue
        doc = etree.fromstring(xml.encode('utf-8'))
        main = doc.find('main')
        if main is None:
            continue
        blocks = []
        for element in main:
            blocks += trafilatura_blocks(element)
        article = {
            'id': 'traf:' + entry['file'],
            'lang': lang,
            'site': doc.get('hostname') or '',
            'url': url,
            'headline': headline_without_site(doc.get('title') or '', doc.get('sitename'), doc.get('hostname')),
            'standfirst': clean(doc.get('description')),
            'byline': clean(doc.get('author')) or None,
            'date': doc.get('date'),
            'blocks': blocks,
        }
        yield article


def element_text(element):
    # <lb/> inside a paragraph is a line break the page made inside one paragraph.
    return clean(' '.join(element.itertext()))


def trafilatura_blocks(element):
    tag = element.tag
    if tag == 'p':
        return [{'kind': 'prose', 'text': element_text(element)}]
    if tag == 'head':
        text = element_text(element)
        return [{'kind': 'crosshead' if len(text) <= 120 else 'prose', 'text': text}]
    if tag == 'quote':
        inner = [b for child in element for b in trafilatura_blocks(child)]
        return inner or [{'kind': 'prose', 'text': element_text(element)}]
    if tag == 'list':
        items = [element_text(item) for item in element.iter('item')]
        items = [item for item in items if item]
        return [{'kind': 'list', 'text': '\n'.join(items)}] if items else []
    if tag == 'table':
        rows = []
        for row in element.iter('row'):
            cells = [element_text(cell) for cell in row.iter('cell')]
            cells = [cell for cell in cells if cell]
            if cells:
                rows.append('  '.join(cells))
        return [{'kind': 'table', 'text': '\n'.join(rows)}] if rows else []
    text = element_text(element)
    return [{'kind': 'prose', 'text': text}] if text else []


def page_language(raw):
    head = raw[:20000].decode('utf-8', 'replace')
    match = re.search(r'<html[^>]*\blang=["\']?([A-Za-z]{2,3})', head, re.I) or \
        re.search(r'http-equiv=["\']content-language["\'][^>]*content=["\']([A-Za-z]{2,3})', head, re.I) or \
        re.search(r'property=["\']og:locale["\'][^>]*content=["\']([A-Za-z]{2,3})', head, re.I)
    return match.group(1).lower() if match else 'und'


# --- readability's test pages -------------------------------------------------------------

READABILITY_NEWS = [
    'aktualne', 'bbc-1', 'breitbart', 'buzzfeed-1', 'citylab-1', 'cnn', 'folha', 'gmw', 'guardian-1', 'heise',
    'herald-sun-1', 'la-nacion', 'lemonde-1', 'liberation-1', 'msn', 'nytimes-1', 'nytimes-2', 'nytimes-3',
    'nytimes-4', 'nytimes-5', 'qq', 'salon-1', 'seattletimes-1', 'telegraph', 'theverge', 'tmz-1', 'wapo-1',
    'wapo-2', 'yahoo-2', 'yahoo-3', 'yahoo-4', 'youth', 'engadget', 'ars-1', 'cnet', 'medicalnewstoday',
    'quanta-1', 'aclu', 'webmd-1', 'webmd-2', 'iab-1', 'lwn-1',
]
BLOCK_TAGS = {'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'figcaption', 'pre'}


def readability_articles(root):
    from lxml import html
    pages = os.path.join(root, 'test', 'test-pages')
    for name in READABILITY_NEWS:
        folder = os.path.join(pages, name)
        if not os.path.isdir(folder):
            continue
        meta = json.load(open(os.path.join(folder, 'expected-metadata.json'), encoding='utf-8'))
        tree = html.fromstring(open(os.path.join(folder, 'expected.html'), encoding='utf-8').read())
        blocks = []
        for element in tree.iter():
            if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS:
                continue
            if any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors()):
                continue
            blocks += readability_block(element)
        byline = clean(meta.get('byline'))
        byline = re.sub(r'^(?:By|Par|Por|Von)\s+', '', byline) if byline else None
        if byline and re.search(r'\d', byline):
            byline = None  # a time stamp in the byline slot, not a name
        yield {
            'id': 'readability:' + name,
            'lang': (meta.get('lang') or 'und').split('-')[0].lower(),
            'site': clean(meta.get('siteName')) or name,
            'url': None,
            'headline': headline_without_site(meta.get('title') or '', meta.get('siteName'), name.split('-')[0]),
            'standfirst': clean(meta.get('excerpt')),
            'byline': byline,
            'date': meta.get('publishedTime'),
            'blocks': blocks,
        }


def readability_block(element):
    tag = element.tag
    text = clean(element.text_content())
    if not text:
        return []
    if tag in ('ul', 'ol'):
        items = [clean(li.text_content()) for li in element.iter('li')]
        items = [item for item in items if item]
        return [{'kind': 'list', 'text': '\n'.join(items)}] if items else []
    if tag == 'table':
        rows = []
        for row in element.iter('tr'):
            cells = [clean(cell.text_content()) for cell in row if isinstance(cell.tag, str) and cell.tag in ('td', 'th')]
            cells = [cell for cell in cells if cell]
            if cells:
                rows.append('  '.join(cells))
        return [{'kind': 'table', 'text': '\n'.join(rows)}] if rows else []
    if tag.startswith('h'):
        return [{'kind': 'crosshead', 'text': text}]
    if tag == 'figcaption':
        return [{'kind': 'caption', 'text': text}]
    if tag == 'p':
        # A paragraph that is all bold and short is the page's subheading.
        bold = ' '.join(clean(s.text_content()) for s in element if isinstance(s.tag, str) and s.tag in ('strong', 'b'))
        if bold and clean(bold) == text and len(text) <= 80 and not text.endswith('.'):
            return [{'kind': 'crosshead', 'text': text}]
    return [{'kind': 'prose', 'text': text}]


# --- newspaper4k's test articles ----------------------------------------------------------

NEWSPAPER = ['arabic_article', 'chinese_article_001', 'chinese_article_002', 'spanish_article', 'cnn_001',
             'cnn_002', 'cnn_article', 'cleveland.com1', 'fox13now_001', 'time_001', 'wired_001', 'thai_article',
             'japanese_article', 'japanese_article2', 'article_with_divs']


def newspaper_articles(root):
    data = os.path.join(root, 'tests', 'data')
    for name in NEWSPAPER:
        meta_path = os.path.join(data, 'metadata', name + '.json')
        text_path = os.path.join(data, 'txt', name + '.txt')
        if not (os.path.exists(meta_path) and os.path.exists(text_path)):
            continue
        meta = json.load(open(meta_path, encoding='utf-8'))
        text = open(text_path, encoding='utf-8').read()
        blocks = [{'kind': 'prose', 'text': clean(part)} for part in re.split(r'\n\s*\n', text) if clean(part)]
        authors = meta.get('authors') or []
        yield {
            'id': 'newspaper4k:' + name,
            'lang': meta.get('language') or meta.get('meta_lang') or 'und',
            'site': re.sub(r'^https?://([^/]+).*', r'\1', meta.get('url') or ''),
            'url': meta.get('url'),
            'headline': clean(meta.get('title')),
            'standfirst': clean(meta.get('meta_description')),
            'byline': ', '.join(authors) if authors else None,
            'date': meta.get('publish_date'),
            'blocks': blocks,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--trafilatura', required=True)
    parser.add_argument('--readability', required=True)
    parser.add_argument('--newspaper', required=True)
    parser.add_argument('out')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, articles in (('webnews.jsonl', trafilatura_articles(args.trafilatura)),
                           ('readability.jsonl', readability_articles(args.readability)),
                           ('newspaper4k.jsonl', newspaper_articles(args.newspaper))):
        kept = [finish(article) for article in articles]
        kept = [article for article in kept if acceptable(article)]
        # The committed text stays small: at most QUOTA articles a language, chosen by a hash
        # of the id (deterministic, no preference for any site).
        by_hash = sorted(kept, key=lambda a: hashlib.sha1(('pick:' + a['id']).encode()).hexdigest())
        counts = {}
        chosen = []
        for article in by_hash:
            counts[article['lang']] = counts.get(article['lang'], 0) + 1
            if counts[article['lang']] <= QUOTA.get(article['lang'], QUOTA['*']):
                chosen.append(article)
        chosen.sort(key=lambda a: a['id'])
        with open(os.path.join(args.out, name), 'w', encoding='utf-8') as out:
            for article in chosen:
                out.write(json.dumps(article, ensure_ascii=False, sort_keys=True) + '\n')
        kept = len(chosen)
        print(f'{name}: {kept} articles', file=sys.stderr)


if __name__ == '__main__':
    main()
