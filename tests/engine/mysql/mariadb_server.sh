#!/usr/bin/env bash
# A throwaway MariaDB server for the engine tests, sourced by them:
#   mariadb_require            exit status 77 (CTest's skip) with a loud message when
#                              mariadb-server is not installed
#   mariadb_start DIR          mariadb-install-db into DIR/data (owned by `mysql`: MariaDB
#                              refuses to run as root), mariadbd on DIR/sock only (no TCP)
#   mariadb_stop DIR           stops the server by its own pid and waits for it
#   mariadb_sql DIR [ARGS...]  the client as root on the socket
# The caller removes DIR (trap) after mariadb_stop.

MARIADB_SKIP=77
PATH=$PATH:/usr/sbin

mariadb_require() {
  local tool
  for tool in mariadbd mariadb-install-db mariadb; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "************************************************************" >&2
      echo "SKIPPED: MariaDB is not installed ($tool missing)" >&2
      echo "         run scripts/setup.sh (it installs mariadb-server)" >&2
      echo "************************************************************" >&2
      return "$MARIADB_SKIP"
    fi
  done
}

mariadb_as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u mysql -- "$@"
  else
    "$@"
  fi
}

mariadb_sql() {
  local dir=$1
  shift
  mariadb --socket="$dir/sock" -u root "$@"
}

mariadb_start() {
  local dir=$1
  chmod 0755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown mysql: "$dir"
  fi
  if ((${#dir} > 90)); then
    echo "mariadb_server.sh: socket directory path too long: $dir" >&2
    return 1
  fi
  # Its own tmpdir, for the bootstrap server too: a starting mariadbd deletes every `#sql*`
  # file in its tmpdir, so servers sharing /tmp delete each other's internal temporary
  # tables ("Error on delete of '/tmp/#sql-temptable-….MAI'", lost connections, a failed
  # install).
  mkdir -p "$dir/tmp"
  if [[ $(id -u) -eq 0 ]]; then
    chown mysql: "$dir/tmp"
  fi
  mariadb_as_server mariadb-install-db --datadir="$dir/data" --tmpdir="$dir/tmp" --auth-root-authentication-method=normal \
    --skip-test-db >"$dir/install.log" 2>&1 || {
    cat "$dir/install.log" >&2
    return 1
  }
  mariadb_launch "$dir"
}

# Starts mariadbd on DIR's existing data directory and waits until it answers.
mariadb_launch() {
  local dir=$1
  # Its own tmpdir (see mariadb_start).
  mkdir -p "$dir/tmp"
  if [[ $(id -u) -eq 0 ]]; then
    chown mysql: "$dir/tmp"
  fi
  mariadb_as_server mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/sock" --skip-networking \
    --tmpdir="$dir/tmp" --pid-file="$dir/pid" --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
    --innodb-flush-log-at-trx-commit=0 --skip-log-bin >>"$dir/server.log" 2>&1 &
  echo $! >"$dir/wrapper.pid"
  local _
  for _ in $(seq 1 240); do
    if mariadb_sql "$dir" -e 'select 1' >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$(cat "$dir/wrapper.pid")" 2>/dev/null; then
      cat "$dir/server.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "mariadb_server.sh: the server did not start" >&2
  cat "$dir/server.log" >&2
  return 1
}

# True while the server answers.
mariadb_alive() {
  mariadb_sql "$1" -N -e 'select 1' >/dev/null 2>&1
}

# After a failure: when the server is gone (a crash, the OOM killer: not a statement that
# failed), says so with the end of its log, starts it again on the same data and returns 0
# (the caller runs its case again, once); returns 1 when the server is up (the failure is
# the case's own) or cannot be started again.
mariadb_recover() {
  local dir=$1
  mariadb_alive "$dir" && return 1
  echo "*** the MariaDB server died (not a failed statement); the end of its log:" >&2
  tail -n 40 "$dir/server.log" | sed 's/^/    | /' >&2
  mariadb_stop "$dir"
  echo "*** starting it again on the same data" >&2
  mariadb_launch "$dir"
}

mariadb_stop() {
  local dir=$1 pids=() p alive _
  [[ -s $dir/pid ]] && pids+=("$(cat "$dir/pid")")
  [[ -s $dir/wrapper.pid ]] && pids+=("$(cat "$dir/wrapper.pid")")
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  for _ in $(seq 1 120); do
    alive=0
    for p in "${pids[@]}"; do
      kill -0 "$p" 2>/dev/null && alive=1
    done
    [[ $alive -eq 0 ]] && return 0
    sleep 0.5
  done
  for p in "${pids[@]}"; do
    kill -9 "$p" 2>/dev/null || true
  done
}

# SHOW CREATE TABLE with the order of keys and constraints left out: InnoDB lists indexes
# and CHECK constraints in the order they were created, which is history, not schema
# (schemerge's model compares them by name). Columns keep their order; trailing commas
# go, then the key and constraint lines are sorted. `USING BTREE`, which MariaDB repeats
# only when a statement spelled it out, is the default index type: it goes too.
mariadb_normalize_table() {
  sed -E -e 's/,$//' -e 's/ USING BTREE//' | awk '
    /^  (PRIMARY KEY|UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY|CONSTRAINT) / { keys[++n] = $0; next }
    /^\)/ { flush(); print; next }
    { print }
    function flush(   i, j, t) {
      for (i = 2; i <= n; i++) { t = keys[i]; for (j = i - 1; j >= 1 && keys[j] > t; j--) keys[j + 1] = keys[j]; keys[j + 1] = t }
      for (i = 1; i <= n; i++) print keys[i]
      n = 0
    }'
}

# The catalog of database $2 as normalized text: SHOW CREATE TABLE (without the
# AUTO_INCREMENT counter, keys sorted: mariadb_normalize_table), the views' definitions and
# columns, triggers and routines from information_schema (definers left out: the account
# that ran the DDL).
mariadb_catalog() {
  local dir=$1 db=$2 t
  local -a sql=(mariadb --socket="$dir/sock" -u root -N -B -r "$db")
  # Every SHOW CREATE TABLE in one client call (one call per table takes half a minute
  # for a Rails schema on a busy machine): each result starts "NAME<TAB>CREATE TABLE".
  local shows
  shows=$("${sql[@]}" -e "select concat('show create table \`', replace(table_name, '\`', '\`\`'), '\`;') from information_schema.tables where table_schema = '$db' and table_type = 'BASE TABLE' order by binary table_name") || return 1
  if [[ -n $shows ]]; then
    "${sql[@]}" -e "$shows" | awk -F '\t' '
      /^[^\t]+\tCREATE TABLE / { print "== table " $1; sub(/^[^\t]+\t/, ""); print; next }
      { print }' | sed -E 's/ AUTO_INCREMENT=[0-9]+//' | mariadb_normalize_table || return 1
  fi
  "${sql[@]}" -e "select concat('== view ', table_name, char(10), view_definition, char(10), 'check_option=', check_option, ' security=', security_type, ' algorithm=', algorithm) from information_schema.views where table_schema = '$db' order by binary table_name" | sed "s/\`$db\`\.//g" || return 1
  "${sql[@]}" -e "select concat('== view column ', table_name, '.', column_name, ' ', column_type, ' ', is_nullable) from information_schema.columns c where table_schema = '$db' and table_name in (select table_name from information_schema.views where table_schema = '$db') order by binary table_name, ordinal_position" || return 1
  "${sql[@]}" -e "select concat('== trigger ', trigger_name, ' ', action_timing, ' ', event_manipulation, ' on ', event_object_table, ' order ', action_order, char(10), action_statement) from information_schema.triggers where trigger_schema = '$db' order by binary trigger_name" || return 1
  "${sql[@]}" -e "select concat('== routine ', routine_type, ' ', routine_name, ' returns ', coalesce(dtd_identifier, '-'), ' deterministic=', is_deterministic, ' access=', sql_data_access, ' security=', security_type, ' comment=', routine_comment, char(10), routine_definition) from information_schema.routines where routine_schema = '$db' order by binary routine_name" || return 1
  "${sql[@]}" -e "select concat('== parameter ', specific_name, ' ', ordinal_position, ' ', coalesce(parameter_mode, '-'), ' ', coalesce(parameter_name, '-'), ' ', dtd_identifier) from information_schema.parameters where specific_schema = '$db' order by binary specific_name, ordinal_position" || return 1
  # Events without STARTS / AT (the server evaluates them at CREATE time: two loads differ).
  "${sql[@]}" -e "select concat('== event ', event_name, ' ', event_type, ' every ', coalesce(interval_value, '-'), ' ', coalesce(interval_field, '-'), ' ends=', if(ends is null, 'no', 'yes'), ' ', on_completion, ' ', status, ' comment=', event_comment, char(10), event_definition) from information_schema.events where event_schema = '$db' order by binary event_name" || return 1
}
