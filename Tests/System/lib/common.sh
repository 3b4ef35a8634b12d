# shellcheck shell=bash
# Shared helpers for the system tests: one line per check, a closing "N passed, M failed" line,
# and bounded polling (never a bare sleep as synchronisation).
#
# Source it; it defines no traps and changes no shell options.

SYSTEM_TEST_PASSED=${SYSTEM_TEST_PASSED:-0}
SYSTEM_TEST_FAILED=${SYSTEM_TEST_FAILED:-0}

# ok DESCRIPTION
ok() {
    SYSTEM_TEST_PASSED=$((SYSTEM_TEST_PASSED + 1))
    printf 'ok - %s\n' "$*"
}

# not_ok DESCRIPTION [DETAIL...]: details go to the following lines, indented with "#".
not_ok() {
    SYSTEM_TEST_FAILED=$((SYSTEM_TEST_FAILED + 1))
    printf 'not ok - %s\n' "$1"
    shift
    local line
    for line in "$@"; do
        printf '%s\n' "$line" | sed 's/^/#   /'
    done
}

# check DESCRIPTION COMMAND...: ok when COMMAND exits 0; its output is shown only on failure.
check() {
    local description=$1 out
    shift
    if out=$("$@" 2>&1); then
        ok "$description"
    else
        not_ok "$description" "command: $*" "$out"
    fi
}

# summary: prints "N passed, M failed" and returns 1 when anything failed.
summary() {
    printf '%d passed, %d failed\n' "$SYSTEM_TEST_PASSED" "$SYSTEM_TEST_FAILED"
    [ "$SYSTEM_TEST_FAILED" -eq 0 ]
}

# log MESSAGE: progress notes on stderr, so stdout stays one line per check.
log() {
    printf '# %s\n' "$*" >&2
}

# now_ms: wall clock in milliseconds (bash 5 EPOCHREALTIME: no subprocess), for deadlines.
now_ms() {
    local t=${EPOCHREALTIME/[.,]/}
    echo $((t / 1000))
}

# wait_until TIMEOUT_SECONDS COMMAND...: polls COMMAND (every 0.05 s, backing off to 0.2 s)
# until it exits 0 or the deadline passes; returns 0 on success, 1 on timeout.
wait_until() {
    local timeout=$1 deadline interval=0.05 polls=0
    shift
    deadline=$(($(now_ms) + timeout * 1000))
    while :; do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        if [ "$(now_ms)" -ge "$deadline" ]; then
            return 1
        fi
        polls=$((polls + 1))
        [ "$polls" -eq 20 ] && interval=0.2
        sleep "$interval"
    done
}

# wait_pid_exit TIMEOUT_SECONDS PID: waits for a process (not necessarily our child) to go away.
wait_pid_exit() {
    local timeout=$1 pid=$2
    wait_until "$timeout" _pid_gone "$pid"
}

# child_exited PID: true once the child PID has exited (a zombie waiting for "wait") or is gone.
child_exited() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
    stat=${stat##*) }
    [ "${stat%% *}" = Z ]
}

_pid_gone() {
    ! kill -0 "$1" 2>/dev/null
}

# repo_root: the repository holding Tests/System (this file is Tests/System/lib/common.sh).
repo_root() {
    (cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
}

# binary_argument "$@": the one argument a system test takes, BULLETIND_BINARY, resolved into
# `binary`; anything else is a usage error (exit 64).
binary_argument() {
    if [ $# -ne 1 ]; then
        echo "usage: $0 BULLETIND_BINARY" >&2
        exit 64
    fi
    binary=$(readlink -f "$1")
    [ -x "$binary" ] || { echo "$0: $1 is not an executable" >&2; exit 64; }
}

# remove_work WORK [NOTE]: removes the work folder, unless a check failed or KEEP_WORKDIR is
# set: then it is kept, and said so (with NOTE, e.g. how to read what is in it).
remove_work() {
    if [ -n "${KEEP_WORKDIR:-}" ] || [ "$SYSTEM_TEST_FAILED" -gt 0 ]; then
        log "work folder kept: $1${2:+ ($2)}"
    else
        rm -rf "$1"
    fi
}
