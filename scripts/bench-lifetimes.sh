#!/usr/bin/env bash
# Times `earned fit` against the Python library `lifetimes` 0.11.3 on the same simulated file of
# 1,000,000 customers (CDNOW parameters, seed 1), in the same run: the fit with every customer's
# P(alive), expected purchases over 52 weeks and 12-month CLV at 1 % a month, and the fit alone.
# Prints time and peak memory of each, the ratios, both sets of estimates side by side and the
# largest differences between the two per-customer files.
#
# Usage: scripts/bench-lifetimes.sh EARNED_BINARY [SUBCOMMAND]
#   EARNED_BINARY  a release build, e.g. .build/release/earned
#   SUBCOMMAND     the words before the fit arguments: "fit" by default; "" when the binary
#                  takes them directly
# Environment: BENCH_CUSTOMERS (1000000), BENCH_SEED (1), BENCH_REPEATS (5: runs of earned, median
# time), PYTHON (python3.11).
# The virtualenv .build/lifetimes-venv is made once (PyPI only) and reused while its pins match.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,14p' "$0"; exit 2; }
binary=$(realpath "$1")
prefix=${2-fit}
cd "$(dirname "$0")/.."
customers=${BENCH_CUSTOMERS:-1000000}
seed=${BENCH_SEED:-1}
work=.build/lifetimes-bench
venv=.build/lifetimes-venv
mkdir -p "$work"

# lifetimes 0.11.3 (2020) with versions that install as wheels and run on Python 3.11.
pins=(lifetimes==0.11.3 numpy==1.26.4 scipy==1.11.4 pandas==2.1.4 autograd==1.6.2 dill==0.3.7
    future==1.0.0 python-dateutil==2.9.0.post0 six==1.16.0 pytz==2024.1 tzdata==2024.1)
if [ "$(cat "$venv/.pins" 2>/dev/null)" != "${pins[*]}" ]; then
    python=${PYTHON:-$(command -v python3.11 || command -v python3)}
    echo "making $venv with $("$python" --version)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
    echo "${pins[*]}" > "$venv/.pins"
fi
py="$venv/bin/python"

earned=("$binary")
[ -n "$prefix" ] && read -r -a words <<< "$prefix" && earned+=("${words[@]}")
file="$work/customers-$customers-seed$seed.csv"
echo "simulating $customers customers (seed $seed) with ${earned[*]} --simulate"
"${earned[@]}" "$file" --simulate "$customers" --seed "$seed"
echo "  $(wc -l < "$file") lines, $(du -h "$file" | cut -f1)"

timed() {  # NAME COMMAND...: runs COMMAND, keeping "%e s %M KiB" in $work/NAME.time
    local name=$1
    shift
    echo "$name: $*" >&2
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@"
}
# Earned's runs take about a second, so the shared machine's noise moves them by a quarter: each
# is run BENCH_REPEATS times (5) and its median time is compared (peak memory: the largest).
repeats=${BENCH_REPEATS:-5}
rm -f "$work"/earned-*.time
for k in $(seq "$repeats"); do
    timed "earned-customers.$k" "${earned[@]}" "$file" --customers "$work/earned-customers.csv" \
        > "$work/earned-report.json"
    timed "earned-fit.$k" "${earned[@]}" "$file" > "$work/earned-fit.json"
done
timed lifetimes-customers "$py" scripts/lifetimes_fit.py "$file" "$work/lifetimes-customers.csv" \
    --params "$work/lifetimes-params.json"
timed lifetimes-fit "$py" scripts/lifetimes_fit.py "$file" --fit-only --params "$work/lifetimes-fit.json"

"$py" - "$work" <<'PY'
import glob, json, statistics, sys
import numpy as np
import pandas as pd

work = sys.argv[1]
def run(name):
    """(time, peak MiB) of a run; of runs NAME.1, NAME.2, …: the median time and the largest peak."""
    files = sorted(glob.glob(f"{work}/{name}.*.time")) or [f"{work}/{name}.time"]
    runs = [open(f).read().split() for f in files]
    return statistics.median(float(s) for s, _ in runs), max(int(k) for _, k in runs) / 1024
print()
print(f"{'':32} {'time':>9} {'peak memory':>12}")
rows = {}
for name, label in [("earned-customers", "earned fit --customers"), ("earned-fit", "earned fit (no --customers)"),
                    ("lifetimes-customers", "lifetimes fit + customers"), ("lifetimes-fit", "lifetimes fit alone")]:
    rows[name] = run(name)
    print(f"{label:32} {rows[name][0]:8.2f}s {rows[name][1]:9.0f} MiB")
for ours, theirs, label in [("earned-customers", "lifetimes-customers", "with customers"),
                            ("earned-fit", "lifetimes-fit", "fit")]:
    (t1, m1), (t2, m2) = rows[ours], rows[theirs]
    print(f"lifetimes / earned, {label:15} {t2 / t1:8.1f}x time {m2 / m1:7.1f}x memory")

earned = json.load(open(f"{work}/earned-report.json"))
lifetimes = json.load(open(f"{work}/lifetimes-params.json"))
print()
print(f"{'parameter':12} {'earned':>12} {'lifetimes':>12} {'rel. diff':>10}   {'SE earned':>10} {'SE lifetimes':>12}")
for model, names in (("purchaseModel", ["r", "alpha", "a", "b"]), ("spendModel", ["p", "q", "gamma"])):
    ours, theirs = earned[model], lifetimes[model]
    for name in names:
        a, b = ours["parameters"][name], theirs["parameters"][name]
        sa, sb = ours["standardErrors"].get(name, float("nan")), theirs["standardErrors"][name]
        print(f"{name:12} {a:12.5g} {b:12.5g} {abs(a - b) / abs(b):10.1e}   {sa:10.4g} {sb:12.4g}")
print(f"customers {earned['customers']} / {lifetimes['customers']}, "
      f"Gamma-Gamma on {earned['spendModel']['customers']} / {lifetimes['spendModel']['customers']}")

columns = ["p_alive", "expected_purchases", "expected_spend", "clv"]
a = pd.read_csv(f"{work}/earned-customers.csv", dtype={"customer_id": str}, usecols=["customer_id"] + columns)
b = pd.read_csv(f"{work}/lifetimes-customers.csv", dtype={"customer_id": str}, usecols=["customer_id"] + columns)
assert len(a) == len(b) and (a["customer_id"].values == b["customer_id"].values).all(), "customers differ"
print()
for column in columns:
    x, y = a[column].to_numpy(), b[column].to_numpy()
    scale = np.maximum(np.abs(x), np.abs(y))
    relative = np.where(scale > 1e-12, np.abs(x - y) / np.where(scale > 0, scale, 1), 0)
    i = int(np.argmax(relative))
    print(f"{column:20} largest relative difference {relative[i]:.2e} (customer {a['customer_id'][i]}: "
          f"{x[i]:.6g} vs {y[i]:.6g}), largest absolute {np.max(np.abs(x - y)):.2e}")
PY
