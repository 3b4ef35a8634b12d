#!/usr/bin/env python3
"""Extracts the committed source text of the parse corpus (Tests/ParseCorpus/sources/*.jsonl)
from local copies of public datasets. Run once by hand; the corpus generator needs only its
output, never this script or the network. Each output line is one article as its source
structured it:

    {"id": "...", "lang": "en", "headline": "...", "dateline": "...",
     "blocks": [{"kind": "prose"|"table"|"crosshead"|"list", "text": "..."}]}

Usage: extract-sources.py --reuters DIR --bbc DIR --saudinewsnet ZIP... --superdesk DIR OUT_DIR
(DIR: folders holding the datasets' files, see Tests/ParseCorpus/SOURCES.md.)
"""
import argparse
import glob
import hashlib
import html
import json
import os
import re
import zipfile
import xml.etree.ElementTree as ET

# --- Reuters-21578 -------------------------------------------------------------------------

ROW_END = re.compile(r'[.!?:;"\')]$')


def reuters_paragraphs(body):
    """Source paragraphs: a line indented by spaces starts a new one (the 1987 wire's layout)."""
    paragraphs = []
    for line in body.split('\n'):
        if not line.strip():
            continue
        if line.startswith(' ') or not paragraphs:
            paragraphs.append([line.strip()])
        else:
            paragraphs[-1].append(line.strip())
    return paragraphs


def is_row(lines):
    """A figure-table row: one short line that does not end a sentence ("Shr 34 cts vs 1.19 dlrs")."""
    if len(lines) != 1:
        return False
    line = lines[0]
    return len(line) <= 80 and not ROW_END.search(line)


def reuters_blocks(paragraphs):
    blocks = []
    index = 0
    while index < len(paragraphs):
        run = index
        while run < len(paragraphs) and is_row(paragraphs[run]):
            run += 1
        if run - index >= 2:
            blocks.append({'kind': 'table', 'text': '\n'.join(p[0] for p in paragraphs[index:run])})
            index = run
            continue
        blocks.append({'kind': 'prose', 'text': ' '.join(paragraphs[index])})
        index += 1
    return blocks


def extract_reuters(folder):
    articles = []
    for path in sorted(glob.glob(os.path.join(folder, 'reut2-0*.sgm'))):
        if not re.search(r'reut2-0\d\d\.sgm$', path):
            continue
        text = open(path, encoding='latin-1').read()
        for match in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', text, re.S):
            newid, item = match.groups()
            title = re.search(r'<TITLE>(.*?)</TITLE>', item, re.S)
            body = re.search(r'<BODY>(.*?)</BODY>', item, re.S)
            dateline = re.search(r'<DATELINE>(.*?)</DATELINE>', item, re.S)
            if not (title and body and dateline):
                continue
            body_text = html.unescape(body.group(1))
            body_text = re.sub(r'\s*\n?\s*Reuter[.\s]*\n?\x03?\s*$', '', body_text.replace('&#3;', '\x03'), flags=re.I)
            body_text = body_text.replace('\x03', '').rstrip()
            if 'blah blah' in body_text.lower() or len(body_text) < 40 or len(body_text) > 2500:
                continue
            paragraphs = reuters_paragraphs(body_text)
            if not paragraphs:
                continue
            place = ' '.join(html.unescape(dateline.group(1)).split())
            blocks = reuters_blocks(paragraphs)
            # A body that opens with a table keeps its dateline on a line of its own.
            if blocks[0]['kind'] == 'table':
                blocks.insert(0, {'kind': 'dateline', 'text': place})
            else:
                blocks[0]['text'] = place + ' ' + blocks[0]['text']
            headline = ' '.join(html.unescape(title.group(1)).split())
            articles.append({'id': f'reuters21578-{newid}', 'lang': 'en', 'headline': headline,
                             'blocks': blocks, 'signoff': 'Reuter'})
    return articles

# --- BBC News 2004-2005 --------------------------------------------------------------------


def extract_bbc(folder):
    articles = []
    for path in sorted(glob.glob(os.path.join(folder, '*', '*.txt'))):
        text = open(path, encoding='utf-8', errors='replace').read().replace('\r\n', '\n')
        parts = [p.strip() for p in re.split(r'\n\s*\n', text) if p.strip()]
        if len(parts) < 3:
            continue
        headline, paragraphs = parts[0], parts[1:]
        if '\n' in headline or len(text) > 3500:
            continue
        blocks = [{'kind': 'prose', 'text': ' '.join(p.split())} for p in paragraphs]
        section = os.path.basename(os.path.dirname(path))
        name = os.path.splitext(os.path.basename(path))[0]
        articles.append({'id': f'bbc-{section}-{name}', 'lang': 'en', 'headline': headline, 'blocks': blocks})
    return articles

# --- SaudiNewsNet (Arabic) -----------------------------------------------------------------


def extract_saudinewsnet(zips):
    articles = []
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.endswith('.json'):
                    continue
                for item in json.loads(archive.read(name)):
                    paragraphs = [' '.join(p.split()) for p in item['content'].split('\n') if p.strip()]
                    title = ' '.join(item['title'].split())
                    if len(paragraphs) < 2 or not title or len(item['content']) > 3000:
                        continue
                    key = hashlib.sha1(item['url'].encode()).hexdigest()[:12]
                    articles.append({'id': f'saudinewsnet-{item["source"]}-{key}', 'lang': 'ar',
                                     'headline': title,
                                     'blocks': [{'kind': 'prose', 'text': p} for p in paragraphs]})
    return articles

# --- Agency fixtures of superdesk-core (NITF, NewsML-G2, ninjs) -----------------------------


def html_blocks(fragment):
    """<p> paragraphs, <h2>-<h4>/<hl2> crossheads and <li> list items of an HTML or NITF body."""
    blocks = []
    # Each block runs from its opening tag to the next block tag (some sources nest <h3> in <p>).
    pieces = re.findall(r'<(p|h[2-4]|hl2|li)\b[^>]*>(.*?)(?=</?(?:p|h[2-4]|hl2|li|ul|ol)\b|$)', fragment, re.S)
    for tag, inner in pieces:
        text = ' '.join(html.unescape(re.sub(r'<[^>]+>', ' ', inner)).split())
        # A paragraph that is bold throughout is a crosshead in most editors' HTML.
        if tag == 'p' and re.fullmatch(r'\s*<(strong|b)>[^<]*</\1>\s*', inner):
            tag = 'h3'
        # A heading above the first paragraph is the standfirst, not a crosshead.
        if tag.startswith('h') and not blocks:
            tag = 'p'
        text = re.sub(r' ([,.;:])', r'\1', text)
        if not text:
            continue
        kind = {'p': 'prose', 'li': 'list'}.get(tag, 'crosshead')
        if kind == 'list' and blocks and blocks[-1]['kind'] == 'list':
            blocks[-1]['text'] += '\n- ' + text
        elif kind == 'list':
            blocks.append({'kind': 'list', 'text': '- ' + text})
        else:
            blocks.append({'kind': kind, 'text': text})
    return blocks


SUPERDESK = [
    # (file, language, how the headline is found, where the body is)
    ('nitf-ntb.xml', 'nb', r'<hl1>(.*?)</hl1>', r'<body.content>(.*?)</body.content>'),
    ('stt_newsml_no_truncated_text_test.xml', 'fi', r'<headline>(.*?)</headline>', r'<inlineXML[^>]*>(.*?)</inlineXML>'),
    ('ap-nitf.xml', 'en', r'<hl1[^>]*>(.*?)</hl1>', r'<body.content>(.*?)</body.content>'),
    ('afp.xml', 'en', r'<HeadLine>(.*?)</HeadLine>', r'<body.content>(.*?)</body.content>'),
    ('dpa.xml', 'en', r'<headline>(.*?)</headline>', r'<inlineXML[^>]*>(.*?)<h3'),
    ('nitf-fishing.xml', 'en', r'<hl1[^>]*>(.*?)</hl1>', r'<body.content>(.*?)</body.content>'),
    ('stt_newsml_note_test.xml', 'fi', r'<headline>(.*?)</headline>', r'<inlineXML[^>]*>(.*?)</inlineXML>'),
]


def extract_superdesk(folder):
    articles = []
    for name, lang, headline_pattern, body_pattern in SUPERDESK:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            continue
        raw = open(path, 'rb').read()
        encoding = 'iso-8859-1' if b'ISO-8859-1' in raw[:100] else 'utf-8'
        text = raw.decode(encoding, errors='replace')
        headline = re.search(headline_pattern, text, re.S)
        body = re.search(body_pattern, text, re.S)
        if not (headline and body):
            continue
        blocks = [b for b in html_blocks(body.group(1)) if not b['text'].startswith(('Embed', '[', 'BILDE'))]
        if len(blocks) < 2:
            continue
        title = ' '.join(html.unescape(re.sub(r'<[^>]+>', '', headline.group(1))).split())
        articles.append({'id': f'superdesk-{os.path.splitext(name)[0]}', 'lang': lang, 'headline': title,
                         'blocks': blocks})
    return articles


def write(articles, path):
    with open(path, 'w', encoding='utf-8') as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + '\n')
    print(f'{path}: {len(articles)} articles, {os.path.getsize(path)} bytes')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--reuters')
    parser.add_argument('--bbc')
    parser.add_argument('--saudinewsnet', nargs='*', default=[])
    parser.add_argument('--superdesk')
    parser.add_argument('--reuters-limit', type=int, default=1400)
    parser.add_argument('--bbc-limit', type=int, default=500)
    parser.add_argument('--arabic-limit', type=int, default=200)
    parser.add_argument('out')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    def sample(articles, limit):
        # Deterministic: the articles whose id hashes lowest.
        return sorted(articles, key=lambda a: hashlib.sha1(a['id'].encode()).hexdigest())[:limit]

    if args.reuters:
        write(sample(extract_reuters(args.reuters), args.reuters_limit), os.path.join(args.out, 'reuters21578.jsonl'))
    if args.bbc:
        write(sample(extract_bbc(args.bbc), args.bbc_limit), os.path.join(args.out, 'bbc2004.jsonl'))
    if args.saudinewsnet:
        write(sample(extract_saudinewsnet(args.saudinewsnet), args.arabic_limit),
              os.path.join(args.out, 'saudinewsnet.jsonl'))
    if args.superdesk:
        write(extract_superdesk(args.superdesk), os.path.join(args.out, 'agency-fixtures.jsonl'))


if __name__ == '__main__':
    main()
