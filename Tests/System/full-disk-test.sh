#!/usr/bin/env bash
# full-disk-test.sh BULLETIND_BINARY
#
# The store's file system fills up under the running daemon, then gets space again:
# - the store and the state folder live on a small tmpfs (STORE_FS_SIZE, default 200k); the
#   inbox, the staging folder and the processed/failed folders are on the normal disk;
# - bulletins (unique bytes, 1-6 stories each, some stories repeated across files) are dropped
#   the safe way (written in a staging folder on the inbox's file system, renamed in), one at a
#   time, until the daemon reports a store error (MESSAGE_ID e322ed9f3e4c4810b2ce67e25da9c5ea on
#   stderr: JOURNAL_STREAM is unset), then a few more;
# - while full: the daemon keeps running and retrying, the un-ingested bulletins stay in the
#   inbox, the store has no torn line and no bulletin cut short;
# - then the tmpfs is grown (mount -o remount,size=8M) and the daemon must resume by itself:
#   inbox empty, every story occurrence (sha256, index) of every dropped file in the store
#   exactly once, every id unique, every duplicate_of resolving, every file in the processed
#   folder, and `BINARY verify --store` (if the binary has it) exits 0;
# - phase 2: the disk fills up exactly between a bulletin's store append and its ledger append
#   (tiny bulletins until the ledger's next entry needs a new page, then a filler file), then a
#   bulletin of three new stories is refused until the filler goes; one more bulletin follows;
# - phase 3: after a clean restart, a copy of every dropped bulletin (same bytes, new name) must
#   be recognised as already ingested and add nothing to the store.
#
# Needs root (mount; it runs itself in a private mount namespace when unshare(1) is there, and
# unmounts in a trap either way), python3. One "ok - ..." / "not ok - ..." line per check, progress
# notes on stderr, a closing "N passed, M failed", non-zero exit on any failure.
# Environment: SEED (default time-based, printed), STORE_FS_SIZE (default 200k), KEEP_WORKDIR=1
# keeps the work folder (a failing run always keeps it).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=Tests/System/lib/common.sh
source "$here/lib/common.sh"

binary_argument "$@"
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (mount)" >&2; exit 77; }

# A private mount namespace: the tmpfs can never outlive the test, even if the trap cannot run.
if [ -z "${BULLETIND_FULL_DISK_PRIVATE:-}" ] && command -v unshare >/dev/null 2>&1 \
    && unshare --mount --propagation private true 2>/dev/null; then
    BULLETIND_FULL_DISK_PRIVATE=1 exec unshare --mount --propagation private bash "$0" "$@"
fi

store_error_id=e322ed9f3e4c4810b2ce67e25da9c5ea
seed=${SEED:-$(( $(now_ms) % 1000000007 ))}
fs_size=${STORE_FS_SIZE:-200k}
started_ms=$(now_ms)
work=$(mktemp -d /tmp/bulletind-full-disk-test.XXXXXX)
small="$work/small"          # the tmpfs: store and state
store="$small/stories.jsonl"
state="$small/state"
inbox="$work/inbox"
staging="$work/staging"      # same file system as the inbox: the rename in is atomic
processed="$work/processed"
failed="$work/failed"
manifest="$work/manifest"    # one "NAME SHA256 STORIES" line per prepared bulletin
dropped="$work/dropped"      # the names dropped so far, in order
stderr_log="$work/daemon.stderr"
mkdir -p "$small" "$inbox" "$staging" "$processed" "$failed"
: >"$dropped"
daemon_pid=""
mounted=""

cleanup() {
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill -KILL "$daemon_pid" 2>/dev/null
        wait "$daemon_pid" 2>/dev/null
    fi
    if [ -n "$mounted" ]; then
        umount "$small" 2>/dev/null || umount -l "$small" 2>/dev/null || log "could not unmount $small"
    fi
    remove_work "$work" "daemon log: $stderr_log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "seed $seed (SEED=$seed reproduces the bulletins); work folder $work"

if mount -t tmpfs -o "size=$fs_size,mode=0755" bulletind-full-disk-test "$small"; then
    mounted=1
    ok "a $fs_size tmpfs is mounted for the store and the state folder"
else
    not_ok "a $fs_size tmpfs is mounted for the store and the state folder"
    summary
    exit 1
fi

# --- the bulletins: a headline line (short, no final period), a blank line, paragraphs ending
# with a period. Each file has a story of its own (unique bytes); some stories repeat.
python3 - "$staging" "$manifest" "$seed" 150 <<'PY' || { not_ok "bulletins prepared"; summary; exit 1; }
import hashlib, os, random, sys
staging, manifest, seed, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
syllables = ["ka", "lo", "mer", "tin", "vos", "ral", "den", "pi", "su", "gor", "bel", "fa",
             "nix", "tor", "ul", "zen", "ca", "dra", "mo", "ste", "vi", "ha", "qua", "ri"]
vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})
serial = [0]
def story(tag=None):
    if tag is None:
        serial[0] += 1
        tag = "q%05d%s" % (serial[0], "".join(rng.choice("bcdfghjkmnpqrstvwxz") for _ in range(4)))
    headline = " ".join([rng.choice(vocabulary).capitalize() for _ in range(rng.randint(4, 8))] + [tag])
    paragraphs = []
    for _ in range(rng.randint(1, 3)):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 18))]
            sentences.append(" ".join([words[0].capitalize()] + words[1:]) + ".")
        paragraphs.append(" ".join(sentences))
    paragraphs[0] = "Dispatch %s reports that %s" % (tag, paragraphs[0][0].lower() + paragraphs[0][1:])
    return headline + "\n\n" + "\n\n".join(paragraphs)
shared = [story("shared%d" % n) for n in range(10)]
seen = set()
with open(manifest, "w") as out:
    for number in range(count):
        n = rng.randint(1, 6)
        stories = [story()]
        while len(stories) < n:
            stories.append(rng.choice(shared) if rng.random() < 0.3 else story())
        rng.shuffle(stories)
        data = ("\n\n".join(stories) + "\n").encode()
        sha = hashlib.sha256(data).hexdigest()
        assert sha not in seen
        seen.add(sha)
        name = "f%04d_%s.txt" % (number, sha[:8])
        with open(os.path.join(staging, name), "wb") as f:
            f.write(data)
        out.write("%s %s %d\n" % (name, sha, n))
# Phase 2: tiny bulletins (one short story: a store line of about 500 bytes) and one of three
# new stories of about 2 KB each, larger than any slack left in the store's last page.
def short_story(tag):
    words = [rng.choice(vocabulary) for _ in range(10)]
    return "%s %s\n\nDispatch %s says %s." % (" ".join(w.capitalize() for w in words[:5]), tag, tag, " ".join(words[5:]))
with open(manifest + ".p2", "w") as out:
    for number in range(401):
        if number < 400:
            name, n = "p2_tiny%03d.txt" % number, 1
            data = (short_story("p2t%03d%s" % (number, rng.choice(vocabulary))) + "\n").encode()
        else:
            name, n = "p2_large.txt", 3
            stories = []
            for k in range(3):
                text = story("p2large%d" % k)
                while len(text) < 2000:
                    text += "\n\n" + " ".join(rng.choice(vocabulary) for _ in range(15)).capitalize() + "."
                stories.append(text)
            data = ("\n\n".join(stories) + "\n").encode()
        sha = hashlib.sha256(data).hexdigest()
        assert sha not in seen
        seen.add(sha)
        with open(os.path.join(staging, name), "wb") as f:
            f.write(data)
        out.write("%s %s %d\n" % (name, sha, n))
PY
log "$(wc -l <"$manifest") bulletins prepared in $staging"

# --- helpers
store_errors() { grep -c "MESSAGE_ID=\"\{0,1\}$store_error_id" "$stderr_log" 2>/dev/null || true; }
in_inbox() { [ -e "$inbox/$1" ]; }
gone_or_store_error() { ! in_inbox "$1" || [ "$(store_errors)" -gt "$2" ]; }
store_errors_at_least() { [ "$(store_errors)" -ge "$1" ]; }
inbox_empty() { [ -z "$(find "$inbox" -maxdepth 2 -name '*.txt' -print -quit)" ]; }  # and its claim folder
daemon_running() { ! child_exited "$daemon_pid"; }

# check_store MODE: the store checks in python3, one "ok"/"not ok" line each (counted here).
#   full:  no torn line, JSON lines, bulletins complete, no occurrence twice, the inbox holds
#          exactly the dropped files with no line in the store, the others are processed;
#   other: no torn line, JSON lines, every occurrence of every dropped file exactly once,
#          ids unique, duplicate_of resolves, every file processed.
check_store() {
    local out status line
    out=$(python3 - "$1" "$store" "$manifest" "$dropped" "$inbox" "$processed" <<'PY'
import json, os, sys
mode, store, manifest, dropped_path, inbox, processed = sys.argv[1:7]
expected = {}
for line in open(manifest):
    name, sha, count = line.split()
    expected[name] = (sha, int(count))
dropped = [l.strip() for l in open(dropped_path) if l.strip()]
by_sha = {expected[n][0]: (n, expected[n][1]) for n in dropped}
def report(description, problems):
    if problems:
        print("not ok - " + description)
        for p in problems[:10]:
            print("#   " + str(p))
        if len(problems) > 10:
            print("#   ... %d in all" % len(problems))
    else:
        print("ok - " + description)
raw = open(store, "rb").read() if os.path.exists(store) else b""
report("%s: the store ends with a complete line (%d bytes)" % (mode, len(raw)),
       [] if raw == b"" or raw.endswith(b"\n") else ["last bytes: %r" % raw[-120:]])
lines = raw.split(b"\n")
if raw.endswith(b"\n"):
    lines = lines[:-1]
records, bad = [], []
for number, line in enumerate(lines, 1):
    try:
        record = json.loads(line.decode("utf-8"))
        assert isinstance(record, dict)
        records.append((number, record))
    except Exception as error:
        bad.append("line %d: %s: %r" % (number, error, line[:160]))
report("%s: every store line is a JSON object (%d lines)" % (mode, len(lines)), bad)
occurrences, strays = {}, []
for number, record in records:
    b = record.get("bulletin") or {}
    key = (b.get("sha256"), b.get("index"))
    occurrences.setdefault(key, []).append(number)
    known = by_sha.get(key[0])
    if known is None or not isinstance(key[1], int) or not 0 <= key[1] < known[1] or b.get("file") != known[0]:
        strays.append("line %d: %s" % (number, json.dumps(b)))
report("%s: no store line outside the dropped bulletins' occurrences" % mode, strays)
repeated = ["%s story %d: lines %s" % (by_sha.get(k[0], ("?",))[0], k[1], v) for k, v in occurrences.items() if len(v) > 1]
report("%s: no story occurrence is in the store twice" % mode, repeated)
in_store = {n for n in dropped if any((expected[n][0], i) in occurrences for i in range(expected[n][1]))}
if mode == "full":
    partial = ["%s: %d of %d stories" % (n, sum(1 for i in range(expected[n][1]) if (expected[n][0], i) in occurrences), expected[n][1])
               for n in sorted(in_store) if not all((expected[n][0], i) in occurrences for i in range(expected[n][1]))]
    report("full: no bulletin is in the store cut short", partial)
    # The one in hand when the disk filled is claimed: in the daemon's folder inside the inbox.
    claimed = os.path.join(inbox, ".bulletind-claimed")
    inbox_now = {n for n in os.listdir(inbox) if n.endswith(".txt")}
    inbox_now |= {n for n in (os.listdir(claimed) if os.path.isdir(claimed) else []) if n.endswith(".txt")}
    not_kept = sorted(n for n in dropped if n not in in_store and n not in inbox_now)
    report("full: every dropped bulletin not in the store is still in the inbox or claimed (%d)" % (len(dropped) - len(in_store)), not_kept)
    lingering = sorted(n for n in in_store if n in inbox_now or not os.path.exists(os.path.join(processed, n)))
    report("full: every bulletin in the store is in the processed folder (%d)" % len(in_store), lingering)
else:
    missing = ["%s (%s) story %d of %d" % (n, expected[n][0][:12], i, expected[n][1])
               for n in dropped for i in range(expected[n][1]) if (expected[n][0], i) not in occurrences]
    total = sum(expected[n][1] for n in dropped)
    report("%s: every story occurrence of every dropped file is in the store (%d expected)" % (mode, total), missing)
    ids = {}
    for number, record in records:
        ids.setdefault(record.get("id"), []).append(number)
    report("%s: every id is unique" % mode, ["id %s on lines %s" % (i, v) for i, v in ids.items() if len(v) > 1 or i is None])
    story_ids = {r.get("id") for _, r in records if r.get("kind") == "story"}
    report("%s: every duplicate_of names a story line's id" % mode,
           ["line %d (%s story %s): duplicate_of %s" % (n, r["bulletin"].get("file"), r["bulletin"].get("index"), r.get("duplicate_of"))
            for n, r in records if r.get("kind") == "duplicate" and r.get("duplicate_of") not in story_ids])
    report("%s: repeated stories were recorded as duplicates" % mode,
           [] if any(r.get("kind") == "duplicate" for _, r in records) else ["no duplicate line"])
    unprocessed = []
    for n in dropped:
        p = os.path.join(processed, n)
        if not os.path.exists(p):
            unprocessed.append("%s: not in the processed folder" % n)
    report("%s: every dropped file is in the processed folder (%d)" % (mode, len(dropped)), unprocessed)
PY
    )
    status=$?
    while IFS= read -r line; do
        case $line in
        "ok - "*) ok "${line#ok - }" ;;
        "not ok - "*) SYSTEM_TEST_FAILED=$((SYSTEM_TEST_FAILED + 1)); printf '%s\n' "$line" ;;
        *) printf '%s\n' "$line" ;;
        esac
    done <<<"$out"
    [ "$status" -eq 0 ] || not_ok "$1: the store checker ran" "exit status $status"
}

# --- the daemon
# start_daemon DESCRIPTION: starts it (its stderr appended to the log), waits for "ready".
start_daemon() {
    local readies
    readies=$(grep -c 'ready: watching' "$stderr_log" 2>/dev/null)
    env -u JOURNAL_STREAM -u NOTIFY_SOCKET -u WATCHDOG_USEC -u WATCHDOG_PID \
        BULLETIND_INBOX_PROCESSED="$processed" BULLETIND_INBOX_FAILED="$failed" \
        "$binary" run --inbox "$inbox" --store "$store" --state-dir "$state" </dev/null 2>>"$stderr_log" >&2 &
    daemon_pid=$!
    if wait_until 10 readies_above "${readies:-0}"; then
        ok "$1"
    else
        not_ok "$1" "$(tail -n 20 "$stderr_log")"
    fi
}
readies_above() { [ "$(grep -c 'ready: watching' "$stderr_log")" -gt "$1" ]; }

# stop_daemon: SIGTERM, bounded wait, exit status 0 expected.
stop_daemon() {
    local status
    if daemon_running; then
        kill -TERM "$daemon_pid"
        if wait_until 10 child_exited "$daemon_pid"; then
            wait "$daemon_pid"
            status=$?
            if [ "$status" -eq 0 ]; then ok "SIGTERM stops the daemon with exit 0"; else not_ok "SIGTERM stops the daemon with exit 0" "exit status $status"; fi
        else
            not_ok "SIGTERM stops the daemon with exit 0" "still running 10 s after SIGTERM"
            kill -KILL "$daemon_pid"
            wait "$daemon_pid"
        fi
    else
        wait "$daemon_pid"
        not_ok "the daemon was still running when it was to be stopped" "exit status $?" "$(tail -n 20 "$stderr_log")"
    fi
    daemon_pid=""
}

: >"$stderr_log"
start_daemon "the daemon started and is watching the inbox"

# --- fill the disk: one bulletin at a time, until a store error; then EXTRA_AFTER_FULL more.
extra_after_full=3
full_at=""
extra=0
while read -r name _sha _count; do
    errors_before=$(store_errors)
    mv "$staging/$name" "$inbox/$name"
    echo "$name" >>"$dropped"
    if [ -n "$full_at" ]; then
        extra=$((extra + 1))
        [ "$extra" -ge "$extra_after_full" ] && break
        continue
    fi
    if ! wait_until 10 gone_or_store_error "$name" "$errors_before"; then
        log "$name neither ingested nor refused within 10 s"
        break
    fi
    if [ "$(store_errors)" -gt "$errors_before" ]; then
        full_at=$name
        log "store error while ingesting $name, the $(wc -l <"$dropped")th bulletin; $(df -k --output=used,size "$small" | tail -n 1) KiB used"
    fi
done <"$manifest"
drops=$(wc -l <"$dropped")

if [ -n "$full_at" ]; then
    ok "the store's file system filled up ($drops bulletins dropped, the first refused: $full_at)"
else
    not_ok "the store's file system filled up" "$drops bulletins dropped, no store error in the log"
fi
if grep -q "MESSAGE_ID=\"\{0,1\}$store_error_id" "$stderr_log" \
    && grep "MESSAGE_ID=\"\{0,1\}$store_error_id" "$stderr_log" | grep -q ': error: '; then
    ok "the daemon logged an error with MESSAGE_ID $store_error_id"
    log "$(grep -m 1 "$store_error_id" "$stderr_log")"
else
    not_ok "the daemon logged an error with MESSAGE_ID $store_error_id" "$(tail -n 20 "$stderr_log")"
fi
# The retry back-off starts at 0.1 s and doubles: three more errors within 10 s show it retries.
errors_then=$(store_errors)
if wait_until 10 store_errors_at_least $((errors_then + 3)); then
    ok "the daemon keeps retrying while the disk is full ($(store_errors) store errors)"
else
    not_ok "the daemon keeps retrying while the disk is full" "$(store_errors) store errors"
fi
if daemon_running; then
    ok "the daemon keeps running while the disk is full"
else
    wait "$daemon_pid"
    not_ok "the daemon keeps running while the disk is full" "exit status $?" "$(tail -n 20 "$stderr_log")"
fi
check_store full

# --- free space: the daemon must resume by itself.
if mount -o remount,size=8M "$small"; then
    ok "the tmpfs grew to 8M"
else
    not_ok "the tmpfs grew to 8M"
fi
freed_ms=$(now_ms)
if wait_until 60 inbox_empty; then
    ok "the daemon resumed by itself and emptied the inbox ($(($(now_ms) - freed_ms)) ms after the space was freed)"
else
    not_ok "the daemon resumed by itself and emptied the inbox within 60 s" \
        "left: $(find "$inbox" -maxdepth 1 -type f -printf "%f " | head -c 300)" "$(tail -n 5 "$stderr_log")"
fi
check_store resumed

# --- phase 2: the disk fills up between a bulletin's store append and its ledger append (both
# on the tmpfs). Tiny bulletins are dropped until the ledger's next entry needs a new page while
# the store's last page still has room for a tiny bulletin's line; then a filler file takes every
# free page: the next tiny bulletin's store append fits, its ledger append does not. Then a
# bulletin of three new stories, too large for the store's slack, is refused until the filler
# goes. Afterwards everything must hold as before (checked with the rest at the end).
cat "$manifest.p2" >>"$manifest"
ledger_warnings() { grep -c 'cannot write the ledger' "$stderr_log" 2>/dev/null || true; }
phase2_ready=""
while read -r name _sha _count; do
    [ "$name" = p2_large.txt ] && break
    mv "$staging/$name" "$inbox/$name"
    echo "$name" >>"$dropped"
    wait_until 10 gone_or_store_error "$name" "$(store_errors)" || { log "$name not ingested within 10 s"; break; }
    ledger_size=$(stat -c %s "$state/ledger" 2>/dev/null || echo 0)
    store_bytes=$(stat -c %s "$store")
    if [ -n "$phase2_ready" ]; then
        break  # that was the bulletin dropped onto the full disk
    fi
    # the next ledger entry: "<sha256> <store size after>\n", at least 66 + digits bytes
    # (a tiny bulletin's store line is about 500 bytes)
    if [ "$ledger_size" -gt 0 ] && [ $(((ledger_size - 1) % 4096 + 1 + 66 + ${#store_bytes})) -gt 4096 ] \
        && [ $((4096 - store_bytes % 4096)) -ge 800 ]; then
        phase2_ready=1
        warnings_before=$(ledger_warnings)
        dd if=/dev/zero of="$small/filler" bs=4096 2>/dev/null
        log "phase 2: ledger $ledger_size bytes, store $store_bytes bytes; filler written: $(df -k --output=avail "$small" | tail -n 1) KiB free"
    fi
done <"$manifest.p2"
if [ -n "$phase2_ready" ]; then
    if [ "$(ledger_warnings)" -gt "$warnings_before" ]; then
        log "phase 2: the ledger append failed as intended: $(grep -m 1 'cannot write the ledger' "$stderr_log" | cut -c1-300)"
    else
        log "phase 2: the ledger append did not fail (the daemon may keep the ledger elsewhere): the scenario was not reached"
    fi
    errors_before=$(store_errors)
    mv "$staging/p2_large.txt" "$inbox/p2_large.txt"
    echo p2_large.txt >>"$dropped"
    if wait_until 10 store_errors_at_least $((errors_before + 1)); then
        ok "phase 2: the large bulletin is refused while the disk is full"
    else
        not_ok "phase 2: the large bulletin is refused while the disk is full" "$(tail -n 5 "$stderr_log")"
    fi
    wait_until 1 store_errors_at_least $((errors_before + 3)) \
        || log "phase 2: $(($(store_errors) - errors_before)) refusals in 1 s (the tmpfs may have found a page)"
    rm -f "$small/filler"
    freed_ms=$(now_ms)
    if wait_until 60 inbox_empty; then
        ok "phase 2: the daemon resumed by itself and emptied the inbox ($(($(now_ms) - freed_ms)) ms after the filler went)"
    else
        not_ok "phase 2: the daemon resumed by itself and emptied the inbox within 60 s" "$(tail -n 5 "$stderr_log")"
    fi
else
    not_ok "phase 2: the ledger reached a page boundary with room left in the store's last page" \
        "ledger $ledger_size bytes, store $store_bytes bytes"
fi

# One more bulletin once there is room again: its ledger entry is the first written after the
# ones the full disk refused.
while read -r name _sha _count; do
    if [ ! -e "$staging/$name" ] || [ "$name" = p2_large.txt ]; then continue; fi
    mv "$staging/$name" "$inbox/$name"
    echo "$name" >>"$dropped"
    wait_until 10 inbox_empty || log "$name not ingested within 10 s"
    break
done <"$manifest.p2"

stop_daemon
check_store final
rejected=$(ls -A "$failed")
if [ -z "$rejected" ]; then ok "no dropped file was rejected"; else not_ok "no dropped file was rejected" "$rejected"; fi

# --- phase 3: after a clean restart, a copy of every dropped bulletin (the same bytes under a
# new name) is recognised as already ingested: the ledger survived the full disk.
store_bytes_before=$(stat -c %s "$store")
already_before=$(grep -c 'already ingested (the same bytes' "$stderr_log")
start_daemon "phase 3: the daemon restarted and is watching the inbox"
copies=0
while read -r name; do
    cp "$processed/$name" "$staging/again_$name" && mv "$staging/again_$name" "$inbox/again_$name" && copies=$((copies + 1))
done <"$dropped"
if wait_until 60 inbox_empty; then
    ok "phase 3: the daemon took the $copies copies"
else
    not_ok "phase 3: the daemon took the $copies copies within 60 s" "$(tail -n 5 "$stderr_log")"
fi
stop_daemon
already=$(($(grep -c 'already ingested (the same bytes' "$stderr_log") - already_before))
if [ "$(stat -c %s "$store")" -eq "$store_bytes_before" ] && [ "$already" -eq "$copies" ]; then
    ok "phase 3: every copy was recognised as already ingested, the store did not grow"
else
    not_ok "phase 3: every copy was recognised as already ingested, the store did not grow" \
        "$already of $copies copies recognised; store $store_bytes_before -> $(stat -c %s "$store") bytes" \
        "$(grep -o '"file":"again_[^"]*"' "$store" | sort | uniq -c | head -n 10)"
fi

if "$binary" --help 2>&1 | awk '/^SUBCOMMANDS/ {s = 1; next} s && /^[^ ]/ {s = 0} s {print $1}' | grep -qx verify; then
    if out=$("$binary" verify --store "$store" 2>&1); then
        ok "bulletind verify --store accepts the store"
    else
        not_ok "bulletind verify --store accepts the store" "$out"
    fi
else
    log "the binary has no verify subcommand: skipped"
fi

if [ "$SYSTEM_TEST_FAILED" -gt 0 ] || [ -n "${KEEP_WORKDIR:-}" ]; then
    cp -a "$small/." "$work/small-copy" 2>/dev/null && log "the tmpfs contents are copied to $work/small-copy"
fi
log "$(($(now_ms) - started_ms)) ms"
summary
