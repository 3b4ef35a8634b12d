#!/usr/bin/env python3
"""Writes the four source files of the lang-eval corpus's "new" part (Tests/LangCorpus/source/
ancora-es.jsonl, boun-tr.jsonl, leipzig-ar.jsonl, tainan-zh.jsonl) from git snapshots of the
public repositories named in Tests/LangCorpus/SOURCES.md. Kept so the selection can be checked
and redone; the corpus build (make-lang-corpus.py) reads only the written files.

The selection is by position in each source (and by the form filters below), fixed before any
text was read: the first documents (sentences, releases) in file order, never chosen by what
they say. The corpus build holds out the last quarter of each language's stories.

usage: extract-new-sources.py ANCORA_TEST_CONLLU BOUN_DEV_CONLLU BOUN_TEST_CONLLU LINGUA_AR_TXT
                              TAINAN_BATCH OUT_DIR
(TAINAN_BATCH: `git cat-file --batch` output of the JSON releases of docs/data/2025/01-03,
in path order.)
"""
import json
import os
import re
import sys

DOCUMENTS = 110  # more than the 80 stories a language takes: some fail the corpus's filters
ANCORA_DOCUMENTS = 168  # all of the test file's: a short sentence to head the story is rarer there


def conllu_documents(path):
    """(newdoc id, [sentence text]) in file order."""
    docs = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("# newdoc id"):
            docs.append((line.split("=", 1)[1].strip(), []))
        elif line.startswith("# text =") and docs:
            docs[-1][1].append(line.split("=", 1)[1].strip())
    return docs


def conllu_sentences(path, prefix):
    """Texts of the sentences whose id starts with `prefix`, in file order."""
    out, sid = [], ""
    for line in open(path, encoding="utf-8"):
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text =") and sid.startswith(prefix):
            out.append(line.split("=", 1)[1].strip())
    return out


def closes_sentence(sentence):
    """Ends with a full stop, question or exclamation mark, or an ellipsis, also inside
    closing quotes (`… dedi.`, `"… gerekir."`)."""
    return sentence.rstrip("\"'”’»)").endswith((".", "!", "?", "…"))


def is_crosshead(paragraph):
    """A short line that closes no sentence inside a release: a crosshead ("自主防災成績亮眼，
    社區韌性全國領先"), which a bulletin's story does not carry; long unclosed lines are text."""
    return len(paragraph) <= 40 and not paragraph.endswith(("。", "！", "？", "」", "）", ".", "!", "?"))


def write(path, rows):
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    ancora, boun_dev, boun_test, lingua_ar, tainan, out = sys.argv[1:]
    # AnCora: whole news documents, their first six sentences (the lead and what follows it:
    # a bulletin carries the top of a long story).
    docs = [d for d in conllu_documents(ancora) if len(d[1]) >= 2][:ANCORA_DOCUMENTS]
    write(os.path.join(out, "ancora-es.jsonl"), [{"doc": d, "sentences": s[:6]} for d, s in docs])
    # BOUN: the news-genre sentences (ids "news_…"), each from its own newspaper text. Those that
    # close no sentence are mostly the papers' headlines ("Namağlup tek şampiyon: Beşiktaş"):
    # every other story is headed by the next of them with three sentences under it, the rest
    # are four sentences (the corpus heads them with the shortest). A sentence that opens in
    # lowercase is the treebank's cut inside one ("yılını kutluyor") and is left out. Real
    # sentences, not a real story: marked as such in SOURCES.md.
    sentences = conllu_sentences(boun_dev, "news_") + conllu_sentences(boun_test, "news_")
    sentences = [s for s in sentences if not s[:1].islower()]
    headlines = [s for s in sentences if not closes_sentence(s) and 15 <= len(s) <= 110]
    closing = [s for s in sentences if closes_sentence(s)]
    stories = []
    while len(stories) < DOCUMENTS:
        number = len(stories)
        if number % 2 == 0 and headlines and len(closing) >= 3:
            stories.append({"doc": f"b{number:04d}", "headline": headlines.pop(0), "paragraphs": closing[:3]})
            del closing[:3]
        elif len(closing) >= 4:
            stories.append({"doc": f"b{number:04d}", "sentences": closing[:4]})
            del closing[:4]
        else:
            break
    write(os.path.join(out, "boun-tr.jsonl"), stories)
    # Leipzig Arabic (lingua-py's test sentences): as the Ukrainian, Greek and Japanese sets,
    # 40–260 characters, ending in sentence punctuation, no URLs, three to a story.
    kept = [s.strip() for s in open(lingua_ar, encoding="utf-8")
            if 40 <= len(s.strip()) <= 260 and s.strip().endswith((".", "!", "?", "؟"))
            and not re.search(r"https?:|www\.|<", s)]
    write(os.path.join(out, "leipzig-ar.jsonl"), [
        {"doc": f"a{index // 3:04d}", "sentences": kept[index:index + 3]}
        for index in range(0, len(kept) - 2, 3)][:DOCUMENTS])
    # Tainan City Government press releases (the press office's, 新聞及國際關係處): the real
    # headline and the first four paragraphs, without the release's header lines (發稿單位
    # issuing office, 發稿日期/發稿時間 date and time, 發稿人/發稿人員 author) and crossheads.
    data, releases, at = open(tainan, "rb").read(), [], 0
    while at < len(data):
        end = data.index(b"\n", at)
        size = int(data[at:end].split()[2])
        item = json.loads(data[end + 1:end + 1 + size])
        at = end + 1 + size + 1
        if not item["department"].startswith("新聞及國際關係處"):
            continue
        paragraphs = [p.strip() for p in item["content"].split("\n") if p.strip()]
        paragraphs = [p for p in paragraphs if not p.startswith("發稿") and not is_crosshead(p)]
        if paragraphs:
            number = item["url"].rsplit("s=", 1)[-1]
            releases.append({"doc": f"t{number}", "published": item["published"],
                             "headline": item["title"].strip(), "paragraphs": paragraphs[:4]})
    write(os.path.join(out, "tainan-zh.jsonl"), releases[:DOCUMENTS])


if __name__ == "__main__":
    main()
