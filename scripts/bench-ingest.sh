#!/usr/bin/env bash
# bench-ingest.sh [STORIES]  (make bench-ingest)
#
# Back-fill benchmark of `bulletind ingest`, release build, default durability (fsync after
# every bulletin):
#   1. generates an archive of STORIES stories (default 100000) in YYYY/MM/DD-N.txt files,
#   2. ingests it end to end with the real binary, without a reachable journal, and then (as
#      root, where unshare works) again with a private systemd-journald taking every entry,
#      printing MB/s and stories/s for each,
#   3. times the real pipeline's two halves, loading and committing, in one thread
#      (Benchmarks/IngestBenchmark: LoadedFile.load and IngestPipeline.commit), and
#   4. with BENCH_PERF=1, records the first run with perf and prints the hottest symbols.
# Work files go to BENCH_DIR (default .build-bench); the archive is kept between runs.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/bench-archive.sh"
bytes=$(find "$archive" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
files=$(find "$archive" -name '*.txt' | wc -l)
echo "archive: $files files, $((bytes / 1000000)) MB, $stories stories ($(nproc) cores, $(uname -r))"

# ingest LABEL [WRAPPER...]: one cold back-fill into a fresh store; prints the figures, and the
# CPU seconds bulletind used (user + system; over the wall time, the cores it kept busy).
ingest() {
    local label=$1
    shift
    rm -rf "$work/run" && mkdir -p "$work/run"
    local timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%U %S' -o "$work/run/cpu")
    local start end
    start=$(date +%s.%N)
    "$@" env -u JOURNAL_STREAM "${timer[@]}" "$bin" ingest --no-progress --recursive \
        --store "$work/run/stories.jsonl" --state-dir "$work/run/state" "$archive" >"$work/run/summary" 2>"$work/run/stderr"
    end=$(date +%s.%N)
    local lines cpu=""
    lines=$(wc -l <"$work/run/stories.jsonl")
    [ -s "$work/run/cpu" ] && cpu=$(awk -v s="$start" -v e="$end" '{ printf "cpu %5.2f s (%.1f cores)", $1 + $2, ($1 + $2) / (e - s) }' "$work/run/cpu")
    awk -v label="$label" -v s="$start" -v e="$end" -v b="$bytes" -v l="$lines" -v cpu="$cpu" 'BEGIN {
        t = e - s; printf "%-34s %6.2f s  %6.1f MB/s  %8.0f stories/s  (%d lines)  %s\n", label, t, b / t / 1e6, l / t, l, cpu }'
}

echo
echo "end to end (bulletind ingest, default durability: store.fsync bulletin, which ingest group-commits):"
if [ "$(id -u)" = 0 ] && unshare --mount true 2>/dev/null; then
    # No journal: a private, empty /run/systemd/journal, so sd_journal_sendv finds no socket.
    ingest "no journal reachable" unshare --mount --propagation private -- \
        bash -c '[ ! -d /run/systemd/journal ] || mount -t tmpfs none /run/systemd/journal; exec "$@"' sh
    # shellcheck source=../Tests/System/lib/common.sh
    source "$top/Tests/System/lib/common.sh"
    # shellcheck source=../Tests/System/lib/journald.sh
    source "$top/Tests/System/lib/journald.sh"
    rm -rf "$work/journal-run" && mkdir -p "$work/journal-run"
    export JOURNALD_CPU_FILE=$work/journald-cpu
    rm -f "$JOURNALD_CPU_FILE"
    ingest "private journald, entry per story" journald_run_private "$work/journal-run"
    unset JOURNALD_CPU_FILE
    [ -s "$work/journald-cpu" ] && echo "    journald itself: cpu $(cat "$work/journald-cpu") s, on the same two cores"
else
    ingest "as this user (journal if reachable)"
fi
head -3 "$work/run/summary" | sed 's/^/    /'
# For comparison only: the same run without an fsync per bulletin, to show the CPU-bound rate.
ingest "fsync never (comparison only)" env BULLETIND_STORE_FSYNC=never

echo
"$bench" phases "$archive" "$(mkdir -p "$work/scratch" && rm -rf "$work/scratch"/* && echo "$work/scratch")"

if [ "${BENCH_PERF:-0}" = 1 ] && command -v perf >/dev/null; then
    echo
    echo "perf: hottest symbols of one ingest run"
    rm -rf "$work/run" && mkdir -p "$work/run"
    perf record -q -o "$work/perf.data" -g -- env -u JOURNAL_STREAM "$bin" ingest --no-progress -r \
        --store "$work/run/stories.jsonl" --state-dir "$work/run/state" "$archive" >/dev/null 2>&1
    perf report -i "$work/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -20
fi
