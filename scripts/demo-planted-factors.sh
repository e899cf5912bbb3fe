#!/usr/bin/env bash
# Whether the lifetime model finds the service effects the demo plants, over several demos.
#
#   scripts/demo-planted-factors.sh EARNED_BINARY [SCALE] [SEED...]
#
# For each seed (default 2026 7 11 13 17 19 23) builds the demo business at SCALE (default 20:
# 100,000 customers) in a throwaway SQLite file, scores it, and prints the factors the covariate
# model found for a failed first promise and a late first reply, each with its 95 % interval,
# beside the factors the demo planted; then how many of the intervals hold their planted factor
# and how many a 95 % interval should (the expected count and a two-sided 95 % range for it).
# The limits are compared as printed (three significant digits).
# About 6 minutes and 2 GiB a seed at scale 20 on 2 cores (release build).
set -euo pipefail
binary=${1:?usage: $0 EARNED_BINARY [SCALE] [SEED...]}
scale=${2:-20}
shift $(($# > 1 ? 2 : 1))
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(2026 7 11 13 17 19 23)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in "${seeds[@]}"; do
    db="$work/demo-$seed.sqlite"
    EARNED_SQLITE_PATH=$db "$binary" demo --scale "$scale" --seed "$seed" > "$work/demo-$seed.log" 2>&1 \
        || { echo "seed $seed: the demo failed"; tail -5 "$work/demo-$seed.log"; exit 1; }
    EARNED_SQLITE_PATH=$db "$binary" score > "$work/score-$seed.log" 2>&1 \
        || { echo "seed $seed: the score failed"; tail -5 "$work/score-$seed.log"; exit 1; }
    grep -h "^Planted after" "$work/demo-$seed.log" | sed "s/^/seed $seed: /"
    grep -h "service in the lifetime model" "$work/score-$seed.log" | sed "s/^ */seed $seed: found: /"
    rm -f "$db" "$db"-*
done | tee "$work/all.log"
python3 - "$work/all.log" <<'PY'
import math, re, sys
planted, held, total = {}, 0, 0
for line in open(sys.argv[1]):
    seed = line.split(":")[0]
    if "Planted after" in line:
        planted = {(m[0], w): float(v) for m in re.findall(r"(\w+) (leaving ×[\d.]+, purchases ×[\d.]+)", line)
                   for w, v in re.findall(r"(leaving|purchases) ×([\d.]+)", m[1])}
    elif "found:" in line:
        for name, part in re.findall(r"(\w+) (leaving ×[^;]*)", line):
            for what, est, lo, hi in re.findall(r"(leaving|purchases) ×([\d.]+) \(([\d.]+) … ([\d.]+)\)", part):
                truth = planted[(name, what)]
                inside = float(lo) <= truth <= float(hi)
                held += inside
                total += 1
                print(f"{seed}: {name} {what}: planted {truth:g}, found {est} ({lo} … {hi}){'' if inside else '  MISSED'}")
expected = 0.95 * total
sd = math.sqrt(total * 0.95 * 0.05)
print(f"{held} of {total} intervals hold their planted factor; a 95 % interval should hold about "
      f"{expected:.1f} ({max(0, math.floor(expected - 1.96 * sd))}–{min(total, math.ceil(expected + 1.96 * sd))})")
PY
