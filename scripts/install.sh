#!/usr/bin/env bash
# Builds chorus and installs it with its default audiences and phrasebook:
#   PREFIX/bin/chorus
#   PREFIX/share/chorus/audiences/
#   PREFIX/share/chorus/phrasebook/
# The binary finds its defaults relative to its own location, so the installed tree (or a copy
# of it) works from any directory. On Linux the Swift runtime is linked in statically when the
# toolchain has it, so the binary runs on machines without Swift.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/install.sh [--prefix DIR] [--configuration release|debug] [--no-build] [--uninstall]

  --prefix DIR          where to install (default: $PREFIX, else /usr/local)
  --configuration C     build configuration (default: release)
  --no-build            install what is already built; do not run swift build
  --uninstall           remove PREFIX/bin/chorus and PREFIX/share/chorus
  -h, --help            show this help
USAGE
}

prefix="${PREFIX:-/usr/local}"
configuration=release
build=1
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install: --prefix needs a folder" >&2; usage >&2; exit 64; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --configuration|-c) [ $# -ge 2 ] || { echo "install: --configuration needs release or debug" >&2; exit 64; }; configuration="$2"; shift 2 ;;
        --configuration=*) configuration="${1#--configuration=}"; shift ;;
        --no-build) build=0; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install: unknown option '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
case "$configuration" in release|debug) ;; *) echo "install: --configuration is release or debug, not '$configuration'" >&2; exit 64 ;; esac
[ -n "$prefix" ] || { echo "install: the prefix is empty" >&2; exit 64; }
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac

if [ "$uninstall" -eq 1 ]; then
    rm -f "$prefix/bin/chorus"
    rm -rf "$prefix/share/chorus"
    echo "removed $prefix/bin/chorus and $prefix/share/chorus"
    exit 0
fi

cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1; then
    for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        if [ -x "$candidate/swift" ]; then export PATH="$candidate:$PATH"; break; fi
    done
fi
command -v swift >/dev/null 2>&1 || { echo "install: the Swift toolchain (swift) is needed to build chorus; see https://www.swift.org/install" >&2; exit 2; }

# Whether libcurl's development files (the libcurl.so link) are installed.
has_curl_dev() {
    for candidate in /usr/lib/libcurl.so /usr/lib64/libcurl.so /usr/lib/*-linux-gnu/libcurl.so /usr/local/lib/libcurl.so; do
        [ -e "$candidate" ] && return 0
    done
    return 1
}

flags=(-c "$configuration")
if [ "$(uname -s)" = Linux ]; then
    static_libs="$(dirname "$(command -v swift)")/../lib/swift_static/linux/libswiftCore.a"
    if [ -f "$static_libs" ]; then
        # Publishing uses FoundationNetworking, whose static library links libcurl: a static
        # build needs libcurl's development files (libcurl4-openssl-dev on Debian and Ubuntu).
        if has_curl_dev; then
            flags+=(--static-swift-stdlib)
        else
            echo "install: note: libcurl's development files are not installed (apt-get install libcurl4-openssl-dev), so the Swift runtime is linked dynamically: the binary needs the Swift runtime where it runs" >&2
        fi
    fi
fi
if [ "$build" -eq 1 ]; then
    echo "install: swift build ${flags[*]} --product chorus"
    swift build "${flags[@]}" --product chorus
fi
bin="$(swift build "${flags[@]}" --show-bin-path)"
[ -x "$bin/chorus" ] || { echo "install: $bin/chorus is not built; run without --no-build" >&2; exit 2; }

mkdir -p "$prefix/bin" "$prefix/share/chorus"
# Write beside the target and rename, so a running chorus is never half overwritten.
cp "$bin/chorus" "$prefix/bin/.chorus.new"
chmod 755 "$prefix/bin/.chorus.new"
mv -f "$prefix/bin/.chorus.new" "$prefix/bin/chorus"
for folder in audiences phrasebook; do
    rm -rf "$prefix/share/chorus/$folder.new"
    cp -R "$folder" "$prefix/share/chorus/$folder.new"
    rm -rf "$prefix/share/chorus/$folder"
    mv "$prefix/share/chorus/$folder.new" "$prefix/share/chorus/$folder"
done
chmod -R a+rX "$prefix/share/chorus"

# The installed binary must find its defaults from anywhere: check it from the root folder.
(cd / && "$prefix/bin/chorus" audiences > /dev/null) || { echo "install: the installed chorus cannot load its defaults" >&2; exit 1; }
echo "installed $("$prefix/bin/chorus" --version | tr -d '\n') to $prefix/bin/chorus, defaults in $prefix/share/chorus"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
