# Sourced by bench-ingest.sh and bench-export.sh: the release binaries and the back-fill archive
# both benchmarks read. Sets top, stories (the first argument, default 100000), work
# (BENCH_DIR, default .build-bench), bin, bench and archive; generates the archive once and
# keeps it between runs (NAME.complete marks a whole one).
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
stories=${1:-100000}
work=${BENCH_DIR:-$top/.build-bench}
bin=$top/.build/release/bulletind
bench=$top/.build/release/IngestBenchmark
[ -x "$bin" ] && [ -x "$bench" ] || { echo "$(basename "$0" .sh): build first: swift build -c release --static-swift-stdlib" >&2; exit 1; }

archive=$work/archive-$stories
if [ ! -f "$archive.complete" ]; then
    rm -rf "$archive"
    "$bench" generate "$archive" "$stories"
    touch "$archive.complete"
fi
