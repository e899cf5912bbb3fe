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
echo "sqlite3 itself inserting the same rows into a copy of the demo's orders table (the schema floor):"
cp "$db" "$work/floor.sqlite"
start=$(date +%s.%N)
sqlite3 "$work/floor.sqlite" <<SQL
PRAGMA cache_size=-262144;
PRAGMA temp_store=memory;
CREATE TEMP TABLE stage (external_id TEXT, customer_id TEXT, ordered_at TEXT, amount TEXT, discount TEXT, quantity TEXT, items TEXT, channel TEXT);
.mode csv
.import --skip 1 $work/orders.csv stage
BEGIN;
INSERT INTO orders (id, customer_id, location_id, placed_at, amount_minor, currency, discount_minor, quantity,
  items_summary, channel, external_id, created_at, updated_at)
SELECT printf('%08X-%04X-7%03X-8000-%012X', 1900000000 + s.rowid, 0, s.rowid % 4096, abs(random()) % 281474976710655),
  c.id, c.home_location_id, unixepoch(s.ordered_at), cast(s.amount * 100 AS INTEGER), 'RUB',
  cast(s.discount * 100 AS INTEGER), s.quantity, s.items, s.channel, s.external_id, 1.0, 1.0
FROM stage s JOIN customers c ON c.external_id = s.customer_id;
COMMIT;
SQL
end=$(date +%s.%N)
floor=$(echo "$end - $start" | bc)
echo "  $floor s, $(echo "scale=1; $floor / $ceiling" | bc)x the sqlite3 shell"
rm -f "$work/floor.sqlite" "$work/floor.sqlite-wal" "$work/floor.sqlite-shm"
echo "earned import orders:"
start=$(date +%s.%N)
EARNED_SQLITE_PATH="$db" "$earned" import orders "$work/orders.csv" --time-zone UTC | tail -n 1
end=$(date +%s.%N)
ours=$(echo "$end - $start" | bc)
echo "  $ours s ($(echo "scale=0; $rows / $ours" | bc) rows/s), $(echo "scale=1; $ours / $ceiling" | bc)x the sqlite3 shell"
echo "importing the same file again:"
/usr/bin/time -f "  %e s" env EARNED_SQLITE_PATH="$db" "$earned" import orders "$work/orders.csv" --time-zone UTC | tail -n 1
