"""Vectorised numpy port of ServiceEffectRecoveryTests.simulate (Swift, /work/main).

simulate(count, seed, after_a_purchase, rule) returns a dict of per-customer arrays:
  post-moment:  x, tx, T (weeks), let_down
  controls:     year_orders = log1p(orders in year before), weeks_since_last = log1p(weeks since last),
                rate = log((1+n_before)/(1+weeks since first))
  full history: n (purchases at or before the moment, incl. the first), L (weeks first->last before),
                m (weeks first->moment)
  truth:        gone (left at the moment's purchase, the Swift flag), gone_true (gone at the moment),
                lam, p
rule: 'uniform' = the Swift rule (moment after a purchase picked uniformly among those before day 0);
      'geometric' = each purchase before day 0 brings a moment with chance 0.3, first one is used
      (a rule that does not look at the future); customers with none are skipped.
"""
import numpy as np

PURCHASE_FACTOR = 0.70
DROPOUT_FACTOR = 2.0


def _paths(rng, M):
    lam = rng.gamma(0.9, 1 / 20, M)
    p = rng.beta(0.5, 5, M)
    first = 700 * rng.random(M)
    t = -first.copy()
    gone = rng.random(M) < p
    cust = [np.arange(M)]
    times = [t.copy()]
    active = ~gone
    idx = np.nonzero(active)[0]
    while idx.size:
        t[idx] += rng.exponential(1 / lam[idx])
        over = t[idx] > 720
        ok = idx[~over]
        cust.append(ok)
        times.append(t[ok].copy())
        g = rng.random(ok.size) < p[ok]
        gone[ok[g]] = True
        idx = ok[~g]
    cust = np.concatenate(cust)
    times = np.concatenate(times)
    order = np.lexsort((times, cust))
    return lam, p, first, gone, cust[order], times[order]


def simulate(count, seed, after_a_purchase=False, rule="uniform"):
    rng = np.random.default_rng(seed)
    M = int(count * (2.2 if (after_a_purchase and rule == "geometric") else (1.05 if after_a_purchase else 3.0))) + 1000
    lam, p, first, gone, cust, times = _paths(rng, M)
    counts = np.bincount(cust, minlength=M)
    start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    last_time = times[start + counts - 1]
    nb0 = np.bincount(cust, weights=(times <= 0), minlength=M).astype(int)  # >= 1 (first <= 0)
    keep = np.ones(M, bool)
    gone_flag = np.zeros(M, bool)
    if after_a_purchase:
        if rule == "uniform":
            j = np.floor(rng.random(M) * nb0).astype(int)
        else:
            # index of the first purchase (among those before day 0) that brings a moment
            g = rng.geometric(0.3, M) - 1
            keep &= g < nb0
            j = np.minimum(g, nb0 - 1)
        moment = np.minimum(times[start + j] + 10 * rng.random(M), 0)
        gone_flag = gone & (j == counts - 1)
    else:
        keep &= ~(gone & (last_time <= 0))
        moment = np.zeros(M)
    sel = np.nonzero(keep)[0][:count]
    assert sel.size == count, "too few customers generated"
    let_down = rng.random(M) < 0.15
    age = 30 + 670 * rng.random(M)
    extra = (DROPOUT_FACTOR - 1) * lam * p
    departure = np.where(let_down, moment + rng.exponential(1 / extra), np.inf)
    mom = moment[cust]
    thin = rng.random(times.size) < PURCHASE_FACTOR
    after = (times > mom) & (times <= mom + age[cust]) & (times < departure[cust]) & (~let_down[cust] | thin)
    before = times <= mom
    x = np.bincount(cust, weights=after, minlength=M).astype(int)
    last_after = np.full(M, -np.inf)
    np.maximum.at(last_after, cust[after], times[after])
    last_after = np.where(x > 0, last_after, moment)
    n = np.bincount(cust, weights=before, minlength=M).astype(int)
    year = np.bincount(cust, weights=before & (times > mom - 365), minlength=M)
    last_before = np.full(M, -np.inf)
    np.maximum.at(last_before, cust[before], times[before])
    # gone at the moment (truly): left after the last purchase at or before the moment
    # (the Swift flag only looks at the picked purchase j)
    last_idx_before = start + n - 1
    gone_true = gone & (last_idx_before == start + counts - 1)
    d = dict(
        x=x, tx=(last_after - moment) / 7, T=age / 7, let_down=let_down.astype(float),
        year_orders=np.log1p(year), weeks_since_last=np.log1p((moment - last_before) / 7),
        rate=np.log((1 + n) / (1 + (moment + first) / 7)),
        n=n, L=(last_before + first) / 7, m=(moment + first) / 7,
        gone=gone_flag, gone_true=gone_true, lam=lam, p=p,
    )
    return {k: v[sel] for k, v in d.items()}


if __name__ == "__main__":
    import time
    for a in (False, True):
        t0 = time.time()
        c = simulate(150_000, 1, a)
        print(a, time.time() - t0, "gone", c["gone"].sum(), "gone_true", c["gone_true"].sum(),
              "mean x", c["x"].mean(), "mean n", c["n"].mean(), "x=0", (c["x"] == 0).mean())
