#!/usr/bin/env bash
# What `make dedup-eval` runs: generate the labeled corpus into .build/dedup-eval/ and run the
# DedupEval benchmark over it in release mode. Extra arguments go to DedupEval
# (e.g. --sweep, --resemblance 0.7, --explain SEQ).
set -euo pipefail
. "$(dirname "$0")/lib/release-eval.sh"
out=.build/dedup-eval
mkdir -p "$out"
python3 scripts/make-dedup-corpus.py "$out/corpus.jsonl"
run_release DedupEval "$out/corpus.jsonl" "$@"
