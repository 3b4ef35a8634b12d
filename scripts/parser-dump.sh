#!/usr/bin/env bash
# What the parser makes of every input we have, one file of output per input, to show that a
# change meant to be exact (speed, memory) changes no story or field:
#
#   scripts/parser-dump.sh PARSERBENCHMARK_BINARY OUTDIR
#   diff -rq OUTDIR_BEFORE OUTDIR_AFTER
#
# The inputs (about 1,300): the bulletin fixtures, the wire fixtures one item a file and joined
# by agency, both parse-eval corpora (tuning and held-out, as scripts/make-parse-corpus.py and
# scripts/make-independent-corpus.py build them) and the lang-eval corpus. Each is read as
# `ParserBenchmark --dump FILE` reads it: decoded, parsed, every story's fields printed.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
out=$2
inputs=$(mktemp -d)
trap 'rm -rf "$inputs"' EXIT

for file in Tests/BulletinCoreTests/Fixtures/bulletins/*; do
    case $file in *.json) ;; *) cp "$file" "$inputs/fx-$(basename "$file")" ;; esac
done
for part in tune heldout constructed; do
    for file in Tests/BulletinCoreTests/Fixtures/wire/$part/*.txt; do cp "$file" "$inputs/wire-$part-$(basename "$file")"; done
done
for agency in ap r87 dpa aap pr; do
    cat Tests/BulletinCoreTests/Fixtures/wire/{tune,heldout}/$agency-*.txt > "$inputs/joined-$agency.txt" 2>/dev/null || true
done
python3 scripts/make-parse-corpus.py "$inputs/pe" > /dev/null
python3 scripts/make-independent-corpus.py "$inputs/pe" > /dev/null
python3 scripts/make-lang-corpus.py "$inputs/lc" > /dev/null
for file in $(find "$inputs/pe" "$inputs/lc" -type f ! -name '*.json' | sort); do
    name=${file#"$inputs"/}
    mv "$file" "$inputs/$(echo "$name" | tr / -)"
done
rm -rf "$inputs/pe" "$inputs/lc"

mkdir -p "$out"
for file in "$inputs"/*; do "$binary" --dump "$file" > "$out/$(basename "$file").out" 2>&1 || true; done
echo "$(ls "$inputs" | wc -l) inputs dumped to $out"
