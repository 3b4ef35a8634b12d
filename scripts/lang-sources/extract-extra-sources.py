#!/usr/bin/env python3
"""Writes the source file of the lang-eval corpus's "extra" part (Tests/LangCorpus/source/
president-zh.jsonl): Chinese news text of a new real source, added when every Chinese tuning
table was at 1.000 while the held-out Chinese missed its targets (headlines, copies, precision):
tuning said nothing to fix from. All of it is tuning; no held-out file is touched.

The Presidential Office of Taiwan's news releases (總統府新聞稿) of 2025, in id order, from the
archive of the office's website in the GitHub repository kiang/www.president.gov.tw (a git
snapshot fetched 2026-12-07, `news_json/2025/*.json`): each release's own title as the
headline and its first four paragraphs, without crossheads (the filter of the "new" part's
Tainan releases: a line of at most 40 characters closing no sentence, "總統致詞全文為："). The
selection is by position and by that form filter, fixed before any text was read, never by
what a text says. Terms: Tests/LangCorpus/SOURCES.md (official documents, Copyright Act Art. 9).

usage: extract-extra-sources.py PRESIDENT_GIT OUT_DIR   (the snapshot's git directory)
"""
import importlib.util
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("new_sources", os.path.join(HERE, "extract-new-sources.py"))
new_sources = importlib.util.module_from_spec(spec)
spec.loader.exec_module(new_sources)

PRESIDENT = ("7e5cb2f", "news_json/2025")
DOCUMENTS = 110


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    git, out = sys.argv[1:]
    commit, folder = PRESIDENT
    listing = subprocess.run(["git", "--git-dir", git, "ls-tree", "--name-only", f"{commit}:{folder}"],
                             check=True, capture_output=True, text=True).stdout.split()
    releases = []
    for name in sorted(listing, key=lambda n: int(n.split(".")[0])):
        item = json.loads(subprocess.run(["git", "--git-dir", git, "show", f"{commit}:{folder}/{name}"],
                                         check=True, capture_output=True).stdout)
        paragraphs = [p.strip() for p in item["content_paragraphs"] if p.strip()]
        paragraphs = [p for p in paragraphs if not new_sources.is_crosshead(p)]
        if paragraphs and item["title"].strip():
            releases.append({"doc": f"p{item['id']}", "published": item["date"],
                             "headline": item["title"].strip(), "paragraphs": paragraphs[:4]})
        if len(releases) >= DOCUMENTS:
            break
    new_sources.write(os.path.join(out, "president-zh.jsonl"), releases)


if __name__ == "__main__":
    main()
