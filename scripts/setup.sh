#!/usr/bin/env bash
# Install what is missing (Debian 12 packages only), configure and build schemerge,
# then run `schemerge dump` and `schemerge diff` on the bundled examples.
#
#   scripts/setup.sh [--no-example]
#
# Idempotent: packages already installed are not touched (and `apt-get update` is only
# run when something is missing); the build directory is reused.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${SCHEMERGE_BUILD_DIR:-$repo/build}"
run_example=1

for arg in "$@"; do
  case "$arg" in
    --no-example) run_example=0 ;;
    -h|--help)
      sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup.sh: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

log() { printf '==> %s\n' "$*" >&2; }

# Keep this list in sync with README.md ("Build") and ARCHITECTURE.md.
packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libpg-query-dev libprotobuf-c-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libgit2-dev
  libgtest-dev libbenchmark-dev
  libpq-dev postgresql-15 postgresql-client-15
  jq
  # the MySQL grammar: Debian's antlr4 tool (4.7.2, runs on a JRE) generates it at build
  # time; libantlr4-runtime-dev (4.9) is its C++ runtime
  antlr4 libantlr4-runtime-dev default-jre-headless
  # the MySQL engine tests: a throwaway MariaDB 10.11 server and its client; `verify
  # --dialect mysql --dsn` connects through MariaDB Connector/C
  mariadb-server mariadb-client libmariadb-dev
  # packaging: man pages and completion (python3), the .deb's Depends (dpkg-dev's
  # dpkg-shlibdeps), rendering the man pages in tests (groff-base), the pre-commit hooks
  # tried through pre-commit and the metadata checker compared with PyYAML (python3-yaml).
  # debootstrap (the package on a clean root) is not listed: that test skips without it.
  python3 dpkg-dev groff-base pre-commit python3-yaml
)

missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} > 0)); then
  log "installing missing packages: ${missing[*]}"
  sudo_cmd=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup.sh: not root and sudo is not available; install: ${missing[*]}" >&2
      exit 1
    fi
    # -n: never prompt (CI has no terminal); fail instead.
    sudo_cmd=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null
else
  log "all ${#packages[@]} packages already installed"
fi

jobs="$(nproc 2>/dev/null || echo 2)"

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  log "configuring $build_dir"
  cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
else
  # Re-running cmake on an existing tree is cheap and picks up new folders; keep the
  # generator the tree was made with.
  log "reconfiguring $build_dir"
  cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi

log "building with -j$jobs"
cmake --build "$build_dir" -j"$jobs"

if ((run_example)); then
  example="$repo/examples/shop/schema.sql"
  log "schemerge dump ${example#"$repo"/}"
  "$build_dir/bin/schemerge" dump "$example"
  next="$repo/examples/shop-v2/schema.sql"
  log "schemerge diff ${example#"$repo"/} ${next#"$repo"/}"
  "$build_dir/bin/schemerge" diff "$example" "$next"
  log "the hotfix demo: a git repository from examples/demo, then schemerge fold"
  SCHEMERGE="$build_dir/bin/schemerge" bash "$repo/scripts/demo.sh" "$build_dir/demo"
fi
