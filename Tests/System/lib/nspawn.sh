# shellcheck shell=bash
# A real systemd as PID 1 in a systemd-nspawn container, for end-to-end tests of units.
#
# Works on a host whose PID 1 is not systemd (no machined, no host D-Bus): the container is
# booted with --register=no --keep-unit from a cgroup folder of its own, driven with nsenter,
# and torn down by its nspawn PID. Needs root, systemd-container and debootstrap.
#
#   source Tests/System/lib/common.sh
#   source Tests/System/lib/nspawn.sh
#   nspawn_build_root            # cached minimal Debian root (30-40 s the first time)
#   nspawn_boot                  # boots it (--volatile=overlay: the cache is never changed)
#   trap nspawn_cleanup EXIT     # always stop it
#   nspawn_exec systemctl is-system-running
#   tar -C STAGE -cf - . | nspawn_copy_in_tar
#   nspawn_stop
#
# Tunables (environment):
#   NSPAWN_CACHE_DIR       where roots are cached (default REPO/.build-system/nspawn)
#   NSPAWN_EXTRA_PACKAGES  comma-separated packages added to the root (part of the cache key)
#   NSPAWN_SUITE           Debian suite (default: the host's VERSION_CODENAME, else bookworm)
#   NSPAWN_MIRROR          Debian mirror (default: the first one in the host's apt sources)
#   NSPAWN_BOOT_TIMEOUT    seconds to wait for boot (default 60)
#   NSPAWN_KEEP_LOG        when set, the boot log is kept (its path is printed)

NSPAWN_BASE_PACKAGES="systemd,systemd-sysv,dbus,procps"
NSPAWN_NAME=""
NSPAWN_PID=""
NSPAWN_LEADER=""
NSPAWN_LOG=""
NSPAWN_ROOT=""
NSPAWN_CGROUPS=()

_nspawn_repo_root() {
    (cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
}

_nspawn_suite() {
    if [ -n "${NSPAWN_SUITE:-}" ]; then
        echo "$NSPAWN_SUITE"
        return
    fi
    local codename
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    echo "${codename:-bookworm}"
}

# The mirror the host's apt already uses (deb822 or one-line format), for the main archive.
_nspawn_mirror() {
    if [ -n "${NSPAWN_MIRROR:-}" ]; then
        echo "$NSPAWN_MIRROR"
        return
    fi
    local uri=""
    if [ -r /etc/apt/sources.list.d/debian.sources ]; then
        uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$uri" ] && [ -r /etc/apt/sources.list ]; then
        uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' /etc/apt/sources.list)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

_nspawn_packages() {
    local pkgs=$NSPAWN_BASE_PACKAGES
    [ -n "${NSPAWN_EXTRA_PACKAGES:-}" ] && pkgs="$pkgs,$NSPAWN_EXTRA_PACKAGES"
    echo "$pkgs"
}

# nspawn_root_path: the cache folder for the current suite and package set.
nspawn_root_path() {
    local cache=${NSPAWN_CACHE_DIR:-$(_nspawn_repo_root)/.build-system/nspawn} key
    key=$(printf '%s\n' "v1" "$(_nspawn_suite)" "$(_nspawn_packages)" | sha256sum | cut -c1-12)
    echo "$cache/$(_nspawn_suite)-$key"
}

# nspawn_build_root: builds the cached root unless it is complete already; prints its path.
# A half-built root (interrupted debootstrap) is never used: it is built aside and renamed.
nspawn_build_root() {
    local root cache tmp rc
    root=$(nspawn_root_path)
    cache=$(dirname "$root")
    if [ -e "$root/.bulletind-root-complete" ]; then
        NSPAWN_ROOT=$root
        echo "$root"
        return 0
    fi
    mkdir -p "$cache" || return 1
    # The cache lives in the repo: keep it out of git without touching the repo's .gitignore.
    local top
    top=$(_nspawn_repo_root)/.build-system
    [ -e "$top/.gitignore" ] || printf '*\n' >"$top/.gitignore"
    (
        # One builder at a time; a second one waits (bounded) and then finds the root ready.
        exec 9>"$cache/.lock"
        flock -w 600 9 || { echo "nspawn_build_root: cache lock busy" >&2; exit 1; }
        [ -e "$root/.bulletind-root-complete" ] && exit 0
        tmp="$root.tmp.$$"
        rm -rf "$tmp" "$root"
        log "building $(_nspawn_suite) root with $(_nspawn_packages) from $(_nspawn_mirror) in $root"
        debootstrap --variant=minbase --include="$(_nspawn_packages)" \
            "$(_nspawn_suite)" "$tmp" "$(_nspawn_mirror)" >"$cache/debootstrap.log" 2>&1
        rc=$?
        if [ $rc -ne 0 ]; then
            echo "nspawn_build_root: debootstrap failed ($rc); last lines of $cache/debootstrap.log:" >&2
            tail -n 20 "$cache/debootstrap.log" >&2
            rm -rf "$tmp"
            exit 1
        fi
        chroot "$tmp" apt-get clean >/dev/null 2>&1
        rm -rf "$tmp"/var/lib/apt/lists/* "$tmp"/var/cache/apt/*.bin
        # An empty machine-id: each boot gets a fresh transient one, no first-boot questions.
        : >"$tmp/etc/machine-id"
        rm -f "$tmp/var/lib/dbus/machine-id"
        touch "$tmp/.bulletind-root-complete"
        mv "$tmp" "$root"
    ) || return 1
    NSPAWN_ROOT=$root
    echo "$root"
}

# _nspawn_cgroup_dirs NAME: the cgroup folders the nspawn process is placed in, one per
# hierarchy that exists on this host (hybrid: name=systemd v1 + unified v2; or pure v2).
_nspawn_cgroup_dirs() {
    local name=$1
    if [ -d /sys/fs/cgroup/unified ] || [ -d /sys/fs/cgroup/systemd ]; then
        [ -d /sys/fs/cgroup/systemd ] && echo "/sys/fs/cgroup/systemd/$name"
        [ -d /sys/fs/cgroup/unified ] && echo "/sys/fs/cgroup/unified/$name"
    elif [ -e /sys/fs/cgroup/cgroup.controllers ]; then
        echo "/sys/fs/cgroup/$name"
    fi
}

# The container's PID 1 is the child of nspawn that lives in another PID namespace. Early on,
# nspawn's child is its short-lived "outer child" (same PID namespace), which is not it.
_nspawn_find_leader() {
    local child own
    NSPAWN_LEADER=""
    [ -r "/proc/$NSPAWN_PID/task/$NSPAWN_PID/children" ] || return 1
    own=$(readlink "/proc/$NSPAWN_PID/ns/pid") || return 1
    for child in $(cat "/proc/$NSPAWN_PID/task/$NSPAWN_PID/children"); do
        if [ "$(readlink "/proc/$child/ns/pid" 2>/dev/null)" != "$own" ] &&
            [ -n "$(readlink "/proc/$child/ns/pid" 2>/dev/null)" ]; then
            NSPAWN_LEADER=$child
            return 0
        fi
    done
    return 1
}

_nspawn_has_private_bus() {
    _nspawn_find_leader && [ -S "/proc/$NSPAWN_LEADER/root/run/systemd/private" ]
}

_nspawn_alive() {
    [ -n "$NSPAWN_PID" ] && kill -0 "$NSPAWN_PID" 2>/dev/null
}

# nspawn_boot [NAME]: boots the cached root; sets NSPAWN_PID (nspawn) and NSPAWN_LEADER
# (the container's PID 1 as seen from the host). Returns non-zero (boot log on stderr) if the
# container does not reach "running" or "degraded" within NSPAWN_BOOT_TIMEOUT seconds.
nspawn_boot() {
    local name=${1:-bulletind-test-$$} root=${NSPAWN_ROOT:-$(nspawn_root_path)} dir state
    local timeout=${NSPAWN_BOOT_TIMEOUT:-60}
    [ -e "$root/.bulletind-root-complete" ] || { echo "nspawn_boot: no root at $root (run nspawn_build_root)" >&2; return 1; }
    NSPAWN_NAME=$name
    NSPAWN_LOG=$(mktemp "/tmp/nspawn-$name.XXXXXX.log")
    mapfile -t NSPAWN_CGROUPS < <(_nspawn_cgroup_dirs "$name")
    for dir in "${NSPAWN_CGROUPS[@]}"; do
        mkdir -p "$dir" || return 1
    done
    # setsid: its own session, so a ^C on the test's terminal reaches the test, not nspawn.
    # The wrapper moves itself into the cgroup folders before it becomes nspawn: with
    # --keep-unit nspawn uses the cgroup it was started in; in the root cgroup it would
    # create payload/ and supervisor/ there, and two containers would collide.
    ROOT=$root NAME=$name SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 setsid sh -c '
        for d in "$@"; do echo $$ >"$d/cgroup.procs" || exit 97; done
        exec systemd-nspawn --quiet --directory="$ROOT" --machine="$NAME" \
            --volatile=overlay --register=no --keep-unit --private-network \
            --console=passive --boot -- systemd.firstboot=off
    ' nspawn-wrapper "${NSPAWN_CGROUPS[@]}" \
        </dev/null >"$NSPAWN_LOG" 2>&1 &
    NSPAWN_PID=$!
    if ! wait_until "$timeout" _nspawn_find_leader; then
        echo "nspawn_boot: no container PID 1 after ${timeout}s" >&2
        cat "$NSPAWN_LOG" >&2
        return 1
    fi
    if ! wait_until "$timeout" _nspawn_has_private_bus; then
        echo "nspawn_boot: /run/systemd/private did not appear in ${timeout}s" >&2
        cat "$NSPAWN_LOG" >&2
        return 1
    fi
    state=$(timeout "$timeout" nsenter -t "$NSPAWN_LEADER" -a \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin systemctl is-system-running --wait 2>&1)
    case $state in
        running) return 0 ;;
        degraded)
            echo "nspawn_boot: container is degraded; failed units:" >&2
            nspawn_exec systemctl --failed --no-legend >&2
            return 0
            ;;
        *)
            echo "nspawn_boot: container state '$state'" >&2
            cat "$NSPAWN_LOG" >&2
            return 1
            ;;
    esac
}

# nspawn_exec COMMAND...: runs COMMAND inside the container (all namespaces, its root), with
# a clean environment. Standard input is passed through.
nspawn_exec() {
    nsenter -t "$NSPAWN_LEADER" -a -- /usr/bin/env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 SYSTEMD_PAGER=cat SYSTEMD_COLORS=0 SYSTEMD_LESS= TERM=dumb \
        "$@"
}

# nspawn_copy_in_tar [DEST]: extracts a tar stream from stdin into the container (default /).
# --no-overwrite-dir keeps the owner and mode of folders that exist already: a staged tree's
# top folder (often 0700 from mktemp) would otherwise turn the container's / into 0700.
nspawn_copy_in_tar() {
    nspawn_exec tar -C "${1:-/}" --no-overwrite-dir -xf -
}

# nspawn_copy_in_tree STAGE [DEST]: copies a staged install tree (owned by root:root inside).
nspawn_copy_in_tree() {
    local stage=$1 dest=${2:-/}
    tar -C "$stage" --owner=0 --group=0 --numeric-owner -cf - . | nspawn_copy_in_tar "$dest"
}

# nspawn_copy_in_file SRC DEST [MODE]
nspawn_copy_in_file() {
    local src=$1 dest=$2 mode=${3:-0644}
    nspawn_exec install -D -m "$mode" /dev/stdin "$dest" <"$src"
}

# nspawn_stop: stops the container (SIGTERM to nspawn: a clean shutdown of its systemd),
# escalating to SIGKILL after 20 s; removes its cgroup folders and propagation folder.
nspawn_stop() {
    local dir sub
    if _nspawn_alive; then
        kill -TERM "$NSPAWN_PID" 2>/dev/null
        if ! wait_pid_exit 20 "$NSPAWN_PID"; then
            echo "nspawn_stop: nspawn $NSPAWN_PID ignored SIGTERM for 20 s; killing" >&2
            kill -KILL "$NSPAWN_PID" 2>/dev/null
            wait_pid_exit 10 "$NSPAWN_PID"
        fi
        wait "$NSPAWN_PID" 2>/dev/null
    fi
    # Leftover processes (only after a SIGKILL) and then the folders, deepest first.
    for dir in "${NSPAWN_CGROUPS[@]}"; do
        [ -d "$dir" ] || continue
        while read -r sub; do
            if [ -e "$sub/cgroup.kill" ]; then
                echo 1 >"$sub/cgroup.kill" 2>/dev/null
            elif [ -e "$sub/cgroup.procs" ]; then
                xargs -r kill -KILL <"$sub/cgroup.procs" 2>/dev/null
            fi
        done < <(find "$dir" -depth -type d)
        wait_until 10 _nspawn_cgroup_empty "$dir"
        find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null
    done
    if [ -n "$NSPAWN_NAME" ]; then
        rm -rf "/run/systemd/nspawn/propagate/$NSPAWN_NAME"
    fi
    NSPAWN_PID=""
    NSPAWN_LEADER=""
}

_nspawn_cgroup_empty() {
    local procs
    procs=$(find "$1" -name cgroup.procs -exec cat {} + 2>/dev/null)
    [ -z "$procs" ]
}

# nspawn_cleanup: for "trap nspawn_cleanup EXIT"; keeps the boot log only if asked to.
nspawn_cleanup() {
    nspawn_stop
    if [ -n "$NSPAWN_LOG" ] && [ -e "$NSPAWN_LOG" ]; then
        if [ -n "${NSPAWN_KEEP_LOG:-}" ]; then
            echo "# nspawn boot log kept in $NSPAWN_LOG" >&2
        else
            rm -f "$NSPAWN_LOG"
        fi
    fi
}
