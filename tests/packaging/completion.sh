#!/usr/bin/env bash
# The bash completion the build generates (packaging/cli_docs.py): sourced in a plain bash
# (no bash-completion package), it completes exactly the commands `schemerge --help` lists,
# each command's options exactly as its --help lists them (parsed here independently of
# the generator), the choices of --format and --layout, files for schema arguments, and
# git refs for --base, --head and fold's HOTFIX.
#
#   completion.sh SCHEMERGE_BIN REPO_DIR BUILD_DIR
set -euo pipefail
if (($# != 3)); then
  echo "usage: completion.sh SCHEMERGE_BIN REPO_DIR BUILD_DIR" >&2
  exit 2
fi
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh" "$1" "$2"
script="$(realpath "$3")/completion/schemerge"

case_ "the completion script"
expect_true "$script exists" test -f "$script"
expect_true "bash -n $script" bash -n "$script"
[[ -f "$script" ]] || finish

# complete WORD…: the completions bash offers after `schemerge WORD…` (the last word is the
# one being completed), sorted, one per line; run in the working directory.
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=(schemerge "$@"); COMP_CWORD=$#
    _schemerge
    printf "%s\n" "${COMPREPLY[@]}"' bash "$script" "$@" | sed '/^$/d' | sort
}
sorted() { printf '%s\n' "$@" | sed '/^$/d' | sort; }
expect_completions() {  # DESCRIPTION EXPECTED(one per line) -- WORD…
  local what="$1" want="$2"
  shift 3
  checks=$((checks + 1))
  local got
  got="$(complete_words "$@")"
  if [[ "$got" != "$want" ]]; then
    fail "$what: \`schemerge $*<TAB>\`"
    diff <(echo "$want") <(echo "$got") | sed 's/^/  | /' >&2 || true
  fi
}

commands=()
while read -r c; do commands+=("$c"); done < <("$SCHEMERGE" --help | awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { print $1 }')

case_ "commands"
expect_completions "every command of schemerge --help, and its options" \
  "$(sorted "${commands[@]}" --help --version)" -- ""
expect_completions "a prefix" "$(printf '%s\n' "${commands[@]}" | grep '^d' | sort)" -- "d"

for c in "${commands[@]}"; do
  case_ "schemerge $c: options"
  options="$("$SCHEMERGE" "$c" --help | grep -Eo '^  (-[A-Za-z],)?--[A-Za-z0-9-]+' | tr ',' '\n' | sed 's/^ *//' | sort)"
  expect_completions "the options of schemerge $c --help" "$options" -- "$c" "-"
  # Choices ({a,b} in --help) complete after the option.
  while read -r option choices; do
    expect_completions "$c $option's choices" "$(tr ',' '\n' <<<"$choices" | sort)" -- "$c" "$option" ""
  done < <("$SCHEMERGE" "$c" --help | sed -nE 's/^  (-[A-Za-z],)?(--[A-Za-z0-9-]+) [A-Z]+:\{([^}]*)\}.*/\2 \3/p')
done

case_ "values: files, directories, git refs"
mkdir -p "$T/work/db" "$T/work/dir2"
touch "$T/work/db/structure.sql" "$T/work/notes.txt"
git -C "$T/work" init -q -b main
git -C "$T/work" -c user.name=t -c user.email=t@example.org commit -q --allow-empty -m init
git -C "$T/work" branch feature
git -C "$T/work" tag v1
cd "$T/work"
expect_completions "dump SOURCE: files and directories" "$(sorted db dir2 notes.txt)" -- dump ""
expect_completions "dump -o: files" "$(sorted db dir2)" -- dump -o "d"
expect_completions "hidden files when asked" ".git" -- dump ".g"
expect_completions "diff FROM: files" "db/structure.sql" -- diff "db/s"
expect_completions "check --base: git refs" "$(sorted HEAD feature main v1)" -- check --base ""
expect_completions "check --head: git refs" "$(sorted feature)" -- check --head "f"
expect_completions "fold HOTFIX: git refs" "$(sorted HEAD feature main v1)" -- fold ""
expect_completions "fold --into: git refs" "main" -- fold hotfix --into "m"
expect_completions "--repo: directories" "$(sorted db dir2)" -- check --repo "d"
expect_completions "after a value, options again" "$(sorted --format)" -- check --base main --form
cd - >/dev/null

finish
