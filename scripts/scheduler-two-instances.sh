#!/usr/bin/env bash
# Proves on PostgreSQL that the scheduler inside `earned serve` is safe to run on several
# instances and survives a crash:
#   (a) two `earned serve` processes on one database, both ticking every second, race to create
#       the ~4,000 after-sale tasks of a demo whose tasks were cleared: no task is created twice (by key, and by order and
#       step), both instances ran passes, the passes' reports add up to the rows, no pass failed,
#       and a following `earned tick` finds nothing left to create;
#   (b) orders imported while both run, then one instance killed with SIGKILL in the middle of
#       the pass that picks them up: their tasks still exist, once each; then the other one
#       killed too, more orders imported while nothing runs, one instance restarted: it creates
#       their tasks; the second restarted, both stopped, and a final `earned tick` reports
#       "0 tasks created" (nothing that fell due was skipped).
#
# Usage: scripts/scheduler-two-instances.sh [EARNED_BINARY]     (default .build/debug/earned)
# Environment:
#   EARNED_SCHED_POSTGRES_URL  the database to use (default
#                              postgres://earned_ci:earned_ci@localhost:5432/earned_sched).
#                              It must be empty (no tables): the script refuses to run over data.
#                              If it does not exist it is created, through the server's
#                              "postgres" database with the same credentials (needs CREATEDB).
#                              It is left filled afterwards, for a look.
#   EARNED_SCHED_RESET=1       drop and recreate that database first (needs the right to), e.g.
#                              to run the script again.
#   EARNED_SCHED_WORK          directory for the logs (default: a new temporary directory; kept).
# Needs psql. Prints PASS/FAIL lines; exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(readlink -f "${1:-${EARNED_BIN:-.build/debug/earned}}")
url=${EARNED_SCHED_POSTGRES_URL:-postgres://earned_ci:earned_ci@localhost:5432/earned_sched}
work=${EARNED_SCHED_WORK:-$(mktemp -d -t earned-sched.XXXXXX)}
mkdir -p "$work"
started=$(date +%s)
failures=0
declare -A pids=()

say() { echo "[$(($(date +%s) - started))s] $*"; }
pass() { say "PASS: $*"; }
fail() {
    say "FAIL: $*"
    failures=$((failures + 1))
}
die() {
    say "FAIL: $*"
    exit 1
}

stop_all() {
    for name in "${!pids[@]}"; do
        pid=${pids[$name]}
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.2
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
        unset "pids[$name]"
    done
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

[ -x "$bin" ] || die "no Earned binary at $bin (give its path as the first argument)"
command -v psql >/dev/null || die "psql is needed (apt-get install postgresql-client)"
[[ $url == postgres://* || $url == postgresql://* ]] || die "EARNED_SCHED_POSTGRES_URL is not a postgres:// URL: $url"

dbname=${url##*/}
dbname=${dbname%%\?*}
admin_url="${url%/*}/postgres"
[[ $url == *\?* ]] && admin_url="$admin_url?${url#*\?}"
sql() { psql "$url" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
admin() { PGOPTIONS="-c client_min_messages=warning" psql "$admin_url" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

# The earned processes run in the work directory (a stray .env elsewhere changes nothing), on
# the PostgreSQL database only, with cheap password hashing.
earned() {
    (cd "$work" && env -u EARNED_SQLITE_PATH -u DATABASE_URL EARNED_DATABASE_URL="$url" EARNED_BCRYPT_COST=4 \
        "$bin" "$@")
}

healthy() { (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health HTTP/1.0\r\n\r\n' >&3 && head -n 1 <&3) 2>/dev/null | grep -q ' 200'; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        port_free "$port" && { echo "$port"; return; }
    done
}

# start NAME: one `earned serve`, ticking every second, logging each query (LOG_LEVEL=debug) so
# its passes show in its log even when they create nothing.
declare -A ports=() logs=()
start() {
    local name=$1 port log
    port=$(free_port)
    log="$work/$name.log"
    ports[$name]=$port
    logs[$name]=$log
    (cd "$work" && exec env -u EARNED_SQLITE_PATH -u DATABASE_URL EARNED_DATABASE_URL="$url" EARNED_BCRYPT_COST=4 \
        EARNED_TICK_SECONDS=1 LOG_LEVEL=debug "$bin" serve --hostname 127.0.0.1 --port "$port") >"$log" 2>&1 &
    pids[$name]=$!
    for _ in $(seq 1 120); do
        healthy "$port" && { say "$name serving on port $port (pid ${pids[$name]}, log $log)"; return; }
        kill -0 "${pids[$name]}" 2>/dev/null || die "$name exited at start: $(tail -n 20 "$log")"
        sleep 0.5
    done
    die "$name did not answer /health within 60 s: $(tail -n 20 "$log")"
}

kill9() {
    local name=$1
    kill -KILL "${pids[$name]}"
    wait "${pids[$name]}" 2>/dev/null || true
    unset "pids[$name]"
}

stop() {
    local name=$1 pid=${pids[$1]}
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        fail "$name did not stop within 20 s of SIGTERM"
        kill -KILL "$pid"
    fi
    wait "$pid" 2>/dev/null || true
    unset "pids[$name]"
}

# Passes a log shows (its queries are logged at debug level): each pass starts with the
# after-sale step's query of delivered orders and ends with claiming due webhook deliveries.
pass_start='Running query.*orders\.delivered_at'
pass_end='UPDATE webhook_deliveries SET claimed_until'
passes() { grep -c "$pass_start" "$1" || true; }
# Whether the last pass a log shows had not finished.
in_pass() { awk -v s="$pass_start" -v e="$pass_end" '$0 ~ s {open = 1} $0 ~ e {open = 0} END {exit !open}' "$1"; }
# Tasks a log's pass reports say were created.
reported() { { grep -o 'scheduler: [0-9]* tasks created' "$1" || true; } | awk '{s += $2} END {print s + 0}'; }
# Whether a log's passes report at least N tasks created (a pass logs after its last step, a
# little after its tasks are stored).
reported_at_least() { [ "$(reported "$1")" -ge "$2" ]; }
failed_passes() { grep -c 'scheduler pass failed' "$1" || true; }

tasks() { sql "SELECT count(*) FROM service_tasks"; }
duplicate_keys() { sql "SELECT count(*) FROM (SELECT key FROM service_tasks GROUP BY key HAVING count(*) > 1) d"; }
# The same order and step twice under different keys (a key spelled two ways would slip past
# the unique index).
duplicate_steps() {
    sql "SELECT count(*) FROM (SELECT subject_id, kind, text FROM service_tasks WHERE key LIKE 'aftersale:%'
         GROUP BY subject_id, kind, text HAVING count(*) > 1) d"
}
# Imported orders (external id prefix) without their handover task.
missing_handover() {
    sql "SELECT count(*) FROM orders o WHERE o.external_id LIKE '$1%' AND NOT EXISTS (
         SELECT 1 FROM service_tasks t WHERE t.key = 'aftersale:' || lower(o.id::text) || ':handover')"
}
all_handovers() { [ "$(missing_handover "$1")" = 0 ]; }
more_passes() { [ "$(passes "${logs[$1]}")" -gt "$2" ]; }
at_least_passes() { [ "$(passes "${logs[a]}")" -ge "$1" ] && [ "$(passes "${logs[b]}")" -ge "$1" ]; }

# final_tick LABEL CUTOFF: `earned tick` must create nothing. A task it does create that was
# due before CUTOFF (epoch seconds; the instances had passes after it) was skipped by them; one
# due later merely fell due since their last pass.
final_tick() {
    local label=$1 cutoff=$2 began all out made skipped
    began=$(($(date +%s) - 1))
    # The report's line (each step's time follows it); the last line when there is none (a failure).
    all=$(earned tick 2>&1) || true
    out=$(printf '%s\n' "$all" | grep ' tasks created' | tail -n 1) || true
    [ -n "$out" ] || out=$(printf '%s\n' "$all" | tail -n 1)
    made=${out%% tasks created*}
    if [ "$made" = 0 ]; then
        pass "$label earned tick found nothing left to create: $out"
    elif ! [[ $made =~ ^[0-9]+$ ]]; then
        fail "$label earned tick failed: $out"
    else
        skipped=$(sql "SELECT count(*) FROM service_tasks WHERE created_at >= to_timestamp($began)
                       AND due_at <= to_timestamp($cutoff)")
        if [ "$skipped" = 0 ]; then
            pass "$label earned tick created only task(s) that fell due after the instances' last pass: $out"
        else
            fail "$label earned tick created $skipped task(s) due before the instances' last pass: $out"
            sql "SELECT key, due_at FROM service_tasks WHERE created_at >= to_timestamp($began)
                 AND due_at <= to_timestamp($cutoff) LIMIT 5"
        fi
    fi
}

check_no_duplicates() {
    local keys steps
    keys=$(duplicate_keys)
    steps=$(duplicate_steps)
    if [ "$keys" = 0 ] && [ "$steps" = 0 ]; then
        pass "$1: $(tasks) tasks, no key twice, no order and step twice"
    else
        fail "$1: $keys keys and $steps order+step pairs have more than one task"
        sql "SELECT key, count(*) FROM service_tasks GROUP BY key HAVING count(*) > 1 LIMIT 5"
    fi
}

# import_orders PREFIX N: N orders for existing demo customers, delivered 3 hours ago.
import_orders() {
    local prefix=$1 n=$2 file="$work/$1orders.csv" ordered delivered
    ordered=$(date -u -d '-4 hours' +%Y-%m-%dT%H:%M:%SZ)
    delivered=$(date -u -d '-3 hours' +%Y-%m-%dT%H:%M:%SZ)
    echo "external_id,customer_id,ordered_at,amount,currency,quantity,items,channel,delivered_at" >"$file"
    local i=0
    while read -r customer; do
        i=$((i + 1))
        echo "$prefix$i,$customer,$ordered,1500.00,RUB,1,Scheduler test,store,$delivered" >>"$file"
    done < <(sql "SELECT external_id FROM customers WHERE external_id IS NOT NULL AND erased_at IS NULL
                  AND merged_into_id IS NULL AND home_location_id IS NOT NULL
                  ORDER BY md5(external_id || '$prefix') LIMIT $n")
    earned import orders "$file" | tail -n 1 | sed 's/^/    /'
    local found
    found=$(sql "SELECT count(*) FROM orders WHERE external_id LIKE '$prefix%' AND delivered_at IS NOT NULL")
    [ "$found" = "$n" ] || die "importing $file stored $found delivered orders, not $n"
}

# wait_for TIMEOUT DESCRIPTION COMMAND…: until the command succeeds.
wait_for() {
    local timeout=$1 what=$2
    shift 2
    local deadline=$(($(date +%s) + timeout))
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.5
    done
}

say "earned: $bin"
say "database: ${url/\/\/*@/\/\/…@}; logs in $work"

# ---- the database
if [ "${EARNED_SCHED_RESET:-0}" = 1 ]; then
    admin "DROP DATABASE IF EXISTS \"$dbname\"" || die "cannot drop $dbname (EARNED_SCHED_RESET=1 needs the right to)"
fi
if ! sql "SELECT 1" >/dev/null 2>&1; then
    admin "CREATE DATABASE \"$dbname\"" || die "database $dbname does not exist and cannot be created"
    say "created database $dbname"
fi
tables=$(sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
[ "$tables" = 0 ] || die "database $dbname is not empty ($tables tables); give an empty one or set EARNED_SCHED_RESET=1"

earned migrate --yes >"$work/migrate.log" 2>&1 || die "migrate failed: $(tail -n 20 "$work/migrate.log")"
t0=$(date +%s)
earned demo --scale 1 >"$work/demo.log" 2>&1 || die "demo failed: $(tail -n 20 "$work/demo.log")"
say "migrated; demo --scale 1 took $(($(date +%s) - t0)) s: $(grep -o 'Demo business created.*' "$work/demo.log" || tail -n 1 "$work/demo.log")"
# The demo comes with two years of closed tasks; the race needs a backlog, as on a business
# that starts using the scheduler: every task is removed, so the first passes recreate the
# after-sale work of the last weeks (thousands of tasks) at once.
sql "DELETE FROM service_tasks" >/dev/null
[ "$(tasks)" = 0 ] || die "could not clear the demo's tasks"

# ---- (a) two instances race for the same work
say "(a) two instances, both ticking every second, on the demo's untouched backlog"
start a
start b
stable=0
last=-1
deadline=$(($(date +%s) + 300))
while :; do
    now_tasks=$(tasks)
    if [ "$now_tasks" = "$last" ] && [ "$now_tasks" != 0 ]; then stable=$((stable + 1)); else stable=0; fi
    last=$now_tasks
    if [ "$stable" -ge 3 ] && [ "$(passes "${logs[a]}")" -ge 3 ] && [ "$(passes "${logs[b]}")" -ge 3 ]; then break; fi
    [ "$(date +%s)" -lt "$deadline" ] || { fail "(a) tasks or passes did not settle within 300 s"; break; }
    for n in a b; do kill -0 "${pids[$n]}" 2>/dev/null || die "$n exited: $(tail -n 20 "${logs[$n]}")"; done
    sleep 2
done
say "    $(tasks) tasks; instance a: $(passes "${logs[a]}") passes, reported $(reported "${logs[a]}") created;" \
    "b: $(passes "${logs[b]}") passes, reported $(reported "${logs[b]}") created"
check_no_duplicates "(a)"
pa=$(passes "${logs[a]}")
pb=$(passes "${logs[b]}")
if [ "$pa" -ge 2 ] && [ "$pb" -ge 2 ]; then
    pass "(a) both instances ran scheduler passes (a: $pa, b: $pb)"
else
    fail "(a) an instance ran no scheduler passes (a: $pa, b: $pb)"
fi
sum=$(($(reported "${logs[a]}") + $(reported "${logs[b]}")))
if [ "$sum" = "$(tasks)" ]; then
    pass "(a) the two instances' reports add up to the tasks stored ($sum): none counted twice"
else
    fail "(a) the instances report $sum tasks created, the database holds $(tasks)"
fi
for n in a b; do
    if [ "$(failed_passes "${logs[$n]}")" = 0 ]; then
        pass "(a) no failed pass on $n"
    else
        fail "(a) $n: $(failed_passes "${logs[$n]}") failed passes, e.g. $(grep -m 1 'scheduler pass failed' "${logs[$n]}")"
    fi
done
final_tick "(a) with both running," "$(($(date +%s) - 15))"

# ---- (b) a crash in the middle of a pass, work added while nothing runs, restarts
say "(b) orders imported while both run; a killed with SIGKILL in the pass that picks them up"
import_orders SCHED-X- 3
before=$(passes "${logs[a]}")
if wait_for 30 "a pass on a" more_passes a "$before"; then
    kill9 a
    if in_pass "${logs[a]}"; then
        say "    a was killed in the middle of a pass (its log shows the pass begin, not end)"
    else
        say "    a was killed between passes (its last pass had ended)"
    fi
else
    fail "(b) a started no pass within 30 s of the import"
    kill9 a
fi
if wait_for 60 "tasks for the orders" all_handovers SCHED-X-; then
    pass "(b) the orders imported when a was killed have their handover tasks (b went on)"
else
    fail "(b) $(missing_handover SCHED-X-) of 3 orders imported before the kill have no handover task 60 s later"
fi
check_no_duplicates "(b) after the kill"

say "(b) b killed as well; orders imported while no instance runs; a restarted alone"
kill9 b
import_orders SCHED-Y- 3
missing=$(missing_handover SCHED-Y-)
[ "$missing" = 3 ] || fail "(b) with no instance running, $((3 - missing)) of the new orders already have tasks"
mv "${logs[a]}" "$work/a-before-kill.log"
mv "${logs[b]}" "$work/b-before-kill.log"
start a
if wait_for 60 "tasks for the orders" all_handovers SCHED-Y-; then
    pass "(b) after the restart, a created the handover tasks of the orders that came while it was down"
else
    fail "(b) $(missing_handover SCHED-Y-) of 3 orders imported while nothing ran have no handover task 60 s after the restart"
fi
wait_for 30 "the pass's report" reported_at_least "${logs[a]}" 3 || true
made=$(reported "${logs[a]}")
if [ "$made" -ge 3 ]; then
    pass "(b) the restarted a reports creating them ($(grep -m 1 -o 'scheduler: .*failed' "${logs[a]}"))"
else
    fail "(b) the restarted a reports $made tasks created; at least 3 were due"
fi
start b
wait_for 60 "passes on both" at_least_passes 3 ||
    fail "(b) the restarted instances did not run 3 passes each within 60 s"
stopped=$(date +%s)
stop a
stop b
check_no_duplicates "(b) after the restarts"
for log in "$work"/a*.log "$work"/b*.log; do
    n=$(failed_passes "$log")
    [ "$n" = 0 ] || fail "(b) $(basename "$log"): $n failed passes, e.g. $(grep -m 1 'scheduler pass failed' "$log")"
done
final_tick "(b) after both stopped," "$((stopped - 15))"
check_no_duplicates "(b) after the final tick"

say "$(tasks) tasks in $dbname; logs in $work"
if [ "$failures" = 0 ]; then
    say "PASS: the scheduler on two instances ($(($(date +%s) - started)) s)"
else
    say "FAIL: $failures check(s) failed ($(($(date +%s) - started)) s)"
    exit 1
fi
