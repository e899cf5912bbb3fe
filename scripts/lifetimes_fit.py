#!/usr/bin/env python3
"""Does what `earned fit FILE --customers OUT.csv` does, with the Python library `lifetimes` 0.11.3.

Usage: lifetimes_fit.py SUMMARY.csv [OUT.csv] [--fit-only] [--params PARAMS.json]
                        [--horizon 52] [--months 12] [--discount-rate 0.01]

SUMMARY.csv has customer_id, frequency, recency, T (in weeks) and monetary_value, as
`earned fit --simulate` writes it. Fits BetaGeoFitter on all customers and GammaGammaFitter on
the repeat buyers with positive spend (no penalizer, as Earned), then, unless --fit-only, writes
per customer: P(alive), expected purchases over the horizon (weeks), expected spend per purchase
and customer_lifetime_value(time=months, discount_rate, freq='W'). lifetimes counts a month as
4.345 weeks there; Earned uses 365.2425 / 12 / 7 = 4.348125, a 0.07 % longer month. Estimates,
standard errors and the time of each step go to PARAMS.json (or stdout) and stderr.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("summary")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--fit-only", action="store_true")
    parser.add_argument("--params")
    parser.add_argument("--horizon", type=float, default=52)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--discount-rate", type=float, default=0.01)
    args = parser.parse_args()
    if not args.fit_only and not args.out:
        parser.error("OUT.csv is needed unless --fit-only")

    steps = {}
    start = time.perf_counter()
    data = pd.read_csv(args.summary, dtype={"customer_id": str})
    steps["read"] = time.perf_counter() - start

    start = time.perf_counter()
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(data["frequency"], data["recency"], data["T"])
    steps["bgnbd_fit"] = time.perf_counter() - start

    start = time.perf_counter()
    repeat = data[(data["frequency"] > 0) & (data["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(repeat["frequency"], repeat["monetary_value"])
    steps["gamma_gamma_fit"] = time.perf_counter() - start

    def model(fitter, names):
        summary = fitter.summary
        return {
            "parameters": {ours: float(fitter.params_[theirs]) for ours, theirs in names.items()},
            "standardErrors": {ours: float(summary.loc[theirs, "se(coef)"]) for ours, theirs in names.items()},
        }

    result = {
        "customers": int(len(data)),
        "repeatBuyers": int((data["frequency"] > 0).sum()),
        "purchaseModel": model(bgf, {"r": "r", "alpha": "alpha", "a": "a", "b": "b"}),
        "spendModel": dict(model(ggf, {"p": "p", "q": "q", "gamma": "v"}), customers=int(len(repeat))),
    }

    if not args.fit_only:
        f, r, t, m = data["frequency"], data["recency"], data["T"], data["monetary_value"]
        start = time.perf_counter()
        p_alive = bgf.conditional_probability_alive(f, r, t)
        expected = bgf.conditional_expected_number_of_purchases_up_to_time(args.horizon, f, r, t)
        spend = ggf.conditional_expected_average_profit(f, m)
        clv = ggf.customer_lifetime_value(
            bgf, f, r, t, m, time=args.months, discount_rate=args.discount_rate, freq="W")
        steps["score"] = time.perf_counter() - start
        start = time.perf_counter()
        out = pd.DataFrame({
            "customer_id": data["customer_id"], "frequency": f, "recency": r, "T": t,
            "p_alive": np.asarray(p_alive), "expected_purchases": np.asarray(expected),
            "expected_spend": np.asarray(spend), "clv": np.asarray(clv),
        })
        out.to_csv(args.out, index=False)
        steps["write"] = time.perf_counter() - start
        result["forecast"] = {
            "expectedActiveCustomers": float(np.sum(p_alive)),
            "expectedPurchases": float(np.sum(expected)),
            "lifetimeValue": float(np.sum(clv)),
        }

    for step, seconds in steps.items():
        print(f"lifetimes {step}: {seconds:.2f} s", file=sys.stderr)
    text = json.dumps(result, indent=2, sort_keys=True)
    if args.params:
        with open(args.params, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
