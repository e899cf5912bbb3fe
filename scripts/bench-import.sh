#!/usr/bin/env bash
# Imports 1,000,000 order rows into the scale-20 demo and compares with the sqlite3 shell's own
# .import of the same file into a bare table (the ceiling). Needs a release build and sqlite3.
# Usage: scripts/bench-import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=${BENCH_DIR:-bench-data}
mkdir -p "$work"
earned=.build/release/earned
db="$work/import.sqlite"
rm -f "$db" "$db-wal" "$db-shm" "$work/bare.sqlite"
echo "demo --scale 20:"
/usr/bin/time -f "  %e s, %M KiB peak" env EARNED_SQLITE_PATH="$db" "$earned" demo --scale 20 | tail -n 2
python3 scripts/make-orders-csv.py "$rows" 100000 "$work/orders.csv"
echo "sqlite3 .import into a bare table:"
start=$(date +%s.%N)
sqlite3 "$work/bare.sqlite" <<SQL
CREATE TABLE orders (external_id TEXT, customer_id TEXT, ordered_at TEXT, amount TEXT, discount TEXT, quantity TEXT, items TEXT, channel TEXT);
.mode csv
.import --skip 1 $work/orders.csv orders
SQL
end=$(date +%s.%N)
ceiling=$(echo "$end - $start" | bc)
echo "  $ceiling s"
# The most generous floor: sqlite3 itself copying the file's rows, already prepared (ids,
# customers, times and amounts worked out, in time order as Earned writes them), from a table in
# the same file into a copy of the demo's orders table. Only that INSERT is timed: reading,
# checking and looking up are free here. $1: SQL run on the copy first.
floor() {
  cp "$db" "$work/floor.sqlite"
  sqlite3 "$work/floor.sqlite" <<SQL
CREATE TEMP TABLE stage (external_id TEXT, customer_id TEXT, ordered_at TEXT, amount TEXT, discount TEXT, quantity TEXT, items TEXT, channel TEXT);
.mode csv
.import --skip 1 $work/orders.csv stage
CREATE TABLE ready AS
SELECT c.id AS customer_id, c.home_location_id AS location_id, unixepoch(s.ordered_at) AS placed_at,
  cast(s.amount * 100 AS INTEGER) AS amount_minor, cast(s.discount * 100 AS INTEGER) AS discount_minor,
  cast(s.quantity AS INTEGER) AS quantity, s.items AS items_summary, s.channel AS channel, s.external_id AS external_id
FROM stage s JOIN customers c ON c.external_id = s.customer_id ORDER BY s.ordered_at;
ALTER TABLE ready ADD COLUMN id TEXT;
UPDATE ready SET id = printf('%08X-%04X-7%03X-8000-%012X', 1900000000 + rowid, 0, rowid % 4096, abs(random()) % 281474976710655);
$1
SQL
  start=$(date +%s.%N)
  sqlite3 "$work/floor.sqlite" <<SQL
PRAGMA foreign_keys=ON;
PRAGMA cache_size=-262144;
BEGIN;
INSERT INTO orders (id, customer_id, location_id, placed_at, amount_minor, currency, discount_minor, quantity,
  items_summary, channel, external_id, created_at, updated_at)
SELECT id, customer_id, location_id, placed_at, amount_minor, 'RUB', discount_minor, quantity, items_summary, channel,
  external_id, 1.0, 1.0
FROM ready ORDER BY rowid;
COMMIT;
SQL
  end=$(date +%s.%N)
  took=$(echo "$end - $start" | bc)
  echo "  $took s, $(echo "scale=1; $took / $ceiling" | bc)x the sqlite3 shell"
  rm -f "$work/floor.sqlite" "$work/floor.sqlite-wal" "$work/floor.sqlite-shm"
}
echo "sqlite3 copying the same rows, prepared, into a copy of the demo's orders table (the schema floor):"
floor ""
echo "the same with the table's four secondary indexes dropped first (only its keys and foreign keys left):"
floor "DROP INDEX orders_customer_placed; DROP INDEX orders_placed; DROP INDEX orders_location_placed; DROP INDEX orders_seller;"
echo "earned import orders:"
start=$(date +%s.%N)
EARNED_SQLITE_PATH="$db" "$earned" import orders "$work/orders.csv" --time-zone UTC | tail -n 1
end=$(date +%s.%N)
ours=$(echo "$end - $start" | bc)
echo "  $ours s ($(echo "scale=0; $rows / $ours" | bc) rows/s), $(echo "scale=1; $ours / $ceiling" | bc)x the sqlite3 shell"
echo "importing the same file again:"
/usr/bin/time -f "  %e s" env EARNED_SQLITE_PATH="$db" "$earned" import orders "$work/orders.csv" --time-zone UTC | tail -n 1
