"""Pareto/NBD with time-invariant covariates (Fader & Hardie 2007), as ParetoNBDRegression.swift:
alpha_i = alpha0 exp(-b1'z), beta_i = beta0 exp(-b2'z); factors exp(b1), exp(b2).
Gradient by per-customer 'channels' (r, s, log alpha_i, log beta_i) with central differences;
SEs from a finite-difference Hessian of that gradient."""
import time
import numpy as np
from scipy.special import gammaln, hyp2f1
from scipy.optimize import minimize


def ll_terms(x, tx, T, r, a, s, b):
    """per-customer log-likelihood, a, b arrays (FHL 2005 note eq. with 2F1)."""
    rsx = r + s + x
    big = a >= b
    hi = np.where(big, a, b)
    lo = np.where(big, b, a)
    z1 = (hi - lo) / (hi + tx)
    z2 = (hi - lo) / (hi + T)
    bb = np.where(big, s + 1, r + x)
    f1 = hyp2f1(rsx, bb, rsx + 1, z1)
    f2 = hyp2f1(rsx, bb, rsx + 1, z2)
    l1 = np.log(f1) - rsx * np.log(hi + tx)
    l2 = np.log(f2) - rsx * np.log(hi + T)
    # A0 = exp(l1) - exp(l2) (>0)
    logA0 = l1 + np.log1p(-np.exp(np.minimum(l2 - l1, -1e-300)))
    base = gammaln(r + x) - gammaln(r) + r * np.log(a) + s * np.log(b)
    t1 = -(r + x) * np.log(a + T) - s * np.log(b + T)
    t2 = np.log(s / rsx) + logA0
    return base + np.logaddexp(t1, t2)


class PNBD:
    def __init__(self, x, tx, T, Z):
        self.x, self.tx, self.T, self.Z = x.astype(float), tx, T, Z
        self.k = Z.shape[1]

    def unpack(self, th):
        k = self.k
        r, a0, s, b0 = np.exp(th[:4])
        b1, b2 = th[4:4 + k], th[4 + k:]
        return r, a0 * np.exp(-self.Z @ b1), s, b0 * np.exp(-self.Z @ b2)

    def nll(self, th):
        r, a, s, b = self.unpack(th)
        v = ll_terms(self.x, self.tx, self.T, r, a, s, b)
        return -v.sum() if np.all(np.isfinite(v)) else 1e300

    def grad(self, th, h=1e-5):
        r, a, s, b = self.unpack(th)
        f = lambda **kw: ll_terms(self.x, self.tx, self.T, kw.get('r', r), kw.get('a', a), kw.get('s', s), kw.get('b', b))
        e = np.exp(h)
        dr = (f(r=r * e) - f(r=r / e)).sum() / (2 * h)   # d/dlog r
        ds = (f(s=s * e) - f(s=s / e)).sum() / (2 * h)
        da = (f(a=a * e) - f(a=a / e)) / (2 * h)        # per-customer d/dlog a_i
        db = (f(b=b * e) - f(b=b / e)) / (2 * h)
        g = np.concatenate([[dr, da.sum(), ds, db.sum()], -self.Z.T @ da, -self.Z.T @ db])
        return -g

    def fit(self):
        t0 = time.time()
        th0 = np.concatenate([np.log([0.8, 20.0, 0.8, 20.0]), np.zeros(2 * self.k)])
        res = minimize(self.nll, th0, jac=self.grad, method="L-BFGS-B",
                       options=dict(maxiter=2000, maxfun=4000, ftol=1e-13, gtol=1e-6))
        th = res.x
        P = th.size
        H = np.zeros((P, P))
        for j in range(P):
            e = np.zeros(P); e[j] = 1e-4
            H[:, j] = (self.grad(th + e) - self.grad(th - e)) / 2e-4
        H = (H + H.T) / 2
        cov = np.linalg.inv(H)
        return th, np.sqrt(np.diag(cov)), res, time.time() - t0


def factors(th, se, idx):
    b = th[idx]
    return np.exp([b, b - 1.959964 * se[idx], b + 1.959964 * se[idx]])


if __name__ == "__main__":
    import sys
    from sim import simulate
    seeds = [int(s) for s in sys.argv[2:]] or [1, 2]
    after = sys.argv[1].startswith("2")
    rule = "geometric" if sys.argv[1] == "2g" else "uniform"
    for seed in seeds:
        c = simulate(150_000, seed, after, rule)
        for name, keep in (("all", np.ones(len(c['x']), bool)), ("there", ~c['gone'])):
            if name == "there" and (not after or rule == "geometric"):
                continue
            Z = np.column_stack([c['let_down'], c['year_orders'], c['weeks_since_last'], c['rate']])[keep]
            m = PNBD(c['x'][keep], c['tx'][keep], c['T'][keep], Z)
            th, se, res, dt = m.fit()
            k = m.k
            pf, df = factors(th, se, 4), factors(th, se, 4 + k)
            print(f"case {sys.argv[1]} seed {seed} {name}: purchase {pf[0]:.3f} ({pf[1]:.3f}-{pf[2]:.3f}) "
                  f"leave {df[0]:.3f} ({df[1]:.3f}-{df[2]:.3f})  r,a,s,b={np.exp(th[:4]).round(3)} "
                  f"conv={res.success} it={res.nit} {dt:.0f}s", flush=True)
