#!/usr/bin/env bash
# metrics-test.sh BULLETIND_BINARY
#
# The metrics file for node_exporter's textfile collector, from the real daemon, and the sample
# alerts of docs/service.md, checked with Prometheus' own promtool (Debian's prometheus package):
# - `BINARY run --metrics-textfile D/node-exporter/bulletind.prom --metrics-interval-s 1` under a
#   strict umask; the seed, a re-sent copy of it (14 exact duplicates), a binary file and the
#   seed again (already ingested) are dropped; the file must show what happened (bulletins,
#   stories by kind and match, rejections by reason, bytes read, durations, backlog, index and
#   store sizes, the last ingest time as the store's last line has it), be world-readable, leave
#   no temporary file where the collector reads, and pass `promtool check metrics` cleanly;
# - SIGTERM: the file is written once more at stop; SIGKILL and a restart: the new process
#   counts the recovered start;
# - the alert rules block of docs/service.md passes `promtool check rules`, and
#   `promtool test rules` (lib/metrics-alerts-test.yml) proves each alert fires when it should
#   and stays silent when it should not.
#
# Needs promtool. One "ok - ..." / "not ok - ..." line per check, a closing "N passed, M failed".
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=Tests/System/lib/common.sh
source "$here/lib/common.sh"

binary_argument "$@"
command -v promtool >/dev/null || { echo "$0: needs promtool (apt-get install prometheus)" >&2; exit 1; }

seed="$(repo_root)/seeds/000_60ecd2c4a9cd0293.txt"
work=$(mktemp -d /tmp/bulletind-metrics-test.XXXXXX)
metrics=$work/node-exporter/bulletind.prom
daemon_pid=""
cleanup() {
    [ -n "$daemon_pid" ] && kill -KILL "$daemon_pid" 2>/dev/null
    remove_work "$work"
}
trap cleanup EXIT
mkdir -p "$work/node-exporter" "$work/inbox" "$work/staging"

start_daemon() {
    (cd "$work" && umask 027 && exec env -u JOURNAL_STREAM -u NOTIFY_SOCKET "$binary" run \
        --metrics-textfile "$metrics" --metrics-interval-s 1 2>>"$work/daemon.stderr") &
    daemon_pid=$!
}
sample() { # sample SERIES: its value in the metrics file
    awk -v s="$1" '$1 == s { print $2 }' "$metrics" 2>/dev/null
}
sample_is() { [ "$(sample "$1")" = "$2" ]; }
drop() { # drop FILE NAME: written beside the inbox, renamed in
    cp "$1" "$work/staging/$2" && mv "$work/staging/$2" "$work/inbox/$2"
}
show_file() { sed 's/^/  /' "$metrics" 2>/dev/null | grep -v '^  #' | head -60; }

start_daemon
if wait_until 10 test -s "$metrics"; then ok "the daemon writes $metrics at start"; else not_ok "the daemon writes the metrics file at start" "$(cat "$work/daemon.stderr")"; fi
drop "$seed" seed.txt
(cat "$seed"; echo) >"$work/resent"
drop "$work/resent" resent.txt
printf 'bin\0ary' >"$work/binary"
drop "$work/binary" binary.txt
drop "$seed" again.txt
store_size() { stat -c %s "$work/stories.jsonl"; }
settled() { sample_is bulletind_bulletins_already_ingested_total 1 && sample_is bulletind_store_size_bytes "$(store_size).0"; }
if wait_until 20 settled; then ok "the file catches up with four drops within seconds"; else not_ok "the file catches up with four drops" "$(show_file)"; fi

seed_bytes=$(stat -c %s "$seed")
expect() { # expect SERIES VALUE
    if sample_is "$1" "$2"; then ok "$1 = $2"; else not_ok "$1 = $2 (is '$(sample "$1")')"; fi
}
expect bulletind_bulletins_ingested_total 2
expect 'bulletind_stories_total{kind="story",match="none"}' 14
expect 'bulletind_stories_total{kind="duplicate",match="exact"}' 14
expect 'bulletind_bulletins_rejected_total{reason="binary"}' 1
expect 'bulletind_bulletins_rejected_total{reason="empty"}' 0
expect bulletind_bulletins_already_ingested_total 1
expect bulletind_bytes_read_total $((seed_bytes * 3 + 1 + 7))
expect bulletind_ingest_duration_seconds_count 2
expect bulletind_index_stories 14.0
expect bulletind_inbox_backlog_files 0.0
expect bulletind_restarts_recovered_total 0
last_line_time=$(tail -n 1 "$work/stories.jsonl" | python3 -c '
import json, sys, datetime
t = json.loads(sys.stdin.read())["received_at"]
print(datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp())')
if python3 -c "import sys; sys.exit(abs(float('$(sample bulletind_last_ingest_timestamp_seconds)') - $last_line_time) > 0.002)"; then
    ok "bulletind_last_ingest_timestamp_seconds is the store's last received_at"
else
    not_ok "bulletind_last_ingest_timestamp_seconds is the store's last received_at ($(sample bulletind_last_ingest_timestamp_seconds) vs $last_line_time)"
fi
mode=$(stat -c %a "$metrics")
if [ "$mode" = 644 ]; then ok "the file is world-readable (644) under umask 027"; else not_ok "the file is world-readable under umask 027 (mode $mode)"; fi
others=$(find "$work/node-exporter" -mindepth 1 ! -name bulletind.prom)
if [ -z "$others" ]; then ok "no temporary file is left in the collector's folder"; else not_ok "no temporary file is left in the collector's folder" "$others"; fi
lint=$(promtool check metrics <"$metrics" 2>&1)
lint_rc=$?
if [ $lint_rc -eq 0 ] && [ -z "$lint" ]; then ok "promtool check metrics: no problem"; else not_ok "promtool check metrics (exit $lint_rc)" "$lint"; fi

# --- at stop, and after a crash -----------------------------------------------------------
(cat "$seed"; echo; echo) >"$work/late"
drop "$work/late" late.txt
wait_until 10 test ! -e "$work/inbox/late.txt"
kill -TERM "$daemon_pid"
wait "$daemon_pid"
stop_rc=$?
daemon_pid=""
if [ $stop_rc -eq 0 ] && sample_is bulletind_bulletins_ingested_total 3; then
    ok "SIGTERM: exit 0, and the file written at stop counts the last bulletin"
else
    not_ok "SIGTERM: exit 0, and the file written at stop counts the last bulletin (exit $stop_rc)" "$(show_file)"
fi
start_daemon
wait_until 10 sample_is bulletind_bulletins_ingested_total 0
drop "$work/resent" resent-again.txt
(cat "$seed"; echo; echo; echo) >"$work/last"
drop "$work/last" last.txt
wait_until 10 sample_is bulletind_bulletins_ingested_total 1
kill -KILL "$daemon_pid"
wait "$daemon_pid" 2>/dev/null
start_daemon
if wait_until 10 sample_is bulletind_restarts_recovered_total 1; then
    ok "a start after SIGKILL counts bulletind_restarts_recovered_total 1"
else
    not_ok "a start after SIGKILL counts bulletind_restarts_recovered_total 1" "$(show_file)"
fi
kill -TERM "$daemon_pid"
wait "$daemon_pid"
daemon_pid=""

# --- the sample alerts of docs/service.md ------------------------------------------------
awk '/^```yaml$/ { inside = 1; next } inside && /^```$/ { exit } inside' "$(repo_root)/docs/service.md" >"$work/bulletind.yml"
if grep -q 'alert: BulletindStalled' "$work/bulletind.yml"; then ok "docs/service.md has the sample alert rules"; else not_ok "docs/service.md has the sample alert rules"; fi
check "promtool check rules on the sample alerts" promtool check rules "$work/bulletind.yml"
cp "$here/lib/metrics-alerts-test.yml" "$work/"
check "promtool test rules: each alert fires when it should, and only then" promtool test rules "$work/metrics-alerts-test.yml"

summary
