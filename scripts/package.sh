#!/usr/bin/env bash
# Build the Debian package: schemerge_<version>_<arch>.deb (CPack, from the same CMake
# project), check what it holds, and print its path on stdout.
#
#   scripts/package.sh [--build-dir DIR] [--out DIR]
#
# --build-dir: the CMake tree to package (default $SCHEMERGE_BUILD_DIR, else build/, the
# tree scripts/setup.sh makes; configured first when it has no CMakeCache.txt). The
# `package` target builds whatever is out of date first. --out: copy the .deb there too.
# Checks before printing: the package's Depends name no -dev package, and it holds the
# binary, a man page per command, the bash completion and the README.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${SCHEMERGE_BUILD_DIR:-$repo/build}"
out_dir=""

while (($#)); do
  case "$1" in
    --build-dir) build_dir="${2:?--build-dir needs a directory}"; shift 2 ;;
    --out) out_dir="${2:?--out needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'package.sh: %s\n' "$*" >&2; exit 1; }

for tool in dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || die "$tool not found: install dpkg-dev (scripts/setup.sh does)"
done

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  log "configuring $build_dir"
  cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
fi
jobs="${SCHEMERGE_JOBS:-2}"
log "cmake --build $build_dir --target package (-j$jobs)"
# Old packages first, so the one found below is the one just built.
rm -f "$build_dir"/schemerge_*.deb "$build_dir"/schemerge_*.deb.sha256
cmake --build "$build_dir" -j"$jobs" --target package >&2 || die "cmake --build --target package failed"

shopt -s nullglob
debs=("$build_dir"/schemerge_*.deb)
((${#debs[@]} == 1)) || die "expected one schemerge_*.deb in $build_dir, found ${#debs[@]}"
deb="${debs[0]}"

# --- what the package must hold --------------------------------------------------------------
depends="$(dpkg-deb -f "$deb" Depends)"
[[ -n "$depends" ]] || die "$deb has no Depends (dpkg-shlibdeps did not run?)"
if grep -Eq -- '-dev([ ,(]|$)' <<<"$depends"; then
  die "$deb depends on a -dev package: $depends"
fi
contents="$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|')"
expect_file() {
  grep -qxF -- "$1" <<<"$contents" || die "$deb lacks $1"
}
expect_file /usr/bin/schemerge
expect_file /usr/share/man/man1/schemerge.1.gz
expect_file /usr/share/bash-completion/completions/schemerge
expect_file /usr/share/doc/schemerge/README.md.gz
expect_file /usr/share/doc/schemerge/copyright
while read -r command; do
  expect_file "/usr/share/man/man1/schemerge-$command.1.gz"
done < <("$build_dir/bin/schemerge" --help | awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { print $1 }')

log "$(basename "$deb"): $(du -h "$deb" | cut -f1), Depends: $depends"
if [[ -n "$out_dir" ]]; then
  mkdir -p "$out_dir"
  cp -f "$deb" "$out_dir/"
  deb="$(cd "$out_dir" && pwd)/$(basename "$deb")"
fi
printf '%s\n' "$deb"
