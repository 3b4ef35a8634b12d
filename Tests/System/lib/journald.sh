# shellcheck shell=bash
# A real systemd-journald, private to the test, with no systemd around it.
#
# journald's sockets have fixed paths (/run/systemd/journal/socket, ...), so it must never be
# started where a host journald may run. The test runs in a private mount namespace
# (unshare --mount) with a tmpfs over /run/systemd/journal, its own journal folder bound over
# /run/log/journal, a tmpfs over /var/log/journal (persistent storage is never used) and its
# own journald.conf bound over /etc/systemd/journald.conf. None of these mounts is seen outside
# the namespace, and they vanish with it.
#
#   source Tests/System/lib/common.sh
#   source Tests/System/lib/journald.sh
#   journald_reexec_private "$0" "$@"   # first line of a test: re-runs it in its own mount ns
#   journald_start "$WORK"              # journal files end up in $WORK/journal/<machine-id>
#   trap journald_stop EXIT
#   ... run the program under test (its sd_journal_sendv reaches this journald) ...
#   journald_sync                       # everything sent so far is on disk
#   journald_json MESSAGE_ID=...        # = journalctl -D DIR -o json MESSAGE_ID=...
#
# Or, for a single command: journald_run_private WORKDIR COMMAND... (its own namespace and
# journald for the duration of COMMAND; the journal stays in WORKDIR/journal).

JOURNALD_BIN=${JOURNALD_BIN:-/lib/systemd/systemd-journald}
JOURNALD_PID=""
JOURNALD_DIR=""
JOURNALD_LOG=""

# journald_in_private_ns: true when this shell runs in a mount namespace of its own.
journald_in_private_ns() {
    [ "${BULLETIND_PRIVATE_MOUNT_NS:-}" = "$(readlink /proc/self/ns/mnt)" ] &&
        [ "$(readlink /proc/self/ns/mnt)" != "$(readlink /proc/1/ns/mnt)" ]
}

# journald_reexec_private SCRIPT ARGS...: re-executes SCRIPT in a new mount namespace (with
# private propagation) unless already there. Call it before anything else in a test.
journald_reexec_private() {
    local script=$1
    shift
    journald_in_private_ns && return 0
    if [ -n "${BULLETIND_PRIVATE_MOUNT_NS:-}" ]; then
        echo "journald: still in the host's mount namespace after unshare; refusing to go on" >&2
        exit 2
    fi
    exec unshare --mount --propagation private -- /usr/bin/env \
        BULLETIND_PRIVATE_MOUNT_NS=pending bash -c '
            export BULLETIND_PRIVATE_MOUNT_NS=$(readlink /proc/self/ns/mnt)
            exec bash "$@"' journald-ns "$script" "$@"
}

_journald_socket_ready() {
    [ -S /run/systemd/journal/socket ] && [ -d "$JOURNALD_DIR" ]
}

# journald_start WORKDIR: starts journald in this (private) namespace. Its journal folder is
# WORKDIR/journal/<machine-id>, readable after the test too (journalctl -D).
journald_start() {
    local work=$1 mid
    if ! journald_in_private_ns; then
        echo "journald_start: not in a private mount namespace (call journald_reexec_private first)" >&2
        return 1
    fi
    [ -x "$JOURNALD_BIN" ] || { echo "journald_start: $JOURNALD_BIN missing (apt-get install systemd)" >&2; return 1; }
    mid=$(cat /etc/machine-id 2>/dev/null)
    if [ -z "$mid" ]; then
        # journald needs a machine id; give this namespace one without touching the host's.
        mid=$(systemd-id128 new)
        echo "$mid" >"$work/machine-id"
        mount --bind "$work/machine-id" /etc/machine-id || return 1
    fi
    mkdir -p "$work/journal" /run/systemd/journal /run/log/journal || return 1
    mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run/systemd/journal || return 1
    mount --bind "$work/journal" /run/log/journal || return 1
    if [ -d /var/log/journal ]; then
        mount -t tmpfs -o mode=0755 tmpfs /var/log/journal || return 1
    fi
    cat >"$work/journald.conf" <<'EOF'
[Journal]
Storage=volatile
Compress=no
Seal=no
RateLimitIntervalSec=0
RateLimitBurst=0
ReadKMsg=no
ForwardToSyslog=no
ForwardToKMsg=no
ForwardToConsole=no
ForwardToWall=no
MaxLevelStore=debug
EOF
    if [ -e /etc/systemd/journald.conf ]; then
        mount --bind "$work/journald.conf" /etc/systemd/journald.conf || return 1
    else
        mkdir -p /etc/systemd && cp "$work/journald.conf" /etc/systemd/journald.conf
    fi
    # Drop-ins would override our settings: hide them (only if the folder exists).
    [ -d /etc/systemd/journald.conf.d ] && mount -t tmpfs tmpfs /etc/systemd/journald.conf.d
    JOURNALD_DIR="/run/log/journal/$mid"
    JOURNALD_LOG="$work/journald.log"
    # Its own messages go to its stderr (a log file), never to the host's /dev/kmsg.
    SYSTEMD_LOG_TARGET=console "$JOURNALD_BIN" </dev/null >"$JOURNALD_LOG" 2>&1 &
    JOURNALD_PID=$!
    if ! wait_until 10 _journald_socket_ready; then
        echo "journald_start: no socket after 10 s; journald log:" >&2
        cat "$JOURNALD_LOG" >&2
        return 1
    fi
}

# journald_dir: the folder journalctl -D reads (inside the namespace).
journald_dir() {
    echo "$JOURNALD_DIR"
}

# journald_sync: waits until journald has written everything it received so far.
journald_sync() {
    timeout 10 journalctl --sync >/dev/null 2>&1 || kill -USR1 "$JOURNALD_PID" 2>/dev/null
}

# journald_json [MATCHES...]: the journal's entries as JSON lines (journalctl -o json).
journald_json() {
    journalctl -D "$JOURNALD_DIR" -o json --no-pager "$@"
}

# journald_stop: stops journald (bounded), which closes its files cleanly.
journald_stop() {
    if [ -n "$JOURNALD_PID" ] && kill -0 "$JOURNALD_PID" 2>/dev/null; then
        kill -TERM "$JOURNALD_PID"
        if ! wait_pid_exit 10 "$JOURNALD_PID"; then
            kill -KILL "$JOURNALD_PID" 2>/dev/null
        fi
        wait "$JOURNALD_PID" 2>/dev/null
    fi
    JOURNALD_PID=""
}

# journald_run_private WORKDIR COMMAND...: runs COMMAND in a private mount namespace with its
# own journald; the journal is left in WORKDIR/journal for journalctl -D afterwards.
journald_run_private() {
    local work=$1 lib
    shift
    lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    unshare --mount --propagation private -- bash -c '
        lib=$1 work=$2; shift 2
        export BULLETIND_PRIVATE_MOUNT_NS=$(readlink /proc/self/ns/mnt)
        source "$lib/common.sh"; source "$lib/journald.sh"
        journald_start "$work" || exit 1
        "$@"; rc=$?
        journald_sync
        # The CPU journald spent (user + system seconds), for benchmarks that want it.
        [ -z "${JOURNALD_CPU_FILE:-}" ] ||
            awk -v hz="$(getconf CLK_TCK)" "{ printf \"%.2f\\n\", (\$14 + \$15) / hz }" "/proc/$JOURNALD_PID/stat" >"$JOURNALD_CPU_FILE"
        journald_stop
        exit $rc' journald-run "$lib" "$work" "$@"
}
