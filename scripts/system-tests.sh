#!/usr/bin/env bash
# system-tests.sh BINARY STAGE   (make system-test)
#
# Runs every system test (Tests/System/README.md) in turn and ends with a summary: each test
# passed, failed or skipped, and why it was skipped. Exits non-zero when any test failed.
# As root (CI) every test must run: only the memory-limit test may skip there (it exits 77
# without a memory cgroup controller it can use). As another user, the tests that need root
# exit 77 at once and are reported as skipped, and the metrics test is skipped without promtool
# (the system tests' packages are installed only as root); the others run.
set -u
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=${1:?usage: system-tests.sh BINARY STAGE}
stage=${2:?usage: system-tests.sh BINARY STAGE}
root=false
[ "$(id -u)" -eq 0 ] && root=true

passed=() failed=() skipped=()
for test in fault-injection full-disk journal metrics memory-limit bulletin-memory service; do
    case $test in
        fault-injection) command=(python3 "$top/Tests/System/fault-injection-test.py" "$binary") ;;
        bulletin-memory) command=(python3 "$top/Tests/System/bulletin-memory-test.py" "$binary") ;;
        service) command=(bash "$top/Tests/System/service-test.sh" "$binary" "$stage") ;;
        *) command=(bash "$top/Tests/System/$test-test.sh" "$binary") ;;
    esac
    if [ $test = metrics ] && ! $root && ! command -v promtool >/dev/null; then
        skipped+=("metrics: needs promtool (apt-get install prometheus; installed by make test as root)")
        continue
    fi
    echo "== system test: $test"
    "${command[@]}" 2>"/tmp/bulletind-system-test.$$.err"
    status=$?
    reason=$(grep -m1 'needs\|cannot make' "/tmp/bulletind-system-test.$$.err" | sed 's/^[^:]*: //')
    cat "/tmp/bulletind-system-test.$$.err" >&2
    rm -f "/tmp/bulletind-system-test.$$.err"
    if [ $status -eq 0 ]; then
        passed+=("$test")
    elif [ $status -eq 77 ] && { ! $root || [ $test = memory-limit ]; }; then
        skipped+=("$test: ${reason:-cannot run here}")
    else
        failed+=("$test (exit $status)")
    fi
done
echo "system tests: ${#passed[@]} passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
for test in "${skipped[@]}"; do echo "  skipped: $test"; done
$root || [ ${#skipped[@]} -eq 0 ] || echo "  (run as root to run them all: sudo make system-test; CI runs make test as root)"
for test in "${failed[@]}"; do echo "  FAILED: $test"; done
[ ${#failed[@]} -eq 0 ]
