#!/usr/bin/env bash
# security-score.sh [UNIT_FILE] [MAX_EXPOSURE]
#
# Prints the hardening exposure of the unit file as systemd-analyze scores it (offline: the
# file alone, nothing installed) and fails when it is above MAX_EXPOSURE (default 1.5).
# "make security-score" runs this. Needs systemd 252+ (systemd-analyze).
# Set VERBOSE=1 to see the full table of checks.
set -u
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
unit=${1:-$top/systemd/bulletind.service}
max=${2:-1.5}

command -v systemd-analyze >/dev/null || { echo "security-score: systemd-analyze not found (apt-get install systemd)" >&2; exit 2; }
[ -r "$unit" ] || { echo "security-score: cannot read $unit" >&2; exit 2; }

# --threshold takes exposure x 10 as an integer and exits 1 above it.
threshold=$(awk -v m="$max" 'BEGIN {printf "%d", m * 10 + 0.5}')
out=$(SYSTEMD_COLORS=0 systemd-analyze security --no-pager --offline=true --threshold="$threshold" "$unit" 2>&1)
rc=$?
[ -n "${VERBOSE:-}" ] && printf '%s\n' "$out"
line=$(printf '%s\n' "$out" | grep 'Overall exposure level')
score=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9][0-9.]*\) .*/\1/p')
if [ -z "$score" ]; then
    printf '%s\n' "$out" >&2
    echo "security-score: no exposure score in systemd-analyze's output" >&2
    exit 2
fi
printf '%s\n' "$line"
if [ "$rc" -ne 0 ] || awk -v s="$score" -v m="$max" 'BEGIN {exit !(s > m)}'; then
    echo "security-score: exposure $score is above $max; the table (✗ rows) says what is missing:" >&2
    printf '%s\n' "$out" | grep '✗' >&2
    exit 1
fi
echo "security-score: exposure $score <= $max: ok"
