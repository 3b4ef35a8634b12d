#!/usr/bin/env bash
# Installs what building and testing bulletind needs, only when it is missing: libsystemd's
# headers and pkg-config; ICU, uchardet and CLD2 (charset detection, conversion and language
# identification; apt); Python's jsonschema (the tests' validator) with the packages it checks
# the uri and date-time formats with (ninjs output).
#
# --build-only: what building needs and nothing more (`make run`): no test tools. The system
# tests' packages (Tests/System/REQUIREMENTS) are installed only as root, or when
# BULLETIND_SYSTEM_TESTS=1; BULLETIND_SYSTEM_TESTS=0 leaves them out as root too.
set -euo pipefail
build_only=false
[ "${1:-}" = --build-only ] && build_only=true
system_tests=${BULLETIND_SYSTEM_TESTS:-$([ "$(id -u)" -eq 0 ] && echo 1 || echo 0)}
$build_only && system_tests=0

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v pkg-config >/dev/null 2>&1 || apt_packages+=(pkg-config)
pkg-config --exists libsystemd 2>/dev/null || apt_packages+=(libsystemd-dev)
pkg-config --exists icu-uc icu-i18n 2>/dev/null || apt_packages+=(libicu-dev)
pkg-config --exists uchardet 2>/dev/null || apt_packages+=(libuchardet-dev)
[ -e /usr/include/cld2/public/compact_lang_det.h ] || apt_packages+=(libcld2-dev)
$build_only || command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
if [ -f Tests/System/REQUIREMENTS ] && [ "$system_tests" = 1 ]; then
    while read -r package; do
        [ -n "$package" ] && [ "${package#\#}" = "$package" ] || continue
        dpkg -s "$package" >/dev/null 2>&1 || apt_packages+=("$package")
    done < Tests/System/REQUIREMENTS
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
    echo "installing with apt: ${apt_packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

$build_only && exit 0

if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "installing Python's jsonschema"
    python3 -m pip install --quiet jsonschema 2>/dev/null \
        || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null
fi

if ! python3 -c 'import rfc3986_validator, rfc3339_validator' 2>/dev/null; then
    echo "installing Python's rfc3986-validator and rfc3339-validator (jsonschema's format checks)"
    python3 -m pip install --quiet rfc3986-validator rfc3339-validator
fi
