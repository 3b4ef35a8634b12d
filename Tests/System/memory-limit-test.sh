#!/usr/bin/env bash
# memory-limit-test.sh BULLETIND_BINARY
#
# Issue #14: a file that takes the daemon over its memory limit (the unit's MemoryMax=) was
# read again after every restart, forever, and the inbox never moved on. Here the kernel does
# the killing, as under the unit: the daemon runs in a memory cgroup of its own limited to
# 80 MiB (cgroup v2 memory.max, or v1 memory.limit_in_bytes), and a loop restarts it after each
# death, as Restart=on-failure does. A 12 MB file of 450,000 distinct tiny stories takes the
# daemon some 140 MiB above its start (the parse, about 6 times the file at most, then the index
# of its stories, 200-300 bytes each), so it dies while committing. (A 5 MB file of 190,000 took
# it some 100 MiB over before issue #14's parse work; since, it fits in 80 MiB.) Expected: three OOM kills while reading it, then the next start
# moves the file to failed/ unread with the reason; a bulletin dropped after it is
# ingested; none of the file's lines is in the store; SIGTERM then ends the daemon with 0.
#
# (The nspawn container of service-test.sh cannot show this: on a host with cgroup v1 the
# container's systemd gets no memory controller, and MemoryMax= is not enforced there.)
# Needs root and a memory cgroup controller; exits 77 (skipped) without them.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=Tests/System/lib/common.sh
source "$here/lib/common.sh"

[ $# -eq 1 ] || { echo "usage: $0 BULLETIND_BINARY" >&2; exit 64; }
binary=$(readlink -f "$1")
[ -x "$binary" ] || { echo "$0: $1 is not an executable" >&2; exit 64; }
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (a memory cgroup)" >&2; exit 77; }

limit=$((80 * 1024 * 1024))
name="bulletind-memory-limit-$$"
if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers; then
    cgroup=/sys/fs/cgroup/$name
    mkdir "$cgroup" && echo "$limit" >"$cgroup/memory.max" || { echo "$0: cannot make a v2 memory cgroup" >&2; exit 77; }
    oom_kills() { awk '$1 == "oom_kill" {print $2}' "$cgroup/memory.events"; }
elif [ -d /sys/fs/cgroup/memory ]; then
    cgroup=/sys/fs/cgroup/memory/$name
    mkdir "$cgroup" && echo "$limit" >"$cgroup/memory.limit_in_bytes" || { echo "$0: cannot make a v1 memory cgroup" >&2; exit 77; }
    oom_kills() { awk '$1 == "oom_kill" {print $2}' "$cgroup/memory.oom_control"; }
else
    echo "$0: no memory cgroup controller" >&2
    exit 77
fi

work=$(mktemp -d /tmp/bulletind-memory-limit-test.XXXXXX)
pid=
cleanup() {
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rmdir "$cgroup" 2>/dev/null
    remove_work "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/inbox"
python3 -c '
import sys
with open(sys.argv[1], "w") as out:
    for n in range(450000): out.write(f"Flash {n}\n\nWord {n}.\n\n")' "$work/oom.txt"

# start: the daemon in the cgroup (the shell moves itself in, then becomes bulletind).
start() {
    (cd "$work" && exec env -u NOTIFY_SOCKET -u JOURNAL_STREAM BULLETIND_STORE_FSYNC=never \
        sh -c 'echo $$ >"$1/cgroup.procs" && exec "$2" run' sh "$cgroup" "$binary" 2>>"$work/stderr") &
    pid=$!
    starts=$((starts + 1))
}
starts=0
deaths=0
start
wait_until 30 grep -q "ready: watching" "$work/stderr" || not_ok "the daemon is ready within 30 s" "$(tail -5 "$work/stderr")"
cp "$work/oom.txt" "$work/staged" && mv "$work/staged" "$work/inbox/oom.txt"
# Restart=on-failure, RestartSec=1s: until the file is set aside (or ten deaths).
# A file ingested whole (the limit was never reached) ends the wait too: the test then fails.
while [ ! -f "$work/.bulletind/failed/oom.txt.reason" ] && [ ! -f "$work/.bulletind/processed/oom.txt" ] &&
    [ $deaths -lt 10 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid"
        log "bulletind exited with status $? (start $starts)"
        deaths=$((deaths + 1))
        sleep 1
        start
    fi
    sleep 0.2
done

if [ "$deaths" -eq 3 ] && [ "$(oom_kills)" -eq 3 ]; then
    ok "the memory limit killed the daemon three times (the kernel's oom_kill count: $(oom_kills)), then the file was set aside"
else
    not_ok "the memory limit killed the daemon three times, then the file was set aside (deaths $deaths, oom_kill $(oom_kills))" \
        "$(grep -E 'claimed|rejected' "$work/stderr" | tail -5)"
fi
if grep -q "the daemon died while ingesting this file 3 times" "$work/.bulletind/failed/oom.txt.reason" 2>/dev/null &&
    grep -q "rejected oom.txt: the daemon died while ingesting this file 3 times" "$work/stderr"; then
    ok "failed/oom.txt.reason and the journal entry say why"
else
    not_ok "failed/oom.txt.reason and the journal entry say why" "$(tail -3 "$work/stderr")"
fi
for count in 1 2; do
    if grep -qF "oom.txt: still claimed at start; the daemon died while ingesting it (the last run's end is not known: no record from the unit's ExecStopPost=): $count of 3 deaths" "$work/stderr"; then
        ok "start $((count + 1)) said it found oom.txt still claimed ($count of 3)"
    else
        not_ok "start $((count + 1)) said it found oom.txt still claimed ($count of 3)"
    fi
done
stored() { grep -c "\"file\":\"$1\"" "$work/stories.jsonl" 2>/dev/null; }
cp "$(repo_root)/seeds/000_60ecd2c4a9cd0293.txt" "$work/staged" && mv "$work/staged" "$work/inbox/good.txt"
good_stored() { [ "$(stored good.txt)" = 14 ]; }
if wait_until 30 good_stored; then
    ok "a bulletin dropped after it is ingested (14 stories)"
else
    not_ok "a bulletin dropped after it is ingested (14 stories; $(stored good.txt) lines)"
fi
if [ "$(stored oom.txt)" = 0 ]; then ok "no line of the set-aside file is in the store"; else not_ok "no line of the set-aside file is in the store ($(stored oom.txt))"; fi
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
if [ $status -eq 0 ]; then ok "SIGTERM ends the daemon with 0"; else not_ok "SIGTERM ends the daemon with 0 ($status)"; fi
summary
