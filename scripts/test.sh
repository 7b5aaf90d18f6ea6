#!/usr/bin/env bash
# Build (via setup.sh, without the example) and run every test suite: labels unit,
# golden, engine, cli and slow. Extra arguments go to ctest (e.g. -L cli, -LE slow).
# Exit code: ctest's.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${SCHEMERGE_BUILD_DIR:-$repo/build}"

"$repo/scripts/setup.sh" --no-example

rc=0
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@" || rc=$?
exit "$rc"
