#!/usr/bin/env bash
# install-systemd.sh [--destdir DIR] [--prefix PREFIX]
#
# Installs bulletind's systemd integration (what "make install" calls after installing the
# binary at PREFIX/bin/bulletind). PREFIX defaults to /usr/local; all four folders below are
# read by systemd 252 (checked in a Debian 12 container):
#   PREFIX/lib/systemd/system/bulletind.service
#   PREFIX/lib/sysusers.d/bulletind.conf        (sysusers.d files must end in .conf)
#   PREFIX/lib/tmpfiles.d/bulletind.conf        (tmpfiles.d files must end in .conf)
#   PREFIX/lib/systemd/catalog/bulletind.catalog
#   /etc/bulletind/bulletind.yaml               (from config/bulletind.yaml, if the repo has
#                                                one; an existing file is never overwritten)
# Without --destdir (a real install, as root) it then creates the user and the spool, compiles
# the catalog and reloads systemd. With --destdir it only stages files.
set -eu

destdir=""
prefix=/usr/local
while [ $# -gt 0 ]; do
    case $1 in
        --destdir) destdir=$2; shift 2 ;;
        --prefix) prefix=$2; shift 2 ;;
        *) echo "usage: $0 [--destdir DIR] [--prefix PREFIX]" >&2; exit 64 ;;
    esac
done
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=${destdir%/}

install -d "$root$prefix/lib/systemd/system" "$root$prefix/lib/sysusers.d" \
    "$root$prefix/lib/tmpfiles.d" "$root$prefix/lib/systemd/catalog"
# The unit names the binary by its full path: follow the prefix.
sed -e "s|/usr/local/bin/bulletind|$prefix/bin/bulletind|g" \
    -e "s|/usr/local/share/doc/bulletind|$prefix/share/doc/bulletind|g" \
    "$top/systemd/bulletind.service" >"$root$prefix/lib/systemd/system/bulletind.service"
chmod 0644 "$root$prefix/lib/systemd/system/bulletind.service"
install -m 0644 "$top/systemd/bulletind.sysusers" "$root$prefix/lib/sysusers.d/bulletind.conf"
install -m 0644 "$top/systemd/bulletind.tmpfiles" "$root$prefix/lib/tmpfiles.d/bulletind.conf"
sed -e "s|/usr/local/share/doc/bulletind|$prefix/share/doc/bulletind|g" \
    "$top/systemd/bulletind.catalog" >"$root$prefix/lib/systemd/catalog/bulletind.catalog"
chmod 0644 "$root$prefix/lib/systemd/catalog/bulletind.catalog"
if [ -f "$top/config/bulletind.yaml" ] && [ ! -e "$root/etc/bulletind/bulletind.yaml" ]; then
    install -D -m 0644 "$top/config/bulletind.yaml" "$root/etc/bulletind/bulletind.yaml"
fi

if [ -z "$destdir" ]; then
    systemd-sysusers bulletind.conf
    systemd-tmpfiles --create bulletind.conf
    journalctl --update-catalog
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
    fi
fi
