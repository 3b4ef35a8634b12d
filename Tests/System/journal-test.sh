#!/usr/bin/env bash
# journal-test.sh BULLETIND_BINARY
#
# Runs the real daemon against a real systemd-journald that is private to this test (its own
# mount namespace: a host journald, if any, is never touched), drops the seed bulletin into
# its inbox, waits for the stories, stops it with SIGTERM and checks what reached the journal
# (journalctl -D ... -o json) against what reached the store.
#
# Needs root (unshare --mount), systemd (journald, journalctl), python3.
# Environment: EXPECT_STORIES (default 14, the seed's story count), KEEP_WORKDIR=1 to keep
# the work folder (the journal stays readable with journalctl -D WORK/journal/*).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=Tests/System/lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=Tests/System/lib/journald.sh
source "$here/lib/journald.sh"

binary_argument "$@"
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (unshare --mount)" >&2; exit 77; }

journald_reexec_private "$0" "$@"

seed="$(repo_root)/seeds/000_60ecd2c4a9cd0293.txt"
expect_stories=${EXPECT_STORIES:-14}
started_ms=$(now_ms)
work=$(mktemp -d /tmp/bulletind-journal-test.XXXXXX)
d="$work/d"
mkdir -p "$d/tmp" "$d/inbox" "$d/processed" "$d/failed"
daemon_pid=""
listener_pid=""

cleanup() {
    [ -n "$daemon_pid" ] && kill -KILL "$daemon_pid" 2>/dev/null
    [ -n "$listener_pid" ] && kill -TERM "$listener_pid" 2>/dev/null
    journald_stop
    remove_work "$work" "journalctl -D $work/journal/* -o json"
}
trap cleanup EXIT

[ -r "$seed" ] || { not_ok "seed bulletin present at $seed"; summary; exit 1; }

if journald_start "$work"; then
    ok "private journald started ($(journald_dir))"
else
    not_ok "private journald started"
    summary
    exit 1
fi

# Our own NOTIFY_SOCKET, to see READY=1 and STOPPING=1 as systemd would.
python3 "$here/lib/notify-listener.py" "$work/notify.sock" "$work/notify.log" &
listener_pid=$!
wait_until 10 test -e "$work/notify.log" || not_ok "notify listener started"

story_lines() {
    [ -e "$d/stories.jsonl" ] || { echo 0; return; }
    grep -c '"kind" *: *"story"' "$d/stories.jsonl"
}
has_entry() {
    journald_json "MESSAGE_ID=$1" 2>/dev/null | grep -q .
}
stories_at_least() {
    [ "$(story_lines)" -ge "$1" ]
}
notified() {
    grep -qx "$1" "$work/notify.log"
}

# The binary runs directly in this namespace (no wrapper), so _PID of its entries is its PID.
NOTIFY_SOCKET="$work/notify.sock" "$binary" run --inbox "$d/inbox" --store "$d/stories.jsonl" \
    --state-dir "$d/state" </dev/null >"$work/daemon.log" 2>&1 &
daemon_pid=$!

if wait_until 30 notified READY=1; then
    ok "daemon sent READY=1 to NOTIFY_SOCKET"
else
    not_ok "daemon sent READY=1 to NOTIFY_SOCKET within 30 s" "$(tail -n 20 "$work/daemon.log")"
fi
if wait_until 10 has_entry 5d03b8b80d0842ee8fc06c30e2549564; then
    ok "ready entry (MESSAGE_ID=5d03b8b8...) in the journal"
else
    not_ok "ready entry (MESSAGE_ID=5d03b8b8...) in the journal within 10 s"
fi

# The safe drop: write beside the inbox on the same file system, then rename in (IN_MOVED_TO).
seed_name=$(basename "$seed")
cp "$seed" "$d/tmp/$seed_name" && mv "$d/tmp/$seed_name" "$d/inbox/$seed_name"

if wait_until 60 stories_at_least "$expect_stories"; then
    ok "store has $expect_stories story lines after the seed was dropped"
else
    not_ok "store has $expect_stories story lines within 60 s (has $(story_lines))" \
        "$(tail -n 20 "$work/daemon.log")"
fi

kill -TERM "$daemon_pid"
if ! wait_until 30 child_exited "$daemon_pid"; then
    not_ok "daemon exits within 30 s of SIGTERM"
    kill -KILL "$daemon_pid"
fi
wait "$daemon_pid"
rc=$?
main_pid=$daemon_pid
daemon_pid=""
if [ "$rc" -eq 0 ]; then
    ok "daemon exits 0 on SIGTERM"
else
    not_ok "daemon exits 0 on SIGTERM (exit status $rc)" "$(tail -n 20 "$work/daemon.log")"
fi
if wait_until 5 notified STOPPING=1; then
    ok "daemon sent STOPPING=1"
else
    not_ok "daemon sent STOPPING=1"
fi
kill -TERM "$listener_pid" 2>/dev/null
wait "$listener_pid" 2>/dev/null
listener_pid=""

journald_sync
journald_json >"$work/journal.json" 2>"$work/journalctl.err"
if [ -s "$work/journal.json" ]; then
    ok "journalctl -D $(journald_dir) -o json reads the journal"
else
    not_ok "journalctl -D $(journald_dir) -o json reads the journal" "$(cat "$work/journalctl.err")"
fi

# The field-by-field comparison of store and journal, one result line per check.
while IFS= read -r line; do
    case $line in
        "ok - "*) ok "${line#ok - }" ;;
        "not ok - "*) not_ok "${line#not ok - }" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < <(python3 "$here/lib/check-journal.py" \
    --store "$d/stories.jsonl" --journal "$work/journal.json" --seed "$seed" \
    --pid "$main_pid" \
    --catalog "$(repo_root)/systemd/bulletind.catalog" --expect-stories "$expect_stories" 2>&1)

# --- a back-fill: `bulletind ingest` sends its story entries from a thread of their own -------
# journald is stopped (SIGSTOP) for the run: its socket fills after a few entries, and the
# pipeline must still append every line (it does not wait on the journal). The rejected file,
# last, must wait for the story entries before it (the journal keeps the pipeline's order), and
# so must the exit. The journal then holds one entry per store line, in order: files in name
# order, a file's lines in store order, the rejected and the already-ingested file in their place.
mkdir -p "$work/backfill"
cp "$seed" "$work/backfill/a-seed.txt"
{ cat "$seed"; echo; } >"$work/backfill/b-resent.txt"  # other bytes, the same stories: duplicates
{ cat "$seed"; printf '\n\n\n'; } >"$work/backfill/c-again.txt"
printf '\n\n  \n' >"$work/backfill/x-not-a-bulletin.txt"
cp "$seed" "$work/backfill/y-same-bytes.txt"  # already ingested (as a-seed.txt)
backfill_lines() {
    [ -e "$work/backfill.jsonl" ] && [ "$(wc -l <"$work/backfill.jsonl")" -ge "$1" ]
}
kill -STOP "$JOURNALD_PID"
"$binary" ingest --no-progress --store "$work/backfill.jsonl" --state-dir "$work/backfill.state" \
    "$work/backfill" >"$work/backfill.out" 2>"$work/backfill.err" &
ingest_pid=$!
if wait_until 30 backfill_lines $((3 * expect_stories)) && sleep 0.5 && ! child_exited "$ingest_pid"; then
    ok "ingest with journald stopped: all $((3 * expect_stories)) lines stored, and it waits to send their entries"
else
    not_ok "ingest with journald stopped: all $((3 * expect_stories)) lines stored, and it waits to send their entries" \
        "lines: $(wc -l <"$work/backfill.jsonl" 2>/dev/null); exited: $(child_exited "$ingest_pid" && echo yes || echo no)"
fi
kill -CONT "$JOURNALD_PID"
wait "$ingest_pid"
rc=$?
if [ "$rc" -eq 0 ]; then
    ok "bulletind ingest of five files exits 0"
else
    not_ok "bulletind ingest of five files exits 0 (exit status $rc)" "$(tail -n 5 "$work/backfill.err")"
fi
journald_sync
journald_json _PID="$ingest_pid" >"$work/backfill.json" 2>>"$work/journalctl.err"
order=$(python3 - "$work/backfill.jsonl" "$work/backfill.json" "$work/backfill" <<'PY'
import json, os, sys
store, journal, folder = sys.argv[1:4]
NEW, DUP = "6b38d59c8f5c49479424abbd0f2a4dc3", "39a8f4ed76f74fa9b764c4606e68f87e"
REJECTED, ALREADY = "bfd277c9905e4fcf8bcc6562695d75c6", "3a767f9b79e7468797faa23551b5a97f"
lines = [json.loads(l) for l in open(store)]
expected = []
for name in sorted(os.listdir(folder)):
    mine = [l for l in lines if os.path.basename(l["bulletin"]["file"]) == name]
    if name.startswith("x-"):
        expected.append(("rejected", name))
    elif name.startswith("y-"):
        expected.append(("already ingested", name))
    else:
        expected += [("story" if l["kind"] == "story" else "duplicate", l["id"]) for l in mine]
names = {NEW: "story", DUP: "duplicate", REJECTED: "rejected", ALREADY: "already ingested"}
actual = []
for entry in map(json.loads, open(journal)):
    kind = names.get(entry.get("MESSAGE_ID"))
    if kind in ("story", "duplicate"):
        actual.append((kind, entry.get("STORY_ID")))
    elif kind:
        actual.append((kind, os.path.basename(entry.get("BULLETIN_FILE", ""))))
kinds = sorted(set(k for k, _ in expected))
print(f"{len(lines)} lines, {len(actual)} entries of {len(expected)} expected, kinds {kinds}")
first = next((i for i, (a, b) in enumerate(zip(actual, expected)) if a != b), None)
if actual == expected and len(kinds) == 4:
    print("ok")
else:
    print(f"first difference at {first}: {actual[first:first + 2] if first is not None else actual[len(expected):][:2]} vs {expected[first:first + 2] if first is not None else expected[len(actual):][:2]}")
PY
)
if [ "$(printf '%s\n' "$order" | tail -n 1)" = ok ]; then
    ok "ingest: one journal entry per store line and per rejected or skipped file, in order ($(printf '%s\n' "$order" | head -n 1))"
else
    not_ok "ingest: one journal entry per store line and per rejected or skipped file, in order" "$order"
fi

# --- the journal gone: started as if by systemd (JOURNAL_STREAM set), but no socket ----------
# libsystemd reports success when the socket is missing; the handler must notice and put
# the entries on stderr rather than lose them.
mkdir -p "$work/gone"
printf '\n\n  \n' >"$work/gone/not-a-bulletin.txt"
cp "$seed" "$work/gone/seed.txt"
unshare --mount --propagation private -- bash -c 'mount -t tmpfs none /run/systemd/journal && exec "$@"' gone \
    env JOURNAL_STREAM=8:1 "$binary" run --inbox "$work/gone" --store "$work/gone.jsonl" \
    --state-dir "$work/gone.state" >"$work/gone.out" 2>"$work/gone.err" &
gone_pid=$!
if wait_until 10 grep -q 'new story: ' "$work/gone.err" && wait_until 10 grep -q 'rejected not-a-bulletin.txt' "$work/gone.err"; then
    ok "with no journal socket, entries go to stderr (new stories and the rejected file)"
else
    not_ok "with no journal socket, entries go to stderr (new stories and the rejected file)" "$(tail -n 5 "$work/gone.err")"
fi
kill -TERM "$gone_pid" 2>/dev/null
wait "$gone_pid" 2>/dev/null

log "journal-test took $(($(now_ms) - started_ms)) ms"
summary
