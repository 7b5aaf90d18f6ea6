#!/usr/bin/env bash
# The Debian package on a clean Debian 12: build it, install it with
# `apt-get install ./schemerge_*.deb` into a fresh `debootstrap --variant=minbase` root,
# and run it there.
#
#   clean_root.sh BUILD_DIR REPO_DIR
#
# 1. scripts/package.sh --build-dir BUILD_DIR (the package target: builds what is out of
#    date, checks Depends has no -dev package and the files are there).
# 2. The clean root: scripts/package-root.sh makes it once (a few minutes) and reuses it
#    from ${SCHEMERGE_DEBOOTSTRAP_CACHE:-/var/tmp/schemerge-debootstrap}. This test never
#    changes it: it runs in an overlay (or, where overlayfs is unavailable, a copy) that is
#    removed on exit, interrupt or termination, after unmounting everything below it.
# 3. In the root: apt-get install the package (Depends resolved from Debian's mirror;
#    downloaded .debs are cached beside the root), then `schemerge --version` (same as the
#    build's), `--help`, `dump` of examples/shop (byte-identical to the build's output),
#    `dump --check`, `diff` examples/shop -> shop-v2 (identical to the build's), `merge` of
#    the demo (develop vs hotfix: exit 1, conflict on customers.email) and a clean merge
#    (merged schema identical to the build's); the bash completion; man-db installed and
#    `man schemerge-diff` rendered without warnings; `apt-get remove` leaves no file.
# 4. action.yml's run steps (tests/packaging/action_script.py) in the same root on the demo
#    repository: it installs the package from a file:// package-url and runs schemerge check
#    (a conflict: exit 1, annotations, job summary, SARIF; a clean merge: exit 0).
#
# Exit 0 passed, 1 failed, 77 skipped (no debootstrap, not root): printed loudly.
set -euo pipefail

if (($# != 2)); then
  echo "usage: clean_root.sh BUILD_DIR REPO_DIR" >&2
  exit 2
fi
build="$(realpath "$1")"
repo="$(realpath "$2")"
cache="${SCHEMERGE_DEBOOTSTRAP_CACHE:-/var/tmp/schemerge-debootstrap}"

skip() {
  echo "************************************************************************" >&2
  echo "SKIPPED: packaging.clean_root: $*" >&2
  echo "         The Debian package was NOT tested on a clean system." >&2
  echo "************************************************************************" >&2
  exit 77
}
if ! command -v debootstrap >/dev/null && [[ ! -x /usr/sbin/debootstrap ]]; then
  skip "debootstrap is not installed (apt-get install debootstrap)"
fi
if [[ "$(id -u)" -ne 0 ]]; then
  skip "needs root (debootstrap, chroot, mount)"
fi
for tool in dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (dpkg-dev)"
done

started=$SECONDS
step() { printf '\n==> [%3d s] %s\n' "$((SECONDS - started))" "$*"; }
failures=0
fail() { failures=$((failures + 1)); echo "FAIL: $*" >&2; }
ok() { echo "ok: $*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-clean-root.XXXXXX")"
scratch=""   # the overlay (or copy) directory, below $cache/runs

unmount_below() {
  local dir="$1" m
  while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done < <(awk -v d="$dir/" 'index($2 "/", d) == 1 { print $2 }' /proc/mounts | sort -r)
}
cleanup() {
  if [[ -n "$scratch" && -d "$scratch" ]]; then
    unmount_below "$scratch"
    if awk -v d="$scratch/" 'index($2 "/", d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
      echo "clean_root.sh: mounts remain below $scratch; not removing it" >&2
    else
      rm -rf --one-file-system -- "$scratch"
    fi
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. the package -----------------------------------------------------------------------
step "scripts/package.sh --build-dir $build"
deb="$("$repo/scripts/package.sh" --build-dir "$build" --out "$work")"
ok "built $(basename "$deb")"
echo "Package: $(dpkg-deb -f "$deb" Package)  Version: $(dpkg-deb -f "$deb" Version)  Architecture: $(dpkg-deb -f "$deb" Architecture)"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
echo "Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) kB, file: $(du -h "$deb" | cut -f1)"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print "  " $6 }' | sed 's|\./|/|'

# --- 2. the clean root ----------------------------------------------------------------------
step "the clean Debian 12 root (scripts/package-root.sh)"
base="$("$repo/scripts/package-root.sh")"
ok "root: $base (made $(cat "$base/.schemerge-root-complete"))"
mkdir -p "$cache/runs" "$cache/apt-archives/partial"
scratch="$(mktemp -d "$cache/runs/run.XXXXXX")"
root="$scratch/root"
mkdir -p "$root" "$scratch/upper" "$scratch/work"
if mount -t overlay overlay -o "lowerdir=$base,upperdir=$scratch/upper,workdir=$scratch/work" "$root" 2>/dev/null; then
  ok "overlay on the root (the cached root stays untouched)"
else
  echo "overlayfs not available: copying the root" >&2
  cp -a "$base/." "$root/"
fi
mount -t proc proc "$root/proc"
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/srv/schemerge"
cp "$deb" "$root/srv/schemerge/"
cp -r "$repo/examples" "$root/srv/schemerge/examples"

# in_root CMD...: run in the root with a clean environment, in /srv/schemerge.
in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive TERM=dumb sh -c 'cd /srv/schemerge && exec "$@"' sh "$@"
}
if [[ -e "$root/usr/bin/schemerge" ]]; then
  fail "the clean root already has /usr/bin/schemerge"
fi

# --- 3. install and run ------------------------------------------------------------------------
step "apt-get install ./$(basename "$deb") in the clean root"
# Lists older than a day are refreshed first (the mirror drops superseded versions).
if [[ -n "$(find "$root/var/lib/apt/lists" -maxdepth 1 -name '*_Packages' -mtime -1 -print -quit)" ]]; then
  echo "apt lists are fresh"
else
  in_root apt-get update -q
fi
if ! in_root apt-get install -y -q --no-install-recommends "./$(basename "$deb")" 2>&1 | tee "$work/apt.log"; then
  fail "apt-get install of the package failed"
fi
if grep -q '^Setting up schemerge ' "$work/apt.log"; then ok "installed"; else fail "apt-get did not set up schemerge"; fi
new_packages="$(in_root dpkg-query -W -f='${Package} ' | wc -w)"
echo "packages in the root now: $new_packages"

# run_cmp NAME EXPECTED_RC CMD...: run schemerge in the root; stdout to $work/NAME.out.
run_in_root() {
  local name="$1" want="$2"; shift 2
  local rc=0
  in_root "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  if [[ "$rc" != "$want" ]]; then
    fail "$name: \`$*\` exited $rc, expected $want"
    sed 's/^/  | /' "$work/$name.err" | head -20 >&2
    return 1
  fi
  ok "$name: \`$*\` exited $rc"
}
# same_as_build NAME CMD...: the build's binary, with the same arguments, prints the same.
same_as_build() {
  local name="$1"; shift
  local rc=0
  (cd "$repo" && "$build/bin/schemerge" "$@") >"$work/$name.host" 2>/dev/null || rc=$?
  if cmp -s "$work/$name.out" "$work/$name.host"; then
    ok "$name: output identical to the build's binary ($(wc -l <"$work/$name.out") lines)"
  else
    fail "$name: output differs from the build's binary"
    diff "$work/$name.host" "$work/$name.out" | head -20 >&2 || true
  fi
}

step "schemerge in the clean root"
if run_in_root version 0 schemerge --version; then
  cat "$work/version.out"
  "$build/bin/schemerge" --version >"$work/version.host"
  cmp -s "$work/version.out" "$work/version.host" && ok "version and commit match the build" \
    || fail "--version differs: $(cat "$work/version.out") vs $(cat "$work/version.host")"
  grep -Eq '^schemerge [0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{7,}(-dirty)?\)$' "$work/version.out" \
    || fail "--version does not name a version and a commit"
fi
if run_in_root help 0 schemerge --help; then
  sed -n '1,3p' "$work/help.out"
fi
in_root sh -c 'command -v schemerge; ls -l "$(command -v schemerge)"'

if run_in_root dump 0 schemerge dump examples/shop/schema.sql; then
  head -5 "$work/dump.out"
  same_as_build dump dump examples/shop/schema.sql
fi
# The canonical form passes --check; the pg_dump file is not canonical.
in_root sh -c 'schemerge dump examples/shop/schema.sql -o /tmp/canonical.sql'
run_in_root dump_check_ok 0 schemerge dump --check /tmp/canonical.sql || true
if run_in_root dump_check_raw 1 schemerge dump --check examples/shop/schema.sql; then
  cat "$work/dump_check_raw.out"
fi
if run_in_root diff 0 schemerge diff examples/shop/schema.sql examples/shop-v2/schema.sql; then
  grep -c '^[A-Z]' "$work/diff.out" | xargs echo "statements and clauses in the plan:"
  same_as_build diff diff examples/shop/schema.sql examples/shop-v2/schema.sql
fi
# The demo's develop and hotfix both widen customers.email differently: a conflict.
if run_in_root merge_conflict 1 schemerge merge examples/demo/main.sql examples/demo/develop.sql examples/demo/hotfix.sql; then
  grep -q 'customers.email' "$work/merge_conflict.out" && ok "the conflict names customers.email" \
    || fail "merge report does not name customers.email"
  head -12 "$work/merge_conflict.out"
fi
# A clean merge: main into the hotfix (the hotfix deployment).
if run_in_root merge_clean 0 schemerge merge examples/demo/main.sql examples/demo/main.sql examples/demo/hotfix.sql \
  --schema-out /tmp/merged.sql; then
  in_root cat /tmp/merged.sql >"$work/merged.out"
  (cd "$repo" && "$build/bin/schemerge" merge examples/demo/main.sql examples/demo/main.sql \
    examples/demo/hotfix.sql --schema-out "$work/merged.host" >/dev/null 2>&1) || true
  cmp -s "$work/merged.out" "$work/merged.host" && ok "merged schema identical to the build's" \
    || fail "merged schema differs from the build's"
fi

step "bash completion in the clean root"
# bash only (the bash-completion package is not installed): source the script, complete.
completion='source /usr/share/bash-completion/completions/schemerge
COMP_WORDS=(schemerge ""); COMP_CWORD=1; _schemerge; echo "${COMPREPLY[*]}"
COMP_WORDS=(schemerge dump --format ""); COMP_CWORD=3; _schemerge; echo "${COMPREPLY[*]}"'
if in_root bash -c "$completion" >"$work/completion.out" 2>"$work/completion.err"; then
  cat "$work/completion.out"
  expected="$("$build/bin/schemerge" --help | awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { printf "%s ", $1 }')--help --version"
  [[ "$(sed -n 1p "$work/completion.out")" == "$expected" ]] && ok "completes the commands" \
    || fail "command completion: got '$(sed -n 1p "$work/completion.out")', expected '$expected'"
  [[ "$(sed -n 2p "$work/completion.out")" == "sql json" ]] && ok "completes dump --format" \
    || fail "dump --format completion: $(sed -n 2p "$work/completion.out")"
else
  fail "sourcing the completion failed: $(cat "$work/completion.err")"
fi

step "man schemerge-diff in the clean root (man-db installed for it)"
in_root apt-get install -y -q --no-install-recommends man-db >"$work/man-db.log" 2>&1 || fail "installing man-db failed"
if in_root sh -c 'MANWIDTH=80 man --warnings schemerge-diff' >"$work/man.out" 2>"$work/man.err"; then
  sed -n '1,12p' "$work/man.out"
  echo "  ... ($(wc -l <"$work/man.out") lines)"
  if [[ -s "$work/man.err" ]]; then
    fail "man printed warnings: $(head -5 "$work/man.err")"
  fi
  grep -q -- '--online' "$work/man.out" && grep -q '^SYNOPSIS' "$work/man.out" && grep -q '^EXIT STATUS' "$work/man.out" \
    && ok "man schemerge-diff renders (SYNOPSIS, --online, EXIT STATUS)" || fail "man schemerge-diff lacks sections"
else
  fail "man schemerge-diff failed: $(head -5 "$work/man.err")"
fi
in_root sh -c 'zcat /usr/share/doc/schemerge/README.md.gz | head -3' | sed 's/^/  README: /'

step "apt-get remove schemerge"
in_root apt-get remove -y -q schemerge >"$work/remove.log" 2>&1 || fail "apt-get remove failed"
left="$(in_root sh -c 'ls -d /usr/bin/schemerge /usr/share/man/man1/schemerge* /usr/share/bash-completion/completions/schemerge 2>/dev/null' || true)"
[[ -z "$left" ]] && ok "removed: no schemerge file left" || fail "left after remove: $left"

# --- 4. the GitHub Action's own scripts, in the same clean root ---------------------------------
# action.yml's run steps as GitHub's runner runs them (tests/packaging/action_script.py), on
# the demo repository: the install step gets the package from a file:// package-url (after
# the remove above, so it really installs it; curl comes from Debian's mirror), the check
# step runs schemerge check. develop <- hotfix conflicts (exit 1), main <- hotfix passes.
step "action.yml's steps in the clean root (the demo repository)"
SCHEMERGE="$build/bin/schemerge" bash "$repo/scripts/demo.sh" "$work/demo" >/dev/null 2>&1 || fail "scripts/demo.sh failed"
cp -a "$work/demo/repo" "$root/srv/schemerge/demo-repo"
for pair in "develop hotfix 1" "main hotfix 0"; do
  read -r base_ref head_ref want <<<"$pair"
  runner="/tmp/runner-$head_ref-into-$base_ref"
  python3 "$repo/tests/packaging/action_script.py" "$repo/action.yml" \
    --input "package-url=file:///srv/schemerge/$(basename "$deb")" --input sarif=true \
    --input working-directory=/srv/schemerge/demo-repo \
    --context "github.event.pull_request.base.sha=$base_ref" \
    --context "github.event.pull_request.head.sha=$head_ref" \
    --context "runner.temp=$runner" >"$root/srv/schemerge/action.sh"
  rc=0
  in_root bash -c "export RUNNER_TEMP=$runner GITHUB_STEP_SUMMARY=$runner/summary.md; mkdir -p $runner; exec bash action.sh" \
    >"$work/action.log" 2>&1 || rc=$?
  what="action: $head_ref into $base_ref"
  if [[ "$rc" != "$want" ]]; then
    fail "$what: exited $rc, expected $want"
    tail -30 "$work/action.log" | sed 's/^/  | /' >&2
    continue
  fi
  ok "$what: exited $rc"
  summary="$root$runner/summary.md"
  outputs="$root$runner/outputs/check"
  grep -q "^exit-code=$want\$" "$outputs" && ok "$what: output exit-code=$want" || fail "$what: no exit-code=$want output"
  [[ -s "$summary" ]] && ok "$what: job summary written ($(wc -l <"$summary") lines of Markdown)" || fail "$what: empty job summary"
  grep -q '^sarif=' "$outputs" && grep -qx 'github/codeql-action/upload-sarif@v3' "$root$runner/uses-run" \
    && ok "$what: SARIF written and the upload step reached" || fail "$what: no SARIF upload"
  if ((want == 1)); then
    grep -q '^::error file=db/schema.sql,line=8,col=5,title=schemerge both-modified::' "$work/action.log" \
      && ok "$what: ::error annotation at db/schema.sql:8" || fail "$what: no ::error annotation for the conflict"
    grep -q 'customers.email' "$summary" || fail "$what: the summary does not name customers.email"
  fi
  if [[ "$base_ref" == develop ]]; then
    echo "  --- log (first lines) ---"
    grep -v '^Get:\|^Selecting\|^Preparing\|^Unpacking\|^Setting up\|^Processing\|^(Reading' "$work/action.log" | head -14 | sed 's/^/  | /'
    echo "  --- job summary (first lines) ---"
    head -8 "$summary" | sed 's/^/  | /'
  fi
done

step "done"
if ((failures)); then
  echo "packaging.clean_root: $failures check(s) FAILED"
  exit 1
fi
echo "packaging.clean_root: passed in $((SECONDS - started)) s"
