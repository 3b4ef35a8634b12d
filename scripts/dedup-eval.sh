#!/usr/bin/env bash
# What `make dedup-eval` runs: generate the labeled corpus into .build/dedup-eval/ and run the
# DedupEval benchmark over it in release mode. Extra arguments go to DedupEval
# (e.g. --sweep, --resemblance 0.7, --explain SEQ).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/dedup-eval
mkdir -p "$out"
python3 scripts/make-dedup-corpus.py "$out/corpus.jsonl"
swift build -c release --static-swift-stdlib --product DedupEval
"$(swift build -c release --static-swift-stdlib --show-bin-path)/DedupEval" "$out/corpus.jsonl" "$@"
