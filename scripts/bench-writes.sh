#!/usr/bin/env bash
# The concurrent-write benchmark on a fresh demo: starts `earned serve` on loopback over SQLite
# (default) or PostgreSQL, runs scripts/bench-writes.py with N writers for T seconds, stops.
#
# Usage: scripts/bench-writes.sh [EARNED_BINARY] [sqlite|postgres]    (default .build/debug/earned sqlite)
# Environment:
#   BENCH_WRITERS (default 8), BENCH_SECONDS (default 10)
#   EARNED_BENCH_POSTGRES_URL  an empty PostgreSQL database for the postgres run (default
#                              postgres://earned_ci:earned_ci@localhost:5432/earned_bench; its
#                              tables are dropped and made anew)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(readlink -f "${1:-.build/debug/earned}")
store=${2:-sqlite}
work=$(mktemp -d -t earned-bench-writes.XXXXXX)
port=${BENCH_PORT:-8098}
# The per-token rate limit would answer 429 long before the database is the limit.
export EARNED_PORT=$port EARNED_TICK_SECONDS=0 EARNED_BCRYPT_COST=4 EARNED_API_RATE_LIMIT=0
if [ "$store" = postgres ]; then
    url=${EARNED_BENCH_POSTGRES_URL:-postgres://earned_ci:earned_ci@localhost:5432/earned_bench}
    psql "${url%/*}/postgres" -q -c "DROP DATABASE IF EXISTS ${url##*/}" -c "CREATE DATABASE ${url##*/}"
    export EARNED_DATABASE_URL=$url
    "$bin" migrate > "$work/migrate.log" 2>&1
else
    export EARNED_SQLITE_PATH="$work/earned.sqlite"
fi
"$bin" demo > "$work/demo.log" 2>&1
"$bin" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 1
done
echo "store=$store binary=$bin"
python3 scripts/bench-writes.py "http://127.0.0.1:$port" --writers "${BENCH_WRITERS:-8}" --seconds "${BENCH_SECONDS:-10}"
