#!/usr/bin/env bash
# bench-export.sh [STORIES]  (make bench-export)
#
# Throughput of `bulletind export --format ninjs` from a warm store, release build:
#   1. the archive of bench-ingest (STORIES stories, default 100000; generated once and kept),
#      ingested once into a store kept in BENCH_DIR (default .build-bench),
#   2. the store read once so it sits in the page cache (a warm store),
#   3. five runs of `export` to /dev/null, then runs with --all, through a pipe, and with a
#      --since that passes over nine tenths of the store; each prints wall time, stories per
#      second (ninjs objects written over wall time), MB/s of store read, and the CPU seconds
#      bulletind used (user + system) with the objects per CPU second: on a shared machine the
#      wall time includes the minutes other processes had the cores, the CPU time does not.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/bench-archive.sh"
run=$work/export-$stories
store=$run/stories.jsonl
if [ ! -f "$run.complete" ]; then
    rm -rf "$run" && mkdir -p "$run"
    env -u JOURNAL_STREAM BULLETIND_STORE_FSYNC=never "$bin" ingest --no-progress --recursive \
        --store "$store" --state-dir "$run/state" "$archive" >/dev/null 2>"$run/ingest.stderr"
    touch "$run.complete"
fi
cat "$store" >/dev/null
bytes=$(stat -c %s "$store")
lines=$(wc -l <"$store")
story_lines=$(grep -c '"kind":"story"' "$store")
echo "store: $lines lines ($story_lines stories, $((lines - story_lines)) duplicates), $((bytes / 1000000)) MB, warm ($(nproc) cores, $(uname -r), load average $(cut -d' ' -f1 /proc/loadavg))"
echo

# export LABEL ARGS...: one timed run; output to $run/out (a file, /dev/null or a pipe's count).
measure() {
    local label=$1 sink=$2
    shift 2
    local timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%U %S' -o "$run/cpu")
    local start end written
    start=$(date +%s.%N)
    if [ "$sink" = pipe ]; then
        written=$("${timer[@]}" "$bin" export --store "$store" "$@" | wc -l)
    else
        "${timer[@]}" "$bin" export --store "$store" "$@" >"$sink"
        written=$([ "$sink" = /dev/null ] && echo "" || wc -l <"$sink")
    fi
    end=$(date +%s.%N)
    [ -n "$written" ] || written=$(awk -v s="$story_lines" -v all="$*" 'BEGIN { print (all ~ /--all/) ? "'"$lines"'" : s }')
    local cpu=""
    [ -s "$run/cpu" ] && cpu=$(awk -v n="$written" '{ c = $1 + $2; printf "cpu %5.2f s (%.0f stories per cpu second)", c, (c > 0 ? n / c : 0) }' "$run/cpu")
    awk -v label="$label" -v s="$start" -v e="$end" -v b="$bytes" -v n="$written" -v cpu="$cpu" 'BEGIN {
        t = e - s; printf "%-40s %6.3f s  %9.0f stories/s  %6.1f MB/s of store  (%d objects)  %s\n", label, t, n / t, b / t / 1e6, n, cpu }'
}

echo "bulletind export --format ninjs:"
for _ in 1 2 3 4 5; do measure "stories, to /dev/null" /dev/null; done
for _ in 1 2 3; do measure "stories and duplicates (--all), /dev/null" /dev/null --all; done
measure "stories, through a pipe (| wc -l)" pipe
measure "stories, to a file" "$run/out.jsonl"
since=$(sed -n "$((lines * 9 / 10))p" "$store" | grep -o '"received_at":"[^"]*"' | cut -d'"' -f4)
measure "--since the last tenth (through a pipe)" pipe --since "$since"
rm -f "$run/out.jsonl"
