#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 cluster that listens only on a Unix socket
# inside its own directory.
#
#   pg_cluster.sh start [DIR]   create DIR (mktemp -d when omitted), initdb, start;
#                               prints DIR (= the socket directory, use psql -h DIR)
#   pg_cluster.sh stop DIR      stop immediately and remove DIR
#
# Exit 77 (CTest's SKIP_RETURN_CODE) with a loud message when PostgreSQL 15 is absent.
# Sourcing this file defines pg_cluster_start / pg_cluster_stop / pg_run / PG_BIN.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_SKIP=77

pg_require() {
  local tool
  for tool in initdb pg_ctl postgres psql pg_dump; do
    if [[ ! -x "$PG_BIN/$tool" ]]; then
      echo "************************************************************" >&2
      echo "SKIPPED: PostgreSQL 15 not installed ($PG_BIN/$tool missing)" >&2
      echo "         run scripts/setup.sh to install postgresql-15" >&2
      echo "************************************************************" >&2
      return "$PG_SKIP"
    fi
  done
}

# PostgreSQL refuses to run as root: as root run the server tools as `postgres`.
pg_run() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local dir="${1:-}"
  pg_require || return $?
  # initdb runs shell commands redirected to /dev/null; if something replaced the device
  # with a regular file (a rename-into-place writer given `-o /dev/null` as root), it
  # fails with an obscure "Permission denied". Say what is wrong instead.
  if [[ ! -c /dev/null ]]; then
    echo "pg_cluster.sh: /dev/null is not a character device (something replaced it);" \
      "as root: rm -f /dev/null && mknod -m 666 /dev/null c 1 3" >&2
    return 1
  fi
  if [[ -z "$dir" ]]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-pg.XXXXXX")"
  else
    mkdir -p "$dir"
  fi
  if ! pg_cluster_start_in "$dir"; then
    pg_cluster_stop "$dir"
    return 1
  fi
  echo "$dir"
}

pg_cluster_start_in() {
  local dir="$1"
  # The postgres user must be able to reach the directory (mktemp makes it 0700).
  chmod 0755 "$dir"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$dir"
  fi
  # Unix socket paths are limited to ~107 bytes: keep DIR short.
  if ((${#dir} > 90)); then
    echo "pg_cluster.sh: socket directory path too long: $dir" >&2
    return 1
  fi
  pg_run "$PG_BIN/initdb" -D "$dir/data" --auth=trust -U postgres \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  # Options: no TCP, socket in DIR, speed over durability (throwaway data).
  pg_run "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40" \
    start >/dev/null || {
    echo "pg_cluster.sh: server did not start; log follows" >&2
    cat "$dir/server.log" >&2 || true
    return 1
  }
  local i
  for i in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h "$dir" -U postgres; then
      return 0
    fi
    sleep 0.5
  done
  echo "pg_cluster.sh: server not ready after 30 s" >&2
  cat "$dir/server.log" >&2 || true
  return 1
}

pg_cluster_stop() {
  local dir="${1:?pg_cluster_stop DIR}"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    if ! pg_run "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
      # pg_ctl failed (e.g. a clobbered /dev/null): SIGQUIT is the same immediate
      # shutdown, sent to the postmaster we started, by its id.
      local pid
      pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]]; then
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do
          kill -0 "$pid" 2>/dev/null || break
          sleep 0.5
        done
      fi
    fi
  fi
  rm -rf -- "$dir"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-}" in
    start) pg_cluster_start "${2:-}" ;;
    stop) pg_cluster_stop "${2:?usage: pg_cluster.sh stop DIR}" ;;
    *)
      echo "usage: pg_cluster.sh start [DIR] | stop DIR" >&2
      exit 2
      ;;
  esac
fi
