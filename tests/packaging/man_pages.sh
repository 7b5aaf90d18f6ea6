#!/usr/bin/env bash
# The man pages the build generates (packaging/cli_docs.py, from --help and docs/man/):
# one per command `schemerge --help` lists, each with hand-written prose, rendering without
# a groff warning, naming every option its command's --help names; gzipped copies
# reproducible (gzip -n) and equal to the pages.
#
#   man_pages.sh SCHEMERGE_BIN REPO_DIR BUILD_DIR
set -euo pipefail
if (($# != 3)); then
  echo "usage: man_pages.sh SCHEMERGE_BIN REPO_DIR BUILD_DIR" >&2
  exit 2
fi
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh" "$1" "$2"
man_dir="$(realpath "$3")/man"

if ! command -v groff >/dev/null; then
  echo "SKIPPED: groff is not installed (groff-base); the man pages were not rendered" >&2
  exit 77
fi

commands=()
while read -r c; do commands+=("$c"); done < <("$SCHEMERGE" --help | awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { print $1 }')

case_ "the commands"
expect_true "schemerge --help lists commands" test "${#commands[@]}" -ge 7

# Option names of a --help text (long and short), one per line.
help_options() {
  "$SCHEMERGE" "$@" --help | grep -Eo '^  (-[A-Za-z],)?--[A-Za-z0-9-]+' | tr ',' '\n' | sed 's/^ *//'
}

for page in schemerge "${commands[@]/#/schemerge-}"; do
  case_ "$page(1)"
  src="$man_dir/$page.1"
  expect_true "$src exists" test -f "$src"
  [[ -f "$src" ]] || continue
  expect_true "docs/man/$page.md exists (prose for DESCRIPTION and EXIT STATUS)" test -f "$REPO/docs/man/$page.md"
  # -ww: every warning; -z: no output, only diagnostics. Any line on stderr is a failure.
  groff -man -Tutf8 -ww -z "$src" 2>"$T/err" || true
  expect_stderr_lines 0
  MANWIDTH=80 groff -man -Tutf8 -P-cbou "$src" 2>/dev/null >"$T/rendered"
  for section in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" "SEE ALSO"; do
    expect_true "$page has section $section" grep -q "^$section\$" "$T/rendered"
  done
  command_name="${page#schemerge}"
  command_name="${command_name#-}"
  if [[ -n "$command_name" ]]; then
    while read -r option; do
      checks=$((checks + 1))
      # Options are rendered with ASCII hyphen-minus (\-), so they can be copied.
      grep -qF -- "$option" "$T/rendered" || fail "$page does not document $option (from schemerge $command_name --help)"
    done < <(help_options "$command_name")
  fi
  checks=$((checks + 1))
  if ! gzip -dc "$src.gz" | cmp -s - "$src"; then
    fail "$src.gz is not $src gzipped"
  fi
  # gzip -n: no name and no time stamp in the header (bytes 4-9: flags and mtime are 0).
  checks=$((checks + 1))
  header="$(od -An -tx1 -j3 -N5 "$src.gz" | tr -d ' \n')"
  [[ "$header" == 0000000000 ]] || fail "$src.gz has a name or time stamp in its header ($header)"
done

case_ "schemerge(1) lists every command"
MANWIDTH=200 groff -man -Tutf8 -P-cbou "$man_dir/schemerge.1" 2>/dev/null >"$T/rendered"
for c in "${commands[@]}"; do
  expect_true "schemerge(1) names schemerge-$c(1)" grep -qF "schemerge-$c(1)" "$T/rendered"
done

case_ "no page of a command that does not exist"
for f in "$man_dir"/schemerge-*.1; do
  name="$(basename "$f" .1)"
  checks=$((checks + 1))
  printf '%s\n' "${commands[@]}" | grep -qxF "${name#schemerge-}" || fail "stale page $f"
done

if command -v man >/dev/null; then
  case_ "man -l renders schemerge-diff.1 (man-db)"
  MANWIDTH=80 man --warnings -l "$man_dir/schemerge-diff.1" >"$T/out" 2>"$T/err" || true
  expect_stderr_lines 0
  expect_true "SYNOPSIS in man -l output" grep -q '^SYNOPSIS' "$T/out"
fi

finish
