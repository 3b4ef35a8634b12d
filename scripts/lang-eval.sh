#!/usr/bin/env bash
# What `make lang-eval` runs: build the multilingual corpus into .build/lang-eval/ from
# Tests/LangCorpus/source and score the release build's reading of it (LangEval). Extra
# arguments go to LangEval (e.g. --show ru: the Russian mistakes).
set -euo pipefail
. "$(dirname "$0")/lib/release-eval.sh"
out=.build/lang-eval
rm -rf "$out"
python3 scripts/make-lang-corpus.py "$out"
run_release LangEval "$out" "$@"
