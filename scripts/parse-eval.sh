#!/usr/bin/env bash
# What `make parse-eval` runs: builds the parse corpus from the committed real articles
# (Tests/ParseCorpus/sources, see SOURCES.md) into .build/parse-eval/, then scores the
# release-build parser on its tuning and held-out parts, and on the independent split built
# from other sources (Tests/ParseCorpus/independent, scripts/make-independent-corpus.py) in
# two halves by publisher: tuning, and held-out (only scored). Extra arguments go to ParseEval:
# --failures lists the files not cut exactly; --causes counts each split's mistakes by cause (a
# held-out split's as counts alone); --show heldout/0007 shows one file's stories.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/parse-eval
python3 scripts/make-parse-corpus.py "$out" >/dev/null
python3 scripts/make-independent-corpus.py "$out" >/dev/null
swift build -c release --static-swift-stdlib --product ParseEval
"$(swift build -c release --static-swift-stdlib --show-bin-path)/ParseEval" "$out" "$@"
