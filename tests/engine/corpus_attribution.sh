#!/usr/bin/env bash
# Sourced by tests/engine/<dialect>/corpus_merges.sh: the reading of a corpus merge that
# schemerge resolved differently from the people who committed it.
#
# attribute_objects COMMITTED SCHEMERGE BASE OURS THEIRS: five files of "KEY<TAB>VERSION"
# lines (one per object, as each dialect's script extracts them from a dump or a catalog).
# For each object whose committed and schemerge versions differ: the inputs each version
# is found in (absence counts: "absent in base+theirs"), grouped by that pair, with a
# reading of what the people chose. A schemerge version found in no input is an
# `INVENTED` line.
attribute_objects() {
  LC_ALL=C awk -F '\t' '
    BEGIN { split("committed schemerge base ours theirs", names, " ") }
    FNR == 1 { f++ }
    { k = $1; val[f, k] = substr($0, length($1) + 2); has[f, k] = 1; keys[k] = 1 }
    function sources(i, k,   s, j) {
      s = ""
      for (j = 3; j <= 5; j++) {
        if (has[i, k] == has[j, k] && (!has[i, k] || val[i, k] == val[j, k])) { s = s (s == "" ? "" : "+") names[j] }
      }
      return s
    }
    function poss(s) { return s (s ~ /s$/ ? "\x27" : "\x27s") }
    function version(i, k,   s) {
      s = sources(i, k)
      if (s == "") return "a version of its own"
      return has[i, k] ? poss(s) " version" : "absent, as in " s
    }
    function reading(c, m) {
      if (c == "") return "the people wrote a version that no input has"
      if (c ~ /base/ && m !~ /base/) return "the people kept base\x27s version: they reverted " poss(m) " change"
      return "the people took " poss(c) " version, schemerge kept " poss(m)
    }
    END {
      for (k in keys) {
        if (has[1, k] == has[2, k] && val[1, k] == val[2, k]) continue
        if (sources(2, k) == "") { print "INVENTED\t" k ": schemerge\x27s version is in no input"; continue }
        print "committed: " version(1, k) "; schemerge: " version(2, k) " (" reading(sources(1, k), sources(2, k)) ")\t" k
      }
    }
  ' "$@" | LC_ALL=C sort | LC_ALL=C awk -F '\t' '
    $1 == "INVENTED" { print "INVENTED " $2; next }
    $1 != g { if (g != "") { print n " object" (n == 1 ? "" : "s") ", " g ":\n      " list } g = $1; n = 0; list = "" }
    { n++; list = list (list == "" ? "" : ", ") $2 }
    END { if (g != "") { print n " object" (n == 1 ? "" : "s") ", " g ":\n      " list } }
  '
}
