#!/usr/bin/env bash
# Checks schemerge-gen's MySQL schemas against a real MariaDB (Debian's mariadb-server 10.11).
#
# A throwaway server (mariadb-install-db in a temporary directory, socket only, no TCP;
# run as the `mysql` user when started as root) is removed on exit, also on failure
# and Ctrl-C. For every seed and option set it loads both styles into their own
# database and checks:
#   - no error, and no warning or note (`mariadb --show-warnings` prints none);
#   - the mysqldump-style file is a fixed point: `mariadb-dump --no-data --routines` of
#     the loaded database prints the same bytes (apart from the date line and, with
#     --schema-migrations, the INSERT tail Rails appends);
#   - both styles give the same catalog: SHOW CREATE TABLE of every table, SHOW CREATE
#     VIEW of every view, every trigger's table/timing/event/order and every routine's
#     kind and parameter and return types (routine and trigger bodies are kept verbatim,
#     so they differ by design);
#   - the table count (and the schema_migrations row count).
# With --big N it then loads the N-table mysqldump-style file once and reports its size,
# statement count and load time; --big-redump also checks that it is a fixed point
# (mariadb-dump of 10,000 tables takes over an hour on 2 cores: it queries per table).
#
# Usage: benchmarks/check_mysql_generator.sh [--gen PATH] [--tables N] [--seeds "1 2 3"]
#                                            [--big N [--big-redump]] [--keep-going]
# Exit: 0 all checks passed, 1 a check failed, 77 MariaDB is not installed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gen="$here/../build-gen/bin/schemerge-gen"
[[ -x $gen ]] || gen="$here/../build/bin/schemerge-gen"
tables=200
seeds="1 2 3 4 5"
big=0
big_redump=0
keep_going=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --gen) gen=$2; shift 2 ;;
        --tables) tables=$2; shift 2 ;;
        --seeds) seeds=$2; shift 2 ;;
        --big) big=$2; shift 2 ;;
        --big-redump) big_redump=1; shift ;;
        --keep-going) keep_going=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "check_mysql_generator.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ -x $gen ]] || { echo "check_mysql_generator.sh: no schemerge-gen at $gen (use --gen PATH)" >&2; exit 2; }
for tool in mariadbd mariadb-install-db mariadb mariadb-dump; do
    if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x /usr/sbin/$tool ]]; then
        echo "check_mysql_generator.sh: SKIPPED: $tool not found (apt-get install mariadb-server)" >&2
        exit 77
    fi
done
PATH=$PATH:/usr/sbin

work=$(mktemp -d "${TMPDIR:-/tmp}/schemerge-mysql-check.XXXXXX")
server_pid=
# Stops the server (mariadbd by its pid file, and the runuser wrapper), waits for it,
# removes the directory. Long client commands run in the background under `wait`, so a
# signal is handled at once, not after the command ends.
cleanup() {
    local status=$? pids=() p alive
    trap - EXIT INT TERM
    [[ -s $work/pid ]] && pids+=("$(cat "$work/pid")")
    [[ -n $server_pid ]] && pids+=("$server_pid")
    for p in "${pids[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for _ in $(seq 1 120); do
        alive=0
        for p in "${pids[@]}"; do
            kill -0 "$p" 2>/dev/null && alive=1
        done
        [[ $alive -eq 0 ]] && break
        sleep 0.5
    done
    for p in "${pids[@]}"; do
        kill -9 "$p" 2>/dev/null || true
    done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Runs "$@" with stdin from $1 (a background command would otherwise read /dev/null).
background() {
    local input=$1
    shift
    "$@" <"$input" &
    wait $!
}

# --- the throwaway server -------------------------------------------------------------
as_server=()
mkdir -p "$work/tmp"  # its own tmpdir: a starting mariadbd deletes the #sql* files in it
if [[ $(id -u) -eq 0 ]]; then
    chown mysql: "$work" "$work/tmp"
    as_server=(runuser -u mysql --)
fi
"${as_server[@]}" mariadb-install-db --datadir="$work/data" --tmpdir="$work/tmp" --auth-root-authentication-method=normal \
    >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
"${as_server[@]}" mariadbd --datadir="$work/data" --socket="$work/sock" --skip-networking \
    --tmpdir="$work/tmp" --pid-file="$work/pid" >"$work/server.log" 2>&1 &
server_pid=$!
sql=(mariadb --socket="$work/sock" -u root)
for _ in $(seq 1 120); do
    "${sql[@]}" -e 'select 1' >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
done
"${sql[@]}" -e 'select 1' >/dev/null || { echo "server did not start" >&2; exit 1; }
echo "MariaDB $("${sql[@]}" -N -e 'select version()'), nproc $(nproc), schemerge-gen $gen"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
    [[ $keep_going -eq 1 ]] || exit 1
}

# Loads $3 into a fresh database $2 and sets $load_ms; $1 names the case in messages.
# Any output of the client (an error, or a warning or note from --show-warnings) is a failure.
load_ms=0
load() {
    local label=$1 db=$2 file=$3 start end
    "${sql[@]}" -e "drop database if exists \`$db\`; create database \`$db\`"
    start=$(date +%s%N)
    if ! background "$file" "${sql[@]}" --show-warnings "$db" >"$work/load.out" 2>&1; then
        fail "$label ($db): the load stopped: $(head -c 2000 "$work/load.out")"
    elif [[ -s $work/load.out ]]; then
        fail "$label ($db): the server said something: $(head -c 2000 "$work/load.out")"
    fi
    end=$(date +%s%N)
    load_ms=$(((end - start) / 1000000))
}

# mariadb-dump of the database the mysqldump-style file made, without what differs by design.
normalize() {
    sed -e '/^-- Dump completed/,$d' -e "s/Database: d_dump\$/Database: app/" \
        -e "s/routines for database 'd_dump'\$/routines for database 'app'/" "$1"
}

# Everything both styles must agree on, one object per line (newlines escaped by -B).
catalog() {
    local db=$1
    {
        "${sql[@]}" -N -B -e "select concat('show create table \`', table_name, '\`;') from information_schema.tables
                              where table_schema = '$db' and table_type = 'BASE TABLE' order by binary table_name" |
            "${sql[@]}" -N -B "$db"
        "${sql[@]}" -N -B -e "select concat('show create view \`', table_name, '\`;') from information_schema.views
                              where table_schema = '$db' order by binary table_name" |
            "${sql[@]}" -N -B "$db" | cut -f1,2
        "${sql[@]}" -N -B -e "select 'trigger', trigger_name, event_object_table, action_timing, event_manipulation,
                                     action_order, action_orientation
                              from information_schema.triggers where trigger_schema = '$db'
                              order by binary trigger_name"
        "${sql[@]}" -N -B -e "select 'routine', r.routine_name, r.routine_type, ifnull(r.dtd_identifier, ''),
                                     r.sql_data_access, r.security_type, r.routine_comment,
                                     ifnull(group_concat(concat_ws(' ', p.parameter_mode, p.parameter_name,
                                                                   p.dtd_identifier)
                                                         order by p.ordinal_position separator ', '), '')
                              from information_schema.routines r
                              left join information_schema.parameters p
                                on p.specific_schema = r.routine_schema and p.specific_name = r.specific_name
                                   and p.routine_type = r.routine_type and p.ordinal_position > 0
                              where r.routine_schema = '$db'
                              group by r.routine_name, r.routine_type order by binary r.routine_name"
    } | sed "s/\`$db\`\./\`DB\`./g"
}

count() { "${sql[@]}" -N -B -e "$1"; }

total_loads=0
for seed in $seeds; do
    for spec in "" "--variant 7 --changed 10" "--variant 8 --changed 10 --churn 30 --schema-migrations"; do
        label="seed $seed${spec:+ $spec}"
        failures_before=$failures
        # shellcheck disable=SC2086
        "$gen" --dialect mysql --tables "$tables" --seed "$seed" $spec --style mysqldump >"$work/dump.sql"
        # shellcheck disable=SC2086
        "$gen" --dialect mysql --tables "$tables" --seed "$seed" $spec --style handwritten >"$work/hand.sql"
        load "$label" d_dump "$work/dump.sql"
        ms_dump=$load_ms
        load "$label" d_hand "$work/hand.sql"
        ms_hand=$load_ms
        total_loads=$((total_loads + 2))

        # The mysqldump style is what mariadb-dump prints for the database it creates.
        background /dev/null mariadb-dump --socket="$work/sock" -u root --no-data --routines d_dump >"$work/redump.sql"
        if ! diff <(normalize "$work/dump.sql") <(normalize "$work/redump.sql") >"$work/redump.diff"; then
            fail "$label: mariadb-dump of the loaded mysqldump-style file differs: $(head -c 3000 "$work/redump.diff")"
        fi

        catalog d_dump >"$work/catalog_dump.txt"
        catalog d_hand >"$work/catalog_hand.txt"
        if ! diff "$work/catalog_dump.txt" "$work/catalog_hand.txt" >"$work/catalog.diff"; then
            fail "$label: the two styles give different catalogs: $(head -c 3000 "$work/catalog.diff")"
        fi

        want=$tables
        [[ $spec == *--schema-migrations* ]] && want=$((tables + 1))
        for db in d_dump d_hand; do
            got=$(count "select count(*) from information_schema.tables where table_schema = '$db'
                         and table_type = 'BASE TABLE'")
            [[ $got -eq $want ]] || fail "$label: $db has $got tables, expected $want"
            if [[ $spec == *--schema-migrations* ]]; then
                rows=$(count "select count(*) from \`$db\`.schema_migrations")
                [[ $rows -eq $((tables + 1)) ]] || fail "$label: $db.schema_migrations has $rows rows"
            fi
        done
        views=$(count "select count(*) from information_schema.views where table_schema = 'd_dump'")
        triggers=$(count "select count(*) from information_schema.triggers where trigger_schema = 'd_dump'")
        routines=$(count "select count(*) from information_schema.routines where routine_schema = 'd_dump'")
        fks=$(count "select count(*) from information_schema.referential_constraints
                     where constraint_schema = 'd_dump'")
        checks=$(count "select count(*) from information_schema.check_constraints
                        where constraint_schema = 'd_dump'")
        verdict=ok
        [[ $failures -eq $failures_before ]] || verdict=FAILED
        printf '%-62s %s: %s tables, %s views, %s triggers, %s routines, %s FKs, %s checks; load %s ms (dump), %s ms (handwritten)\n' \
            "$label" "$verdict" "$want" "$views" "$triggers" "$routines" "$fks" "$checks" "$ms_dump" "$ms_hand"
    done
done
echo "$total_loads files loaded, $failures failures"

if [[ $big -gt 0 ]]; then
    "$gen" --dialect mysql --tables "$big" --seed 1 >"$work/big.sql"
    bytes=$(stat -c %s "$work/big.sql")
    # Statements the server ran for the file: the Questions delta of the load, less that of
    # loading an empty file (the status query itself, load()'s drop and create).
    questions() { count "show global status like 'Questions'" | cut -f2; }
    : >"$work/empty.sql"
    before=$(questions)
    load "empty file" d_big "$work/empty.sql"
    overhead=$(($(questions) - before))
    before=$(questions)
    load "big" d_big "$work/big.sql"
    ms=$load_ms
    statements=$(($(questions) - before - overhead))
    got=$(count "select count(*) from information_schema.tables where table_schema = 'd_big'
                 and table_type = 'BASE TABLE'")
    echo "big: --tables $big --seed 1 (mysqldump): $bytes bytes, $statements statements, $got tables," \
         "loaded in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s"
    [[ $got -eq $big ]] || fail "big: $got tables, expected $big"
    if [[ $big_redump -eq 1 ]]; then
        background /dev/null mariadb-dump --socket="$work/sock" -u root --no-data --routines d_big \
            >"$work/redump.sql"
        if diff <(normalize "$work/big.sql") <(sed -e 's/d_big/d_dump/' "$work/redump.sql" | normalize /dev/stdin) \
            >"$work/redump.diff"; then
            echo "big: mariadb-dump of the loaded database is the generated file (fixed point)"
        else
            fail "big: mariadb-dump of the loaded database differs: $(head -c 3000 "$work/redump.diff")"
        fi
    fi
fi

[[ $failures -eq 0 ]] || exit 1
