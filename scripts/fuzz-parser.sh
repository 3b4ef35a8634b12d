#!/usr/bin/env bash
# Builds the BulletinCore decoder (with its C shim over ICU, uchardet and CLD2), wire framing
# and parser with libFuzzer and AddressSanitizer and runs them, seeded with the fixture corpus
# and the wire fixtures.
#
#   scripts/fuzz-parser.sh [RUNS] [MAX_SECONDS] [MAX_LEN]
#       defaults: 1000000 runs, 1800 s, inputs of at most 4096 bytes
#
# Bulletins are short and every rule of the parser shows in a few kilobytes; longer
# inputs only slow the run (the benchmark covers size). MAX_LEN raises the limit.
#
# Extra libFuzzer flags may follow in FUZZ_FLAGS. Findings land in .build-fuzz/artifacts/.
set -euo pipefail

cd "$(dirname "$0")/.."
runs="${1:-1000000}"
max_seconds="${2:-1800}"
max_len="${3:-4096}"
out=.build-fuzz
swiftc_bin="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"

mkdir -p "$out/corpus" "$out/artifacts"
# The fixtures seed the corpus, wire items included (each file under its folder's name, as
# tune/ and heldout/ share names); what libFuzzer adds is kept between runs.
cp -f Tests/BulletinCoreTests/Fixtures/bulletins/* "$out/corpus/"
for part in tune heldout constructed; do
    for file in Tests/BulletinCoreTests/Fixtures/wire/$part/*.txt; do cp -f "$file" "$out/corpus/wire-$part-$(basename "$file")"; done
done
rm -f "$out"/corpus/*.expected.json

# Compile a snapshot, so that editing the sources during a long build is harmless.
rm -rf "$out/src" && mkdir -p "$out/src"
cp Sources/BulletinCore/Decoding/*.swift Sources/BulletinCore/Parsing/*.swift Sources/BulletinCore/Language/*.swift \
    Fuzz/ParserFuzz.swift "$out/src/"
[ -d Sources/BulletinCore/Framing ] && cp Sources/BulletinCore/Framing/*.swift "$out/src/"
# The C shim over ICU, uchardet and CLD2 that decoding and language identification call.
mkdir -p "$out/shim"
cat >"$out/shim/module.modulemap" <<MAP
module CTextDetection {
    header "$PWD/Sources/CTextDetection/include/text_detection.h"
    export *
}
MAP
clang -c -O1 -g -fsanitize=fuzzer-no-link,address -ISources/CTextDetection/include \
    Sources/CTextDetection/charsets.c -o "$out/shim/charsets.o"
clang++ -c -O1 -g -fsanitize=fuzzer-no-link,address -ISources/CTextDetection/include \
    Sources/CTextDetection/languages.cpp -o "$out/shim/languages.o"

echo "building $out/parser-fuzz" >&2
# ld.gold warns about every ASan helper symbol it cannot export; those lines are noise.
"$swiftc_bin" -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name BulletinCoreFuzz -package-name bulletind -swift-version 6 -warnings-as-errors \
    -Xcc -fmodule-map-file="$out/shim/module.modulemap" "$out"/src/*.swift "$out"/shim/*.o \
    -licui18n -licuuc -luchardet -lcld2 -lstdc++ -o "$out/parser-fuzz" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2
test "${PIPESTATUS[0]}" -eq 0

echo "fuzzing: $runs runs, at most $max_seconds s" >&2
# detect_leaks: LeakSanitizer is part of ASan on Linux; say so explicitly.
ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" "$out/parser-fuzz" \
    -runs="$runs" -max_total_time="$max_seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 ${FUZZ_FLAGS:-} \
    "$out/corpus" 2>&1 | tee "$out/last-run.log"
exit "${PIPESTATUS[0]}"
