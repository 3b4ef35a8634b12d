#!/usr/bin/env bash
# service-test.sh BULLETIND_BINARY STAGED_INSTALL_DIR
#
# End-to-end test of bulletind.service under a real systemd 252 (PID 1 of a systemd-nspawn
# container booted from a cached minimal Debian root; see lib/nspawn.sh).
#
# STAGED_INSTALL_DIR is a "make install DESTDIR=..." tree with prefix /usr/local:
#   usr/local/bin/bulletind
#   usr/local/lib/systemd/system/bulletind.service   (or etc/systemd/system/bulletind.service)
#   usr/local/lib/sysusers.d/bulletind.conf
#   usr/local/lib/tmpfiles.d/bulletind.conf
#   usr/local/lib/systemd/catalog/bulletind.catalog
#   etc/bulletind/bulletind.yaml                     (optional: without it the test passes the
#                                                     paths as flags through a drop-in)
# BULLETIND_BINARY replaces the staged usr/local/bin/bulletind. Shared libraries it needs that
# the plain Debian root lacks (a Swift binary built without -static-stdlib needs the Swift
# runtime) are copied in from the host at the same paths, with a note.
#
# Needs root, systemd-container, debootstrap (first run: builds the root, 30-60 s), python3.
# Environment: EXPECT_STORIES (default 14: the seed's stories), BIG_STORIES (default 100000:
# the crash-loop checks' bulletin; fewer for a debug build), NSPAWN_* (lib/nspawn.sh),
# KEEP_WORKDIR=1 keeps the host-side work folder (store and journal copies).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=Tests/System/lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=Tests/System/lib/nspawn.sh
source "$here/lib/nspawn.sh"

if [ $# -ne 2 ]; then
    echo "usage: $0 BULLETIND_BINARY STAGED_INSTALL_DIR" >&2
    exit 64
fi
binary=$(readlink -f "$1")
stage_in=$(readlink -f "$2")
[ -x "$binary" ] || { echo "$0: $1 is not an executable" >&2; exit 64; }
[ -d "$stage_in" ] || { echo "$0: $2 is not a folder" >&2; exit 64; }
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (systemd-nspawn)" >&2; exit 77; }

seed="$(repo_root)/seeds/000_60ecd2c4a9cd0293.txt"
expect_stories=${EXPECT_STORIES:-14}
watchdog_sec=3
started_ms=$(now_ms)
work=$(mktemp -d /tmp/bulletind-service-test.XXXXXX)
UNIT=bulletind.service
SPOOL=/var/spool/bulletind
STORE=/var/lib/bulletind/stories.jsonl

cleanup() {
    nspawn_cleanup
    remove_work "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fatal() {
    not_ok "$@"
    summary
    exit 1
}

# --- the install tree ---------------------------------------------------------------------
stage="$work/stage"
mkdir -p "$stage"
cp -a "$stage_in/." "$stage/"
install -D -m 0755 "$binary" "$stage/usr/local/bin/bulletind"

unit_path=""
for p in usr/local/lib/systemd/system/$UNIT etc/systemd/system/$UNIT; do
    [ -f "$stage/$p" ] && { unit_path=/$p; break; }
done
if [ -n "$unit_path" ]; then ok "staged tree has the unit ($unit_path)"; else not_ok "staged tree has the unit (usr/local/lib/systemd/system/$UNIT)"; fi
for p in usr/local/lib/sysusers.d/bulletind.conf usr/local/lib/tmpfiles.d/bulletind.conf \
    usr/local/lib/systemd/catalog/bulletind.catalog; do
    check "staged tree has /$p" test -f "$stage/$p"
done
[ -n "$unit_path" ] || fatal "cannot go on without a unit"

# --- the container ------------------------------------------------------------------------
# The Debian packages of the shared libraries the binary links (ICU, uchardet, CLD2: the
# runtime half of scripts/install-deps.sh), installed in the root as on a production machine.
runtime_packages=$(ldd "$stage/usr/local/bin/bulletind" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3}' \
    | xargs -r readlink -f | xargs -r dpkg -S 2>/dev/null | cut -d: -f1 | sort -u | paste -sd, -)
[ -n "$runtime_packages" ] && NSPAWN_EXTRA_PACKAGES=${NSPAWN_EXTRA_PACKAGES:+$NSPAWN_EXTRA_PACKAGES,}$runtime_packages
root=$(nspawn_build_root) || fatal "minimal Debian root built"
booted_ms=$(now_ms)
nspawn_boot "bulletind-svc-$$" || fatal "container boots"
ok "container boots to running ($(($(now_ms) - booted_ms)) ms)"

# Shared libraries the root lacks (e.g. the Swift runtime under /opt/swift) come from the host.
missing_libs=()
while read -r lib; do
    [ -e "$root$lib" ] || missing_libs+=("$lib")
done < <(ldd "$stage/usr/local/bin/bulletind" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')
if [ ${#missing_libs[@]} -gt 0 ]; then
    log "note: the binary needs ${#missing_libs[@]} shared libraries a plain Debian root lacks; copied from the host (build with -static-stdlib to ship one file):"
    for lib in "${missing_libs[@]}"; do
        log "  $lib"
        mkdir -p "$stage$(dirname "$lib")"
        cp -L "$lib" "$stage$lib"
    done
fi

if [ ! -f "$stage/etc/bulletind/bulletind.yaml" ]; then
    # No shipped config: the same paths as flags (flags beat the file), through a drop-in.
    log "note: staged tree has no /etc/bulletind/bulletind.yaml; paths go in as flags via a drop-in"
    mkdir -p "$stage/etc/systemd/system/$UNIT.d"
    cat >"$stage/etc/systemd/system/$UNIT.d/10-test-flags.conf" <<EOF
[Service]
ExecStart=
ExecStart=/usr/local/bin/bulletind run --inbox $SPOOL/inbox --store $STORE --state-dir /var/lib/bulletind/state
EOF
fi
# Short watchdog and restart delay, so the restart checks take seconds, not minutes.
mkdir -p "$stage/etc/systemd/system/$UNIT.d"
cat >"$stage/etc/systemd/system/$UNIT.d/20-test-timing.conf" <<EOF
[Service]
WatchdogSec=${watchdog_sec}s
RestartSec=200ms
EOF

# Metrics into node_exporter's textfile folder, set up as docs/service.md says: the folder as
# Debian's prometheus-node-exporter ships it (root:root 0755), an ACL for bulletind from a
# tmpfiles.d line, and metrics.textfile (here through the environment, which beats the file).
METRICS=/var/lib/prometheus/node-exporter/bulletind.prom
install -d -m 0755 "$stage/var/lib/prometheus/node-exporter"
install -d "$stage/etc/tmpfiles.d"
echo 'a+ /var/lib/prometheus/node-exporter - - - - u:bulletind:rwx' >"$stage/etc/tmpfiles.d/bulletind-metrics.conf"
cat >"$stage/etc/systemd/system/$UNIT.d/30-test-metrics.conf" <<EOF
[Service]
Environment=BULLETIND_METRICS_TEXTFILE=$METRICS BULLETIND_METRICS_INTERVAL_S=1
EOF

# journald's per-service rate limit, lowered (its default, 10,000 entries per 30 s scaled up
# with free disk space, needs a far bigger burst to trip): the unit must lift it for bulletind,
# whose contract is one entry per story however many arrive at once.
mkdir -p "$stage/etc/systemd/journald.conf.d"
cat >"$stage/etc/systemd/journald.conf.d/50-test-low-ratelimit.conf" <<EOF
[Journal]
RateLimitIntervalSec=30s
RateLimitBurst=20
EOF

nspawn_copy_in_tree "$stage" || fatal "install tree copied into the container"
ok "install tree copied into the container"
check "journald restarted with a low per-service rate limit" nspawn_exec systemctl restart systemd-journald

check "systemd-sysusers creates user and group bulletind, and group bulletind-readers" \
    nspawn_exec sh -c 'systemd-sysusers && getent passwd bulletind && getent group bulletind && getent group bulletind-readers'
check "systemd-tmpfiles --create makes the spool" nspawn_exec systemd-tmpfiles --create
spool_modes=$(nspawn_exec stat -c '%n %a %U:%G' $SPOOL $SPOOL/tmp $SPOOL/inbox $SPOOL/processed $SPOOL/failed 2>&1)
if grep -qx "$SPOOL/inbox 3770 bulletind:bulletind" <<<"$spool_modes" &&
    grep -qx "$SPOOL/tmp 3770 bulletind:bulletind" <<<"$spool_modes"; then
    ok "inbox/ and tmp/ are 3770 bulletind:bulletind (setgid, sticky, group-writable)"
else
    not_ok "inbox/ and tmp/ are 3770 bulletind:bulletind (setgid, sticky, group-writable)" "$spool_modes"
fi
check "journalctl --update-catalog compiles the catalog" nspawn_exec journalctl --update-catalog
catalog=$(nspawn_exec journalctl --list-catalog 2>&1)
n_ids=$(grep -c ' bulletind: ' <<<"$catalog")
catalog_ids=$(grep -c '^-- [0-9a-f]\{32\}$' "$stage/usr/local/lib/systemd/catalog/bulletind.catalog")
if [ "$n_ids" -eq "$catalog_ids" ]; then ok "journalctl --list-catalog lists the $catalog_ids bulletind entries"; else not_ok "journalctl --list-catalog lists the $catalog_ids bulletind entries (lists $n_ids)"; fi
check "systemctl daemon-reload" nspawn_exec systemctl daemon-reload
verify_err=$(nspawn_exec systemd-analyze verify "$UNIT" 2>&1 >/dev/null)
if [ -z "$verify_err" ]; then ok "systemd-analyze verify $UNIT: no warnings"; else not_ok "systemd-analyze verify $UNIT: no warnings" "$verify_err"; fi

show() { # show PROPERTY: one property of the unit
    nspawn_exec systemctl show -P "$1" "$UNIT"
}
sync_journal() {
    nspawn_exec journalctl --sync >/dev/null 2>&1
}
journal_count() { # journal_count MESSAGE_ID: entries of the unit with that id
    sync_journal
    nspawn_exec journalctl -u "$UNIT" -o json "MESSAGE_ID=$1" 2>/dev/null | grep -c .
}
journal_has() { # journal_has MESSAGE_ID: the unit has at least one entry with that id
    [ "$(journal_count "$1")" -ge 1 ]
}
store_copy() {
    nspawn_exec cat "$STORE" 2>/dev/null
}
store_has() { # store_has TEXT
    store_copy | grep -qF -- "$1"
}
is_active_with_new_pid() { # is_active_with_new_pid OLD_PID
    [ "$(show ActiveState)" = active ] && [ "$(show MainPID)" != "$1" ] && [ "$(show MainPID)" != 0 ]
}
nrestarts_is() {
    [ "$(show NRestarts)" = "$1" ]
}
inbox_empty() {
    [ -z "$(nspawn_exec find $SPOOL/inbox -mindepth 1 -maxdepth 1 ! -name '.*')" ]
}
# drop_bulletin FILE NAME: as user "producer" (member of group bulletind, umask 027): write it
# into the spool's tmp/ folder, then rename it into the inbox (same file system: atomic).
drop_bulletin() {
    nspawn_exec setpriv --reuid=producer --regid=users --init-groups --reset-env \
        sh -c 'umask 027 && cat >"$1/tmp/$2" && mv "$1/tmp/$2" "$1/inbox/$2"' drop "$SPOOL" "$2" <"$1"
}
make_bulletin() { # make_bulletin FILE TAG: a small bulletin with one story, unique per test run
    cat >"$1" <<EOF
Service test bulletin $2 reaches the store

LONDON -- A bulletin dropped by the bulletind service test, tagged $2, was written to a temporary name and renamed into the inbox.

The daemon is expected to ingest it exactly once, even across a crash and a watchdog restart.
EOF
}

# --- backlog: a bulletin waits in the inbox before the service starts ----------------------
nspawn_exec useradd --no-create-home --no-user-group --gid users --groups bulletind \
    --shell /usr/sbin/nologin producer || not_ok "producer user created"
seed_sha=$(sha256sum "$seed" | cut -d' ' -f1)
if drop_bulletin "$seed" "$(basename "$seed")"; then
    ok "producer in group bulletind drops the seed into the inbox before the start"
else
    not_ok "producer in group bulletind drops the seed into the inbox before the start"
fi

# --- start --------------------------------------------------------------------------------
start_out=$(nspawn_exec systemctl start "$UNIT" 2>&1)
start_rc=$?
state_after_start="$(show ActiveState)/$(show SubState)"
if [ $start_rc -eq 0 ] && [ "$state_after_start" = active/running ]; then
    ok "systemctl start returns after READY=1: the unit is active/running at once"
else
    not_ok "systemctl start returns after READY=1: the unit is active/running at once (rc $start_rc, $state_after_start)" \
        "$start_out" "$(nspawn_exec journalctl -u "$UNIT" --no-pager -n 30 2>&1)"
    fatal "cannot go on without a running service"
fi
if journal_has 5d03b8b80d0842ee8fc06c30e2549564; then
    ok "the journal has the ready entry (MESSAGE_ID=5d03b8b8...) once start returned"
else
    not_ok "the journal has the ready entry (MESSAGE_ID=5d03b8b8...) once start returned"
fi
# READY=1 means the backlog is ingested: the seed must be in the store already, no waiting.
if store_has "$seed_sha" && inbox_empty; then
    ok "the backlog (the seed) is in the store and out of the inbox when start returns"
else
    not_ok "the backlog (the seed) is in the store and out of the inbox when start returns"
fi
check "the seed was moved to $SPOOL/processed" nspawn_exec test -f "$SPOOL/processed/$(basename "$seed")"
main_pid=$(show MainPID)

# --- sandbox ------------------------------------------------------------------------------
uid=$(nspawn_exec id -u bulletind)
gid=$(nspawn_exec id -g bulletind)
status=$(nspawn_exec cat "/proc/$main_pid/status")
if grep -qP "^Uid:\t$uid\t$uid\t$uid\t$uid$" <<<"$status" && grep -qP "^Gid:\t$gid\t$gid\t$gid\t$gid$" <<<"$status"; then
    ok "main process runs as bulletind:bulletind ($uid:$gid), real/effective/saved/fs"
else
    not_ok "main process runs as bulletind:bulletind ($uid:$gid)" "$(grep -E '^(Uid|Gid|Groups)' <<<"$status")"
fi
if grep -qP '^CapEff:\t0+$' <<<"$status" && grep -qP '^CapBnd:\t0+$' <<<"$status"; then
    ok "main process has no capabilities (effective and bounding set empty)"
else
    not_ok "main process has no capabilities" "$(grep -E '^Cap' <<<"$status")"
fi
if nspawn_exec nsenter -t "$main_pid" -m touch /x 2>/dev/null; then
    not_ok "/ is read-only in the service's mount namespace (touch /x succeeded)"
else
    ok "/ is read-only in the service's mount namespace (touch /x fails)"
fi
root_opts=$(nspawn_exec awk '$5 == "/" {print $6}' "/proc/$main_pid/mountinfo")
if [[ ",$root_opts," == *,ro,* ]]; then ok "mountinfo: / is mounted ro for the service"; else not_ok "mountinfo: / is mounted ro for the service ($root_opts)"; fi
rw_lib=$(nspawn_exec awk '$5 == "/var/lib/bulletind" {print $6}' "/proc/$main_pid/mountinfo")
if [[ ",$rw_lib," == *,rw,* ]]; then ok "mountinfo: /var/lib/bulletind is writable for the service"; else not_ok "mountinfo: /var/lib/bulletind is writable for the service ($rw_lib)"; fi
rw_spool=$(nspawn_exec awk -v p=$SPOOL '$5 == p {print $6}' "/proc/$main_pid/mountinfo")
if [[ ",$rw_spool," == *,rw,* ]]; then ok "mountinfo: $SPOOL is writable for the service"; else not_ok "mountinfo: $SPOOL is writable for the service ($rw_spool)"; fi
netdevs=$(nspawn_exec awk -F: 'NR > 2 {gsub(/ /, "", $1); print $1}' "/proc/$main_pid/net/dev" | tr '\n' ' ')
if [ "$netdevs" = "lo " ]; then ok "no network: the service sees only lo"; else not_ok "no network: the service sees only lo (sees: $netdevs)"; fi
exposure=$(nspawn_exec systemd-analyze security "$UNIT" 2>&1 | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [ -n "$exposure" ] && awk -v e="$exposure" 'BEGIN {exit !(e <= 1.5)}'; then
    ok "systemd-analyze security on the running unit: exposure $exposure <= 1.5"
else
    not_ok "systemd-analyze security on the running unit: exposure '${exposure}' <= 1.5"
fi

memory_max=$(nspawn_exec systemctl show -P MemoryMax "$UNIT" 2>&1)
if [ "$memory_max" = "2147483648" ]; then ok "the unit caps memory: MemoryMax=2G"; else not_ok "the unit caps memory: MemoryMax=2G (MemoryMax=$memory_max)"; fi

# --- a bulletin while running (inotify) ----------------------------------------------------
tag_live="live-$$-$RANDOM"
make_bulletin "$work/live.txt" "$tag_live"
if drop_bulletin "$work/live.txt" "live-$$.txt"; then
    ok "producer in group bulletind drops a bulletin (umask 027, written in tmp/, renamed into inbox/)"
else
    not_ok "producer in group bulletind drops a bulletin (umask 027, written in tmp/, renamed into inbox/)"
fi
if wait_until 30 store_has "$tag_live" && wait_until 30 inbox_empty; then
    ok "a bulletin dropped while running reaches $STORE and leaves the inbox"
else
    not_ok "a bulletin dropped while running reaches $STORE and leaves the inbox within 30 s" \
        "$(nspawn_exec journalctl -u "$UNIT" --no-pager -n 20 2>&1)"
fi
check "it was moved to $SPOOL/processed" nspawn_exec test -f "$SPOOL/processed/live-$$.txt"

# --- what one producer can do to another's files, and to the store (issue #14, finding 7) ----
# as USER COMMAND: a shell command as that producer (group bulletind, umask 027).
as_user() {
    local user=$1
    shift
    nspawn_exec setpriv --reuid="$user" --regid=users --init-groups --reset-env sh -c "umask 027 && $1" sh "$SPOOL" "$STORE"
}
fails_as() { # fails_as USER COMMAND: the command fails for that producer
    ! as_user "$@" 2>/dev/null
}
nspawn_exec useradd --no-create-home --no-user-group --gid users --groups bulletind \
    --shell /usr/sbin/nologin rival || not_ok "second producer user created"
# A file half-written in tmp/, and one waiting in the inbox under a name the daemon leaves alone
# (a temporary name, *.part): the rival producer may not remove, rename or replace either.
if as_user producer 'echo draft >"$1/tmp/draft.txt" && echo waiting >"$1/inbox/waiting.part"'; then
    ok "producer leaves a file in tmp/ and one in inbox/"
else
    not_ok "producer leaves a file in tmp/ and one in inbox/"
fi
for folder in tmp inbox; do
    name=$([ $folder = tmp ] && echo draft.txt || echo waiting.part)
    if fails_as rival "rm -f \"\$1/$folder/$name\"" && nspawn_exec test -f "$SPOOL/$folder/$name"; then
        ok "another producer cannot remove producer's $folder/$name (sticky bit)"
    else
        not_ok "another producer cannot remove producer's $folder/$name (sticky bit)"
    fi
    if fails_as rival "mv \"\$1/$folder/$name\" \"\$1/$folder/taken\"" && nspawn_exec test -f "$SPOOL/$folder/$name"; then
        ok "another producer cannot rename producer's $folder/$name"
    else
        not_ok "another producer cannot rename producer's $folder/$name"
    fi
    if fails_as rival "echo forged >\"\$1/tmp/forged-$folder\" && mv -f \"\$1/tmp/forged-$folder\" \"\$1/$folder/$name\"" &&
        [ "$(nspawn_exec cat "$SPOOL/$folder/$name")" != forged ]; then
        ok "another producer cannot rename a file of its own over producer's $folder/$name"
    else
        not_ok "another producer cannot rename a file of its own over producer's $folder/$name"
    fi
done
if as_user producer 'rm "$1/tmp/draft.txt" "$1/inbox/waiting.part"'; then
    ok "a producer still removes its own files in tmp/ and inbox/"
else
    not_ok "a producer still removes its own files in tmp/ and inbox/"
fi
as_user rival 'rm -f "$1"/tmp/forged-*' 2>/dev/null
lib_modes=$(nspawn_exec stat -c '%n %a %U:%G' /var/lib/bulletind "$STORE" 2>&1)
if [ "$lib_modes" = "/var/lib/bulletind 2750 bulletind:bulletind-readers
$STORE 640 bulletind:bulletind-readers" ]; then
    ok "/var/lib/bulletind is 2750 and the store 640, both bulletind:bulletind-readers"
else
    not_ok "/var/lib/bulletind is 2750 and the store 640, both bulletind:bulletind-readers" "$lib_modes"
fi
if fails_as producer 'cat "$2"' && fails_as producer 'head -c1 "$(dirname "$2")/state/ledger"' &&
    fails_as producer 'ls "$(dirname "$2")/state"' && fails_as producer 'ls "$(dirname "$2")"'; then
    ok "a producer cannot read the store, the ledger or the state folder (the index snapshot)"
else
    not_ok "a producer cannot read the store, the ledger or the state folder" "$(as_user producer 'ls -la "$(dirname "$2")" "$(dirname "$2")/state"' 2>&1)"
fi
state_modes=$(nspawn_exec stat -c '%n %a' /var/lib/bulletind/state /var/lib/bulletind/state/ledger /var/lib/bulletind/state/lock 2>&1)
if [ "$(awk '{print $2}' <<<"$state_modes" | paste -sd' ')" = "700 600 600" ]; then
    ok "the state folder is 700, its ledger and lock 600"
else
    not_ok "the state folder is 700, its ledger and lock 600" "$state_modes"
fi
# A reader of the store (an editorial system's import): in group bulletind-readers, not bulletind.
nspawn_exec useradd --no-create-home --no-user-group --gid users --groups bulletind-readers \
    --shell /usr/sbin/nologin newsroom || not_ok "reader user created"
if as_user newsroom 'grep -q "\"schema\":\"bulletind/1\"" "$2"' && fails_as newsroom 'ls "$(dirname "$2")/state"' &&
    fails_as newsroom 'echo x >>"$2"' && fails_as newsroom 'ls "$1/inbox"'; then
    ok "a reader in group bulletind-readers reads the store, but cannot write it, read the state or see the inbox"
else
    not_ok "a reader in group bulletind-readers reads the store, but cannot write it, read the state or see the inbox" \
        "$(as_user newsroom 'id; head -c 100 "$2"' 2>&1)"
fi

# --- metrics for node_exporter --------------------------------------------------------------
metric() { # metric SERIES: its value in the service's metrics file
    nspawn_exec cat "$METRICS" 2>/dev/null | awk -v s="$1" '$1 == s { print $2 }'
}
metric_at_least() { [ "$(metric "$1")" -ge "$2" ] 2>/dev/null; }
rw_metrics=$(nspawn_exec awk '$5 == "/var/lib/prometheus/node-exporter" {print $6}' "/proc/$main_pid/mountinfo")
if [[ ",$rw_metrics," == *,rw,* ]]; then ok "mountinfo: node_exporter's textfile folder is writable for the service"; else not_ok "mountinfo: node_exporter's textfile folder is writable for the service ($rw_metrics)"; fi
# ...and nowhere else: every mount the service may write, outside the kernel's API file systems
# (/dev, /proc, /sys) and the folder systemd-nspawn adds to every container (/run/host), is one
# the unit grants (its state folder, the spool, that folder, its RuntimeDirectory= and the
# private /tmp and /var/tmp); the folder's parent stays read-only.
writable=$(nspawn_exec awk '$6 ~ /(^|,)rw(,|$)/ && $5 !~ /^\/(dev|proc|sys|run\/host)(\/|$)/ { print $5 }' "/proc/$main_pid/mountinfo" | LC_ALL=C sort -u | tr '\n' ' ')
granted="/run/bulletind /tmp /var/lib/bulletind /var/lib/prometheus/node-exporter /var/spool/bulletind /var/tmp "
if [ "$writable" = "$granted" ]; then
    ok "mountinfo: the service may write only in $granted"
else
    not_ok "mountinfo: the service may write only in $granted (writable: $writable)"
fi
if nspawn_exec nsenter -t "$main_pid" -m touch /var/lib/prometheus/x 2>/dev/null; then
    not_ok "/var/lib/prometheus, beside the textfile folder, is read-only for the service (touch succeeded)"
else
    ok "/var/lib/prometheus, beside the textfile folder, is read-only for the service (touch fails)"
fi
if wait_until 10 metric_at_least bulletind_bulletins_ingested_total 2; then
    ok "the service writes $METRICS through the tmpfiles.d ACL: seed and live bulletin counted"
else
    not_ok "the service writes $METRICS through the tmpfiles.d ACL (ingested: '$(metric bulletind_bulletins_ingested_total)')" \
        "$(nspawn_exec ls -la /var/lib/prometheus/node-exporter 2>&1)" "$(nspawn_exec journalctl -u "$UNIT" --no-pager -n 10 2>&1)"
fi
metrics_owner=$(nspawn_exec stat -c '%a %U:%G' "$METRICS" 2>&1)
if [ "$metrics_owner" = "644 bulletind:bulletind" ]; then ok "the metrics file is 644 bulletind:bulletind (node_exporter reads it)"; else not_ok "the metrics file is 644 bulletind:bulletind ($metrics_owner)"; fi
if wait_until 10 metric_at_least bulletind_watchdog_pings_total 1; then ok "the watchdog pings are counted"; else not_ok "the watchdog pings are counted"; fi
if command -v promtool >/dev/null; then
    nspawn_exec cat "$METRICS" >"$work/bulletind.prom"
    lint=$(promtool check metrics <"$work/bulletind.prom" 2>&1)
    if [ $? -eq 0 ] && [ -z "$lint" ]; then ok "promtool check metrics passes the service's file"; else not_ok "promtool check metrics passes the service's file" "$lint"; fi
else
    not_ok "promtool check metrics passes the service's file (no promtool: apt-get install prometheus)"
fi

# --- a burst: more entries at once than journald lets a service log ----------------------
burst_stories=400
python3 - "$work/burst.txt" "$burst_stories" "$$-$RANDOM" <<'PY'
import sys
path, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november".split()
with open(path, "w") as out:
    for n in range(count):
        # Distinct wording per story (not only a number), so none is a near duplicate of another.
        picked = " ".join(words[(n * 7 + k * 3) % len(words)] + str(n % (k + 2)) for k in range(12))
        out.write(f"Burst story {n} of run {tag}\n\nGENEVA -- Story {n} of a burst of {count} ({picked}) arrived in one bulletin.\n\n")
PY
burst_entries() { # journal entries (new story or duplicate) naming the burst's file
    sync_journal
    nspawn_exec journalctl -u "$UNIT" -o json "BULLETIN_FILE=burst-$$.txt" 2>/dev/null | grep -c .
}
burst_logged() { [ "$(burst_entries)" -ge "$burst_stories" ]; }
drop_bulletin "$work/burst.txt" "burst-$$.txt" || not_ok "a bulletin of $burst_stories stories dropped"
if wait_until 60 inbox_empty && wait_until 10 burst_logged; then
    ok "a bulletin of $burst_stories stories gives $burst_stories journal entries at once (the unit lifts journald's rate limit)"
else
    not_ok "a bulletin of $burst_stories stories gives $burst_stories journal entries at once (got $(burst_entries))" \
        "$(nspawn_exec journalctl -u systemd-journald --no-pager -n 5 2>&1)"
fi

# --- reload -------------------------------------------------------------------------------
reload_out=$(nspawn_exec systemctl reload "$UNIT" 2>&1)
reload_rc=$?
if [ $reload_rc -eq 0 ] && [ "$(show MainPID)" = "$main_pid" ] && [ "$(show ActiveState)" = active ]; then
    ok "systemctl reload keeps MainPID $main_pid and the unit active"
else
    not_ok "systemctl reload keeps MainPID $main_pid (rc $reload_rc, now $(show MainPID), $(show ActiveState))" "$reload_out"
fi
if wait_until 5 journal_has 77a756d8ac634644856992cd8149f9f1; then
    ok "the journal has the reloaded entry (MESSAGE_ID=77a756d8...)"
else
    not_ok "the journal has the reloaded entry (MESSAGE_ID=77a756d8...)"
fi

# --- crash: SIGSEGV -----------------------------------------------------------------------
store_copy >"$work/store-before-crash.jsonl"
restarts=$(show NRestarts)
tag_crash="crash-$$-$RANDOM"
make_bulletin "$work/crash.txt" "$tag_crash"
nspawn_exec kill -SEGV "$main_pid"
# Dropped while the daemon is down or restarting: must not be lost.
drop_bulletin "$work/crash.txt" "crash-$$.txt" || not_ok "bulletin dropped during the crash"
if wait_until 30 nrestarts_is $((restarts + 1)) && wait_until 30 is_active_with_new_pid "$main_pid"; then
    ok "SIGSEGV on the main process: systemd restarts it (NRestarts $restarts -> $(show NRestarts), new MainPID $(show MainPID))"
else
    not_ok "SIGSEGV on the main process: systemd restarts it (NRestarts $(show NRestarts), state $(show ActiveState), MainPID $(show MainPID))"
fi
main_pid=$(show MainPID)
if wait_until 60 store_has "$tag_crash" && wait_until 30 inbox_empty; then
    ok "a bulletin dropped during the crash is ingested after the restart"
else
    not_ok "a bulletin dropped during the crash is ingested after the restart"
fi
if wait_until 10 metric_at_least bulletind_restarts_recovered_total 1; then
    ok "the restarted daemon's metrics count the recovered start"
else
    not_ok "the restarted daemon's metrics count the recovered start ('$(metric bulletind_restarts_recovered_total)')"
fi
store_copy >"$work/store-after-crash.jsonl"
before_lines=$(wc -l <"$work/store-before-crash.jsonl")
if [ "$before_lines" -gt 0 ] && cmp -s "$work/store-before-crash.jsonl" <(head -n "$before_lines" "$work/store-after-crash.jsonl"); then
    ok "nothing lost: the $before_lines store lines from before the crash are all still there, unchanged"
else
    not_ok "nothing lost: the $before_lines store lines from before the crash are all still there, unchanged"
fi

# --- hang: watchdog -----------------------------------------------------------------------
restarts=$(show NRestarts)
hang_ms=$(now_ms)
nspawn_exec kill -STOP "$main_pid"
if wait_until $((watchdog_sec * 5 + 20)) nrestarts_is $((restarts + 1)) && wait_until 30 is_active_with_new_pid "$main_pid"; then
    ok "a stopped (hung) main process misses WatchdogSec=${watchdog_sec}s and is restarted ($(($(now_ms) - hang_ms)) ms)"
else
    not_ok "a stopped (hung) main process misses WatchdogSec=${watchdog_sec}s and is restarted (NRestarts $(show NRestarts), $(show ActiveState))"
fi
sync_journal
if nspawn_exec journalctl -u "$UNIT" --no-pager -o cat | grep -q 'Watchdog timeout'; then
    ok "systemd logged the watchdog timeout"
else
    not_ok "systemd logged the watchdog timeout"
fi
main_pid=$(show MainPID)
tag_hang="hang-$$-$RANDOM"
make_bulletin "$work/hang.txt" "$tag_hang"
drop_bulletin "$work/hang.txt" "hang-$$.txt" || not_ok "bulletin dropped after the watchdog restart"
if wait_until 60 store_has "$tag_hang"; then
    ok "the restarted daemon ingests a new bulletin"
else
    not_ok "the restarted daemon ingests a new bulletin"
fi

# --- stop ---------------------------------------------------------------------------------
nspawn_exec systemctl stop "$UNIT"
stop_state="Result=$(show Result) ActiveState=$(show ActiveState) ExecMainStatus=$(show ExecMainStatus)"
if [ "$stop_state" = "Result=success ActiveState=inactive ExecMainStatus=0" ]; then
    ok "systemctl stop ends with Result=success (exit 0 on SIGTERM)"
else
    not_ok "systemctl stop ends with Result=success (exit 0 on SIGTERM): $stop_state"
fi

# --- store against journal, over the whole run (3 processes) -------------------------------
sync_journal
store_copy >"$work/store.jsonl"
nspawn_exec journalctl -u "$UNIT" -o json >"$work/journal.json"
while IFS= read -r line; do
    case $line in
        "ok - "*) ok "${line#ok - }" ;;
        "not ok - "*) not_ok "${line#not ok - }" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < <(python3 "$here/lib/check-journal.py" --store "$work/store.jsonl" \
    --journal "$work/journal.json" 2>&1)
seed_stories=$(python3 -c '
import json, sys
print(sum(1 for l in open(sys.argv[1]) if l.strip() and json.loads(l).get("kind") == "story"
          and json.loads(l)["bulletin"]["sha256"] == sys.argv[2]))' "$work/store.jsonl" "$seed_sha" 2>/dev/null)
if [ "$seed_stories" = "$expect_stories" ]; then
    ok "the seed gave $expect_stories story lines, once each across restarts"
else
    not_ok "the seed gave $expect_stories story lines, once each across restarts (got ${seed_stories:-none})"
fi
explained=$(nspawn_exec journalctl -u "$UNIT" -x --no-pager MESSAGE_ID=6b38d59c8f5c49479424abbd0f2a4dc3 -n 1 2>&1)
if grep -q 'Defined-By: bulletind' <<<"$explained" && grep -q 'Subject: New story: ' <<<"$explained"; then
    ok "journalctl -x explains a new-story entry from the installed catalog"
else
    not_ok "journalctl -x explains a new-story entry from the installed catalog" "$explained"
fi

# --- the crash-loop guard under systemd (issue #14) -----------------------------------------
# The unit's ExecStopPost= writes how each run ended ($SERVICE_RESULT $EXIT_CODE $EXIT_STATUS)
# to /run/bulletind/last-exit; the next start counts a death against the bulletin it was reading
# only for an end like a crash (here the watchdog and SIGKILL), not for an admin's stop (here a
# stop that outlasts TimeoutStopSec=, ended by systemd's own SIGKILL: Result timeout).
last_exit() { nspawn_exec cat /run/bulletind/last-exit 2>/dev/null; }
if [ "$(last_exit)" = "success exited 0" ]; then
    ok "ExecStopPost= recorded the stop in /run/bulletind/last-exit: success exited 0"
else
    not_ok "ExecStopPost= recorded the stop in /run/bulletind/last-exit: success exited 0 (got '$(last_exit)')"
fi
limits="$(show StartLimitIntervalUSec) $(show StartLimitBurst) $(show RestartPreventExitStatus)"
if [ "$limits" = "10min 30 64" ]; then
    ok "start limit 30 starts in 10 min, no restart after exit 64 (StartLimitIntervalUSec StartLimitBurst RestartPreventExitStatus: $limits)"
else
    not_ok "start limit 30 starts in 10 min, no restart after exit 64 (got: $limits)"
fi
nspawn_exec sh -c "mkdir -p /etc/systemd/system/$UNIT.d && printf '[Service]\nTimeoutStopSec=300ms\n' >/etc/systemd/system/$UNIT.d/40-test-stop.conf" &&
    nspawn_exec systemctl daemon-reload || not_ok "a drop-in with TimeoutStopSec=300ms"
big_stories=${BIG_STORIES:-100000}
big="big-$$.txt"
python3 - "$work/big.txt" "$big_stories" "$$-$RANDOM" <<'PY'
import sys
path, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w") as out:
    for n in range(count):
        out.write(f"Loop story {n} of run {tag}\n\nOSLO -- Story {n} number {n * 7919 % 100003} of {count}.\n\n")
PY
ingesting_big() { # the bulletin is claimed: the daemon claims a file right before it reads it
    nspawn_exec test -f "$SPOOL/inbox/.bulletind-claimed/$big"
}
claimed_note() { # claimed_note TEXT: the journal has the still-claimed entry with that text
    sync_journal
    nspawn_exec journalctl -u "$UNIT" --no-pager -o cat MESSAGE_ID=747dad7a787e4bedbd37de851e078478 | grep -qF -- "$big: still claimed at start; $1"
}
reading_begun() { # the restarted daemon has marked the claimed bulletin as begun (durably)
    nspawn_exec awk '$4 == 1 { found = 1 } END { exit !found }' /var/lib/bulletind/state/claimed-at-start
}
journal_tail() { nspawn_exec journalctl -u "$UNIT" --no-pager -n 15 2>&1; }
nspawn_exec systemctl start "$UNIT" || not_ok "the service starts again"
main_pid=$(show MainPID)
drop_bulletin "$work/big.txt" "$big" || not_ok "a bulletin of $big_stories stories dropped"
# 1. A hang while reading a new bulletin: the watchdog (SIGABRT), Result watchdog: counts. (systemd
# arms the watchdog once the unit is ready: a bulletin read again at start, before READY=1, is
# bounded by inbox.file_time_limit_s and TimeoutStartSec= instead.)
if wait_until 60 ingesting_big; then
    restarts=$(show NRestarts)
    nspawn_exec kill -STOP "$main_pid"
    # SIGABRT, then systemd's SIGKILL if the core dump outlasts TimeoutAbortSec= (here 300 ms).
    watchdog_note() {
        claimed_note "the daemon died while ingesting it (the last run ended with SERVICE_RESULT=watchdog EXIT_CODE=dumped EXIT_STATUS=ABRT): 1 of 3 deaths" ||
            claimed_note "the daemon died while ingesting it (the last run ended with SERVICE_RESULT=watchdog EXIT_CODE=killed EXIT_STATUS=ABRT): 1 of 3 deaths" ||
            claimed_note "the daemon died while ingesting it (the last run ended with SERVICE_RESULT=watchdog EXIT_CODE=killed EXIT_STATUS=KILL): 1 of 3 deaths"
    }
    if wait_until $((watchdog_sec * 5 + 20)) nrestarts_is $((restarts + 1)) && wait_until 30 watchdog_note; then
        ok "a watchdog kill mid-bulletin is counted against the bulletin (1 of 3)"
    else
        not_ok "a watchdog kill mid-bulletin is counted against the bulletin (1 of 3)" "$(journal_tail)"
    fi
else
    not_ok "the daemon was ingesting $big (claimed) when it hung"
fi
# 2. SIGKILL while it is read again (systemctl kill -s KILL: systemd cannot tell it from any other
# SIGKILL): counts.
if wait_until 60 reading_begun; then
    restarts=$(show NRestarts)
    nspawn_exec systemctl kill -s KILL "$UNIT"
    if wait_until 30 nrestarts_is $((restarts + 1)) && wait_until 30 claimed_note \
        "the daemon died while ingesting it (the last run ended with SERVICE_RESULT=signal EXIT_CODE=killed EXIT_STATUS=KILL): 2 of 3 deaths"; then
        ok "SIGKILL while the bulletin is read again: restarted, and the death is counted against it (2 of 3)"
    else
        not_ok "SIGKILL while the bulletin is read again: restarted, and the death is counted against it (2 of 3)" "$(journal_tail)"
    fi
else
    not_ok "the restarted daemon marked $big as begun in state/claimed-at-start" "$(nspawn_exec cat /var/lib/bulletind/state/claimed-at-start 2>&1)"
fi
# 3. An admin's stop that outlasts TimeoutStopSec=300ms: systemd's SIGKILL, Result timeout: not
# counted. Under the old count (every start that found it claimed) this start set it aside.
if wait_until 60 reading_begun; then
    nspawn_exec systemctl stop "$UNIT"
    stopped="$(show Result) $(last_exit)"
    nspawn_exec systemctl start --no-block "$UNIT"
    if [ "$stopped" = "timeout timeout killed KILL" ] && wait_until 30 claimed_note \
        "the last run ended with SERVICE_RESULT=timeout EXIT_CODE=killed EXIT_STATUS=KILL, which does not count against it: 2 of 3 deaths"; then
        ok "a stop that outlasts TimeoutStopSec= (Result timeout) does not count against the bulletin in hand (still 2 of 3)"
    else
        not_ok "a stop that outlasts TimeoutStopSec= (Result timeout) does not count against the bulletin in hand (Result and record: $stopped)" "$(journal_tail)"
    fi
else
    not_ok "the restarted daemon marked $big as begun before it was stopped"
fi
# Two deaths of three: the bulletin is read again, and stored exactly once.
big_done() { nspawn_exec test -f "$SPOOL/processed/$big"; }
if wait_until 180 big_done; then
    ids=$(store_copy | python3 -c '
import json, sys
lines = [json.loads(l) for l in sys.stdin if l.strip()]
mine = [l for l in lines if l["bulletin"]["file"] == sys.argv[1]]
print(len(mine), len({l["id"] for l in mine}))' "$big")
    if [ "$ids" = "$big_stories $big_stories" ]; then
        ok "after two counted deaths and one admin's stop the bulletin is ingested, exactly once ($big_stories lines, $big_stories ids)"
    else
        not_ok "after two counted deaths and one admin's stop the bulletin is ingested, exactly once (lines, ids: $ids)"
    fi
else
    not_ok "the bulletin reached $SPOOL/processed after its restarts" "$(nspawn_exec journalctl -u "$UNIT" --no-pager -n 15 2>&1)"
fi
nspawn_exec systemctl stop "$UNIT"

log "service-test took $(($(now_ms) - started_ms)) ms"
summary
