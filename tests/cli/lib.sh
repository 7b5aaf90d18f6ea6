# Shared helpers for the CLI tests (sourced, not run).
#
# Each test script is called as `bash tests/cli/X.sh SCHEMERGE_BIN REPO_DIR`, runs checks
# with the helpers below and ends with `finish`, which exits 1 if any check failed.
set -euo pipefail

if (($# < 2)); then
  echo "usage: $(basename "$0") SCHEMERGE_BIN REPO_DIR" >&2
  exit 2
fi
SCHEMERGE="$(realpath "$1")"
REPO="$(realpath "$2")"
if [[ ! -x "$SCHEMERGE" ]]; then
  echo "schemerge binary not found: $SCHEMERGE" >&2
  exit 1
fi

T="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-cli.XXXXXX")"
trap 'rm -rf -- "$T"' EXIT
trap 'rm -rf -- "$T"; exit 130' INT
trap 'rm -rf -- "$T"; exit 143' TERM

checks=0
failed=0
current=""

# case NAME: start a named group of checks (printed in failure messages).
case_() { current="$1"; }

fail() {
  failed=$((failed + 1))
  echo "FAIL [$current]: $*" >&2
  if [[ -f "$T/err" ]]; then
    echo "  --- stderr (first 15 lines) ---" >&2
    head -n 15 "$T/err" | sed 's/^/  | /' >&2
  fi
}

# run ARGS...: run schemerge; rc in $rc, stdout in $T/out, stderr in $T/err.
run() {
  rc=0
  timeout 60 "$SCHEMERGE" "$@" >"$T/out" 2>"$T/err" || rc=$?
  if ((rc == 124)); then
    fail "schemerge $* timed out"
  elif ((rc >= 128)); then
    fail "schemerge $* died with signal $((rc - 128))"
  fi
}

expect_rc() {
  checks=$((checks + 1))
  if [[ "$rc" != "$1" ]]; then
    fail "expected exit $1, got $rc"
  fi
}

# expect_stderr ERE [DESCRIPTION]: some stderr line matches the extended regex.
expect_stderr() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/err"; then
    fail "stderr does not match /$1/${2:+ ($2)}"
  fi
}

expect_no_stderr() {
  checks=$((checks + 1))
  if grep -Eq -- "$1" "$T/err"; then
    fail "stderr unexpectedly matches /$1/"
  fi
}

expect_stderr_lines() {
  checks=$((checks + 1))
  local n
  n="$(wc -l <"$T/err")"
  if ((n != $1)); then
    fail "expected $1 stderr line(s), got $n"
  fi
}

expect_stdout_empty() {
  checks=$((checks + 1))
  if [[ -s "$T/out" ]]; then
    fail "expected empty stdout, got $(wc -c <"$T/out") bytes"
  fi
}

expect_same_file() {
  checks=$((checks + 1))
  if ! cmp -s "$1" "$2"; then
    fail "${3:-files differ}: $1 vs $2"
    diff -u "$1" "$2" | head -n 40 | sed 's/^/  | /' >&2 || true
  fi
}

expect_true() {
  checks=$((checks + 1))
  local what="$1"
  shift
  if ! "$@"; then
    fail "$what"
  fi
}

finish() {
  local name
  name="$(basename "$0" .sh)"
  if ((failed > 0)); then
    echo "$name: $failed of $checks checks failed" >&2
    exit 1
  fi
  echo "$name: all $checks checks passed"
  exit 0
}
