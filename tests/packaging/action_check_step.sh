#!/usr/bin/env bash
# action.yml's `schemerge check` step, run as GitHub's runner runs it (bash -eo pipefail,
# its env from the inputs; tests/packaging/action_script.py --only check) with the build's
# schemerge on PATH, on the demo repository (scripts/demo.sh). The install step and the
# whole action on a clean Debian 12 root are in clean_root.sh (slow); this one is fast.
#
#   action_check_step.sh SCHEMERGE_BIN REPO_DIR
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

SCHEMERGE="$SCHEMERGE" bash "$REPO/scripts/demo.sh" "$T/demo" >/dev/null 2>&1
demo="$T/demo/repo"
export PATH="$(dirname "$SCHEMERGE"):$PATH"

# step BASE HEAD [--input NAME=VALUE]...: run the check step; rc, $T/out (log), $T/runner.
step() {
  local base="$1" head="$2"
  shift 2
  rm -rf "$T/runner"
  mkdir -p "$T/runner"
  python3 "$REPO/tests/packaging/action_script.py" "$REPO/action.yml" --only check \
    --input package-url=unused --input "working-directory=$demo" \
    --context "github.event.pull_request.base.sha=$base" \
    --context "github.event.pull_request.head.sha=$head" \
    --context "runner.temp=$T/runner" "$@" >"$T/step.sh"
  rc=0
  RUNNER_TEMP="$T/runner" GITHUB_STEP_SUMMARY="$T/runner/summary.md" bash "$T/step.sh" >"$T/out" 2>"$T/err" || rc=$?
}
output() { sed -n "s/^$1=//p" "$T/runner/outputs/check" 2>/dev/null | tail -n 1; }

case_ "a conflict (hotfix into develop): exit 1, ::error annotation, summary, outputs"
step develop hotfix
expect_rc 1
expect_true "::error at db/schema.sql:8 in the log" grep -q '^::error file=db/schema.sql,line=8,col=5,title=schemerge both-modified::' "$T/out"
expect_true "summary names the conflict" grep -q 'customers.email' "$T/runner/summary.md"
expect_true "output exit-code=1" test "$(output exit-code)" = 1
expect_true "output report is the Markdown file" test "$(output report)" = "$T/runner/schemerge-report.md"
expect_true "no SARIF unless asked" test -z "$(output sarif)"

case_ "a clean merge (hotfix into main): exit 0"
step main hotfix
expect_rc 0
expect_true "output exit-code=0" test "$(output exit-code)" = 0
expect_true "summary written" test -s "$T/runner/summary.md"

case_ "fail-on: the hazard fails the check"
step main hotfix --input fail-on=access-exclusive-lock
expect_rc 1
expect_true "::error for the failing hazard" grep -q '^::error .*access-exclusive-lock' "$T/out"

case_ "format text and markdown go to the log"
step main hotfix --input format=text
expect_rc 0
expect_true "text report in the log" grep -q 'hotfix' "$T/out"
step main hotfix --input format=markdown
expect_rc 0
expect_true "the Markdown report in the log" grep -q '^## schemerge' "$T/out"

case_ "sarif: written and named in the outputs"
step develop hotfix --input sarif=true
expect_rc 1
expect_true "sarif output names a file" test -s "$(output sarif)"
expect_true "it is SARIF 2.1.0" grep -q '"version": *"2.1.0"' "$(output sarif)"

case_ "path: one per line"
step main hotfix --input "path=db/schema.sql"
expect_rc 0
step main hotfix --input "path=db/missing.sql"
expect_rc 2
expect_stderr "db/missing.sql"

case_ "bad inputs: a clear ::error and exit 2"
step "" ""
expect_rc 2
expect_true "not a pull_request event" grep -q '^::error title=schemerge::base-ref and head-ref are empty' "$T/out"
step main hotfix --input format=xml
expect_rc 2
expect_true "bad format named" grep -q "^::error title=schemerge::format must be github, text, json or markdown, not 'xml'" "$T/out"
step main nope
expect_rc 2
expect_stderr "nope"
if ! "$SCHEMERGE" check --help | grep -q -- '--dialect'; then
  step main hotfix --input dialect=mysql
  expect_rc 2
  expect_true "dialect needs a newer package" grep -q "no --dialect option" "$T/out"
fi
step main hotfix --input dialect=postgresql
expect_rc 0

finish
