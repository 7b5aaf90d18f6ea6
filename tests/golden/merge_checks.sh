#!/usr/bin/env bash
# Sourced by the merge golden runners (tests/golden/run_merge_golden.sh for PostgreSQL,
# tests/golden/mysql/run_mysql_merge_golden.sh for MySQL): the checks of a case's merge
# report that do not depend on the dialect. Each reads the runner's $name, $d (the case),
# $in (its inputs), $out (what the merge printed) and $update, and on a failure sets
# ok=0 and why="…" (checks run only while ok is 1).

# merge_check_report: $out/report.txt against $d/expected.txt (--update rewrites it).
merge_check_report() {
  if ((ok)); then
    if ((update)); then
      if [[ ! -f "$d/expected.txt" ]] || ! cmp -s "$out/report.txt" "$d/expected.txt"; then
        cp "$out/report.txt" "$d/expected.txt"
        echo "UPDATED $name"
      fi
    elif [[ ! -f "$d/expected.txt" ]]; then
      ok=0
      why="no expected.txt (run with --update and review it)"
    elif ! diff -u --label "$name/expected.txt" --label "schemerge merge" "$d/expected.txt" "$out/report.txt" \
      >"$out/text.diff"; then
      ok=0
      why="report differs from expected.txt"
    fi
  fi
}

# merge_check_conflicts KIND_FORMAT: every "KINDS OBJECT" line of $d/expect — one of the
# |-separated conflict kinds (as KIND_FORMAT, a printf format, prints it in the report:
# "%s", "(%s)") and the object are named, the lines of both branches (of one, for kinds
# that are not two-sided) are cited — and no merged.sql was written.
merge_check_conflicts() {
  local kind_format="$1" kinds object found k need_both has_ours has_theirs alternatives
  while read -r kinds object _; do
    [[ -z "${kinds:-}" || "$kinds" == \#* ]] && continue
    found=0
    IFS='|' read -r -a alternatives <<<"$kinds"
    for k in "${alternatives[@]}"; do
      if grep -qF -- "$(printf "$kind_format" "$k")" "$out/report.txt"; then
        found=1
      fi
    done
    if ((!found)); then
      ok=0
      why="report names none of: $kinds"
      break
    fi
    if ! grep -qF -- "$object" "$out/report.txt"; then
      ok=0
      why="report does not name $object"
      break
    fi
    need_both=0
    case "$kinds" in
      both-modified* | add-add* | name-collision* | order-ambiguous*) need_both=1 ;;
    esac
    has_ours=0 has_theirs=0
    grep -Eq '(^|[^A-Za-z_])ours\.sql:[0-9]+' "$out/report.txt" && has_ours=1
    grep -Eq '(^|[^A-Za-z_])theirs\.sql:[0-9]+' "$out/report.txt" && has_theirs=1
    if ((need_both && !(has_ours && has_theirs))) || ((!has_ours && !has_theirs)); then
      ok=0
      why="report does not cite the lines ($kinds needs $( ((need_both)) && echo 'ours.sql:N and theirs.sql:N' || echo 'ours.sql:N or theirs.sql:N'))"
      break
    fi
  done <"$d/expect"
  if ((ok)) && [[ -e "$in/merged.sql" ]]; then
    ok=0
    why="conflicts, but merged.sql was written (only --force may write it)"
  fi
}
