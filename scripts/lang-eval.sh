#!/usr/bin/env bash
# What `make lang-eval` runs: build the multilingual corpus into .build/lang-eval/ from
# Tests/LangCorpus/source and score the release build's reading of it (LangEval). Extra
# arguments go to LangEval (e.g. --show ru: the Russian mistakes).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/lang-eval
rm -rf "$out"
python3 scripts/make-lang-corpus.py "$out"
swift build -c release --static-swift-stdlib --product LangEval
"$(swift build -c release --static-swift-stdlib --show-bin-path)/LangEval" "$out" "$@"
