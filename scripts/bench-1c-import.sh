#!/usr/bin/env bash
# A shop's own 1C-style export end to end (issue 17): 10,000 customers then 40,000 orders in
# Windows-1251 with ';' (scripts/make-1c-export.py), previewed (--dry-run) and imported into a
# fresh demo on SQLite; the anchor is the sqlite3 shell's .import of the same orders file
# (converted to UTF-8) into a bare table, timed in the same run.
# Usage: scripts/bench-1c-import.sh [EARNED_BINARY] [CUSTOMERS] [ORDERS]
set -euo pipefail
cd "$(dirname "$0")/.."
earned=$(realpath "${1:-.build/release/earned}")
customers=${2:-10000}
orders=${3:-40000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export EARNED_SQLITE_PATH="$work/earned.sqlite"
"$earned" demo > "$work/demo.log" 2>&1
python3 scripts/make-1c-export.py "$customers" "$orders" "$work/export"
ls -l "$work/export" | awk 'NR > 1 { printf "  %s: %d bytes\n", $9, $5 }'
timed() {  # label, command...
    local label=$1
    shift
    local start end
    start=$(date +%s.%N)
    "$@" > "$work/out.log" 2>&1 || { tail -n 20 "$work/out.log"; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
iconv -f cp1251 -t utf-8 "$work/export/orders.csv" > "$work/orders-utf8.csv"
anchor=$(timed anchor sqlite3 "$work/bare.sqlite" \
    -cmd "CREATE TABLE o (a, b, c, d, e, f, g, h, i, j);" -cmd ".mode csv" -cmd ".separator ;" \
    ".import --skip 1 $work/orders-utf8.csv o")
echo "anchor, sqlite3 .import of the orders into a bare table: $anchor s"
report() {  # label, seconds, rows
    printf "%-44s %7.2f s  %8.0f rows/s  %6.1fx the anchor\n" "$1" "$2" "$(echo "$3 / $2" | bc -l)" "$(echo "$2 / $anchor" | bc -l)"
}
lines=$(( customers + customers / 50 ))
t=$(timed preview "$earned" import customers "$work/export/customers.csv" --dry-run)
report "preview of the customers (--dry-run)" "$t" "$lines"
t=$(timed customers "$earned" import customers "$work/export/customers.csv")
report "import of the customers" "$t" "$lines"
t=$(timed preview "$earned" import orders "$work/export/orders.csv" --dry-run)
report "preview of the orders (--dry-run)" "$t" "$orders"
t=$(timed orders "$earned" import orders "$work/export/orders.csv")
tail -n 1 "$work/out.log"
report "import of the orders" "$t" "$orders"
t=$(timed again "$earned" import orders "$work/export/orders.csv")
tail -n 1 "$work/out.log"
report "the same orders again (nothing changes)" "$t" "$orders"
