#!/usr/bin/env bash
# The CI metadata schemerge ships, checked by packaging/check_metadata.py (no network):
# action.yml (GitHub action metadata, composite) and .pre-commit-hooks.yaml (pre-commit's
# hook manifest) pass; README.md's GitHub workflow sets only inputs the action declares
# (and its required ones); the checker's own YAML subset parses both exactly as PyYAML does
# (when Debian's python3-yaml is installed); and every malformed file in
# tests/packaging/metadata/ is rejected with the located errors its `# expect:` lines
# name (`# check: action|pre-commit` says which checker).
#
#   metadata.sh REPO_DIR
set -euo pipefail
if (($# != 1)); then
  echo "usage: metadata.sh REPO_DIR" >&2
  exit 2
fi
repo="$(realpath "$1")"
checker="$repo/packaging/check_metadata.py"
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3
T="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-metadata.XXXXXX")"
trap 'rm -rf -- "$T"' EXIT

checks=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

expect_valid() {  # KIND FILE
  checks=$((checks + 1))
  local rc=0
  "$python" "$checker" "$1" "$2" >"$T/out" 2>&1 || rc=$?
  if ((rc != 0)); then
    fail "$2 does not pass the $1 checker (exit $rc):"
    sed 's/^/  | /' "$T/out" >&2
  fi
}
expect_valid action "$repo/action.yml"
expect_valid pre-commit "$repo/.pre-commit-hooks.yaml"

# The README's GitHub workflow (the yaml block with jobs: and OWNER/schemerge@REF) sets only
# inputs the action declares, and all its required ones.
awk '/^```yaml$/ { b = 1; buf = ""; next }
     b && /^```$/ { b = 0; if (buf ~ /\/schemerge@/ && buf ~ /jobs:/) printf "%s", buf; next }
     b { buf = buf $0 "\n" }' "$repo/README.md" >"$T/readme-workflow.yml"
checks=$((checks + 1))
if [[ ! -s "$T/readme-workflow.yml" ]]; then
  fail "README.md has no GitHub workflow using the action"
elif ! "$python" "$checker" workflow "$repo/action.yml" "$T/readme-workflow.yml" >"$T/out" 2>&1; then
  fail "README.md's workflow does not match action.yml's inputs:"
  sed 's/^/  | /' "$T/out" >&2
fi

if "$python" -c 'import yaml' 2>/dev/null; then
  for f in "$repo/action.yml" "$repo/.pre-commit-hooks.yaml"; do
    checks=$((checks + 1))
    "$python" "$checker" json "$f" >"$T/ours.json"
    "$python" - "$f" >"$T/pyyaml.json" <<'EOF'
import json, sys, yaml
def plain(v):  # as the checker keeps scalars: strings, booleans as true/false
    if isinstance(v, bool): return "true" if v else "false"
    if v is None: return ""
    if isinstance(v, (int, float)): return str(v)
    if isinstance(v, list): return [plain(x) for x in v]
    if isinstance(v, dict): return {str(k): plain(x) for k, x in v.items()}
    return v
print(json.dumps(plain(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))), indent=1, sort_keys=True))
EOF
    if ! cmp -s "$T/ours.json" "$T/pyyaml.json"; then
      fail "$f: the checker's YAML parse differs from PyYAML's"
      diff "$T/pyyaml.json" "$T/ours.json" | head -20 | sed 's/^/  | /' >&2 || true
    fi
  done
else
  echo "note: python3-yaml not installed: the YAML subset parser was not compared with PyYAML"
fi

# pre-commit's own validator agrees, where Debian's pre-commit package is installed.
if command -v pre-commit >/dev/null; then
  checks=$((checks + 1))
  pre-commit validate-manifest "$repo/.pre-commit-hooks.yaml" >"$T/out" 2>&1 \
    || { fail "pre-commit validate-manifest rejects .pre-commit-hooks.yaml:"; sed 's/^/  | /' "$T/out" >&2; }
  for f in "$repo"/tests/packaging/metadata/hooks-*.yaml; do
    grep -q '^# pre-commit: accepts' "$f" && continue  # a rule of ours only
    checks=$((checks + 1))
    if pre-commit validate-manifest "$f" >/dev/null 2>&1; then
      fail "pre-commit validate-manifest accepts $(basename "$f"), which our checker rejects"
    fi
  done
else
  echo "note: pre-commit not installed: .pre-commit-hooks.yaml was checked by our checker only"
fi

for f in "$repo"/tests/packaging/metadata/*; do
  kind="$(sed -n 's/^# check: //p' "$f")"
  name="$(basename "$f")"
  rc=0
  "$python" "$checker" "$kind" "$f" >"$T/out" 2>&1 || rc=$?
  checks=$((checks + 1))
  if ((rc != 1)); then
    fail "$name: expected exit 1, got $rc"
  fi
  expected=0
  while read -r expect; do
    expected=$((expected + 1))
    checks=$((checks + 1))
    grep -qF -- "$f:$expect" "$T/out" || fail "$name: no line '$f:$expect…'"
  done < <(sed -n 's/^# expect: //p' "$f")
  checks=$((checks + 1))
  got="$(wc -l <"$T/out")"
  if ((got != expected)); then
    fail "$name: expected $expected error line(s), got $got"
  fi
  if ((failed)) && [[ "${VERBOSE:-}" ]]; then sed 's/^/  | /' "$T/out" >&2; fi
done

if ((failed)); then
  echo "metadata: $failed of $checks checks failed" >&2
  exit 1
fi
echo "metadata: all $checks checks passed ($(ls "$repo"/tests/packaging/metadata | wc -l) malformed files rejected)"
