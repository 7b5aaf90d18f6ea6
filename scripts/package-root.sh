#!/usr/bin/env bash
# Make (once) and print a clean Debian 12 root for testing the package:
# `debootstrap --variant=minbase bookworm`, with bookworm-updates and bookworm-security
# in its sources and `apt-get update` done, so `apt-get install ./schemerge_*.deb` works
# in a copy of it.
#
#   scripts/package-root.sh            # prints the root's path (made first when missing)
#   scripts/package-root.sh --rebuild  # throw the cached root away and make it again
#
# Needs root (debootstrap, chroot) and Debian's mirror. The root lives outside the
# repository, in ${SCHEMERGE_DEBOOTSTRAP_CACHE:-/var/tmp/schemerge-debootstrap}/bookworm-minbase,
# and is reused while it is complete (a marker file is written last, so an interrupted
# debootstrap is never reused). Callers must not change it: copy it, or mount an overlay
# on it (tests/packaging/clean_root.sh does). The mirror is $SCHEMERGE_DEBIAN_MIRROR
# (default http://deb.debian.org/debian). Concurrent callers wait for each other (flock).
set -euo pipefail

cache="${SCHEMERGE_DEBOOTSTRAP_CACHE:-/var/tmp/schemerge-debootstrap}"
mirror="${SCHEMERGE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
root="$cache/$suite-minbase"
marker="$root/.schemerge-root-complete"
rebuild=0

for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=1 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-root.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*" >&2; }

if [[ "$(id -u)" -ne 0 ]]; then
  echo "package-root.sh: debootstrap and chroot need root" >&2
  exit 2
fi
debootstrap="$(command -v debootstrap || true)"
[[ -n "$debootstrap" ]] || debootstrap=/usr/sbin/debootstrap
if [[ ! -x "$debootstrap" ]]; then
  echo "package-root.sh: debootstrap is not installed (apt-get install debootstrap)" >&2
  exit 2
fi

mkdir -p "$cache"
exec 9>"$cache/lock"
flock 9

# Unmounts everything below DIR (deepest first); debootstrap and apt can leave /proc etc.
unmount_below() {
  local dir="$1" m
  while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
}

# Removes DIR, never crossing into a mount that is still there.
remove_tree() {
  local dir="$1"
  [[ -e "$dir" ]] || return 0
  unmount_below "$dir"
  rm -rf --one-file-system -- "$dir"
}

if ((rebuild)); then
  log "removing the cached root $root"
  remove_tree "$root"
fi

if [[ -f "$marker" ]]; then
  printf '%s\n' "$root"
  exit 0
fi

tmp="$root.partial"
trap 'unmount_below "$tmp"' EXIT
remove_tree "$tmp"
remove_tree "$root"
log "debootstrap --variant=minbase $suite into $tmp ($mirror; a few minutes, done once)"
started=$SECONDS
"$debootstrap" --variant=minbase "$suite" "$tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
  echo "package-root.sh: debootstrap failed; the last lines of $cache/debootstrap.log:" >&2
  tail -n 20 "$cache/debootstrap.log" >&2
  exit 1
}
security="${mirror%/debian}/debian-security"
[[ "$security" != "$mirror" ]] || security="http://deb.debian.org/debian-security"
cat >"$tmp/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
log "apt-get update in the new root"
chroot "$tmp" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  apt-get update -q >>"$cache/debootstrap.log" 2>&1 || {
  echo "package-root.sh: apt-get update in the root failed; see $cache/debootstrap.log" >&2
  exit 1
}
unmount_below "$tmp"
date -u +%FT%TZ >"$tmp/.schemerge-root-complete"
mv "$tmp" "$root"
trap - EXIT
log "clean root ready in $((SECONDS - started)) s: $root"
printf '%s\n' "$root"
