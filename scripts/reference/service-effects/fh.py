"""Full-history BG model with a covariate switch at the service moment ("BG/switch").

Customer clock: 0 = first purchase; n purchases at or before the moment (incl. the first), the last
at L, the moment at m; after it x purchases, the last at m + tx, now at m + T (weeks).
Latent: lambda ~ Gamma(r, rate alpha) (purchases per week), p ~ Beta(a, b).
Before the moment: purchases Poisson(lambda); after each purchase (the first too) the customer
leaves with chance p  (the BG/NBD story, MBG-style at the first purchase).
After the moment, with A = exp(beta'z), C = exp(gamma'z):
  purchases Poisson(lambda*A);
  mode 'cont'  (delta=0): leaving is a continuous hazard lambda*p*C   -> leave factor exp(gamma_j)
  mode 'mix'   (delta=1): leave after each purchase with chance p and also at hazard lambda*p*C
                           -> total hazard lambda*p*(A + C); leave factor (A1+C1)/(A0+C0)
Per customer likelihood given (lambda, p), K = A + p*C:
  (lambda)^{n-1} (1-p)^{n-1} * [ 1{x=0, not known there} p e^{-lambda L}
        + (1-p) e^{-lambda m} (lambda A)^x (1-p)^{delta x} ( (A/K) e^{-lambda K T} + D e^{-lambda K tx} ) ]
  D = delta*1{x>0} p/(1-p) + p C / K.
lambda integrates in closed form: int lambda^k e^{-lambda c} Gamma(r,alpha) = G(k,c) =
  Gamma(r+k)/Gamma(r) alpha^r (alpha+c)^{-(r+k)}; p by a fixed grid in logit(p) whose weights are
  the Beta(a,b) mass of each bin. If a customer is known to be there at the moment ('there' flag),
  the gone term is dropped and the likelihood divided by P(alive at m) = E[(1-p)(alpha/(alpha+p m))^r].
"""
import time
import numpy as np
from scipy.special import gammaln, digamma, betainc, logsumexp, expit
from scipy.optimize import minimize


class Grid:
    def __init__(self, G=48, lo=-13.0, hi=5.0):
        edges = np.linspace(lo, hi, G + 1)
        self.u = (edges[:-1] + edges[1:]) / 2
        self.p = expit(self.u)
        self.pe = expit(edges[1:-1])  # inner edges

    def logw(self, a, b):
        cdf = np.concatenate([[0.0], betainc(a, b, self.pe), [1.0]])
        return np.log(np.maximum(np.diff(cdf), 1e-300))

    def dlogw(self, a, b, h=1e-6):
        e = np.exp(h)
        da = (self.logw(a * e, b) - self.logw(a / e, b)) / (2 * h)
        db = (self.logw(a, b * e) - self.logw(a, b / e)) / (2 * h)
        return da, db


class FullHistory:
    def __init__(self, c, ZA, ZC, mode="cont", there=None, G=48, chunk=20000, conditional=True):
        self.conditional = conditional
        self.n = c['n'].astype(float)[:, None]
        self.L, self.m = c['L'][:, None], c['m'][:, None]
        self.x = c['x'].astype(float)[:, None]
        self.tx, self.T = c['tx'][:, None], c['T'][:, None]
        self.ZA, self.ZC = ZA, ZC
        self.kA, self.kC = ZA.shape[1], ZC.shape[1]
        self.delta = 1.0 if mode == "mix" else 0.0
        N = len(c['x'])
        self.there = np.zeros(N, bool) if there is None else np.asarray(there, bool)
        self.grid = Grid(G)
        self.chunk = chunk
        self.N = N

    def _logG(self, k, cc, r, al):
        lg = gammaln(r + k) - gammaln(r) + r * np.log(al) - (r + k) * np.log(al + cc)
        dr = r * (digamma(r + k) - digamma(r) + np.log(al) - np.log(al + cc))
        dal = r - (r + k) * al / (al + cc)
        dc = -(r + k) / (al + cc)
        return lg, dr, dal, dc

    def evaluate(self, th, want_grad=True):
        r, al, a, b = np.exp(th[:4])
        bA, gC = th[4:4 + self.kA], th[4 + self.kA:]
        logA_all = self.ZA @ bA
        logC_all = self.ZC @ gC
        gr = self.grid
        p = gr.p[None, :]
        lp, l1p = np.log(p), np.log1p(-p)
        logw = gr.logw(a, b)[None, :]
        total = 0.0
        g_r = g_al = 0.0
        g_A = np.zeros(self.N)
        g_C = np.zeros(self.N)
        postsum = np.zeros(gr.p.size)
        d = self.delta
        for s in range(0, self.N, self.chunk):
            sl = slice(s, s + self.chunk)
            n, L, m, x, tx, T = self.n[sl], self.L[sl], self.m[sl], self.x[sl], self.tx[sl], self.T[sl]
            there = self.there[sl][:, None]
            A = np.exp(logA_all[sl])[:, None]
            C = np.exp(logC_all[sl])[:, None]
            pC = p * C
            K = A + pC
            k = n - 1 + x
            common = (n - 1) * l1p + x * np.log(A)
            base = l1p + d * x * l1p
            # term 2: (A/K) e^{-lambda K T}
            lg2, dr2, dal2, dc2 = self._logG(k, m + K * T, r, al)
            v2 = base + np.log(A / K) + lg2
            dA2 = (1 - A / K) + dc2 * A * T
            dC2 = -pC / K + dc2 * pC * T
            # term 3: D e^{-lambda K tx}
            D = d * (x > 0) * p / (1 - p) + pC / K
            lg3, dr3, dal3, dc3 = self._logG(k, m + K * tx, r, al)
            v3 = base + np.log(D) + lg3
            dlogD_A = -pC * A / (K * K * D)
            dA3 = dlogD_A + dc3 * A * tx
            dC3 = -dlogD_A + dc3 * pC * tx
            # term g: gone at the moment (left after the last purchase before it)
            lgg, drg, dalg, _ = self._logG(n - 1, L + 0 * p, r, al)
            vg = np.where((x == 0) & ~there, lp + lgg, -np.inf)
            V = np.stack([vg + 0 * v2, v2, v3])
            M = logsumexp(V, axis=0)
            W = np.exp(V - M)  # term posteriors
            M = M + common
            Lg = M + logw
            li = logsumexp(Lg, axis=1)
            if self.conditional:
                # divide by P(pre-moment history [and alive at m, if known there]): the likelihood of
                # the purchases after the moment given those before it
                lgm, drm, dalm, _ = self._logG(n - 1, m + 0 * p, r, al)
                Vd = np.stack([np.where(there, -np.inf, lp + lgg), l1p + lgm])
                Md = logsumexp(Vd, axis=0)
                Wd = np.exp(Vd - Md)
                la = (n - 1) * l1p + Md + logw
                lalive = logsumexp(la, axis=1)
                li = li - lalive
            else:
                # known there: divide by P(alive at m) of a customer just after the first purchase
                q = al / (al + p * m)
                la = l1p + r * np.log(q) + logw
                lalive = logsumexp(la, axis=1)
                li = li - np.where(there[:, 0], lalive, 0.0)
            total += li.sum()
            if not want_grad:
                continue
            Pg = np.exp(Lg - logsumexp(Lg, axis=1)[:, None])
            dr = W[0] * drg + W[1] * dr2 + W[2] * dr3
            dal = W[0] * dalg + W[1] * dal2 + W[2] * dal3
            dA = W[1] * dA2 + W[2] * dA3 + x
            dC = W[1] * dC2 + W[2] * dC3
            g_r += (Pg * dr).sum()
            g_al += (Pg * dal).sum()
            g_A[sl] = (Pg * dA).sum(axis=1)
            g_C[sl] = (Pg * dC).sum(axis=1)
            postsum += Pg.sum(axis=0)
            if self.conditional:
                Pa = np.exp(la - lalive[:, None])
                g_r -= (Pa * (Wd[0] * drg + Wd[1] * drm)).sum()
                g_al -= (Pa * (Wd[0] * dalg + Wd[1] * dalm)).sum()
                postsum -= Pa.sum(axis=0)
            elif there.any():
                Pa = np.exp(la - lalive[:, None]) * there
                g_r -= (Pa * r * np.log(q)).sum()
                g_al -= (Pa * r * (1 - q)).sum()
                postsum -= Pa.sum(axis=0)
        if not want_grad:
            return total, None
        da, db = gr.dlogw(a, b)
        grad = np.concatenate([[g_r, g_al, postsum @ da, postsum @ db], self.ZA.T @ g_A, self.ZC.T @ g_C])
        return total, grad

    def fit(self, th0=None):
        t0 = time.time()
        P = 4 + self.kA + self.kC
        if th0 is None:
            th0 = np.concatenate([np.log([0.9, 3.0, 0.5, 5.0]), np.zeros(P - 4)])

        def f(th):
            v, g = self.evaluate(th)
            if not np.isfinite(v) or not np.all(np.isfinite(g)):
                return 1e300, np.zeros_like(th)
            return -v, -g
        res = minimize(f, th0, jac=True, method="L-BFGS-B",
                       options=dict(maxiter=3000, maxfun=6000, ftol=1e-14, gtol=1e-5))
        th = res.x
        H = np.zeros((P, P))
        for j in range(P):
            e = np.zeros(P); e[j] = 1e-4
            H[:, j] = -(self.evaluate(th + e)[1] - self.evaluate(th - e)[1]) / 2e-4
        H = (H + H.T) / 2
        cov = np.linalg.inv(H)
        self.th, self.cov, self.res, self.time = th, cov, res, time.time() - t0
        return th, cov, res

    def factors(self, j_ld_A, j_ld_C, zA0=None, zA1=None, zC0=None, zC1=None):
        """purchase factor exp(beta_ld); leave factor exp(gamma_ld) ('cont') or
        (A1+C1)/(A0+C0) at covariate rows zA0/zC0 (not let down) vs zA1/zC1 ('mix'); 95% CIs on the log."""
        th, cov = self.th, self.cov
        iA = 4 + j_ld_A
        pf = np.exp(th[iA] + np.array([0, -1.959964, 1.959964]) * np.sqrt(cov[iA, iA]))
        if self.delta == 0:
            iC = 4 + self.kA + j_ld_C
            lf = np.exp(th[iC] + np.array([0, -1.959964, 1.959964]) * np.sqrt(cov[iC, iC]))
        else:
            def h(t):
                bA, gC = t[4:4 + self.kA], t[4 + self.kA:]
                return np.log((np.exp(zA1 @ bA) + np.exp(zC1 @ gC)) / (np.exp(zA0 @ bA) + np.exp(zC0 @ gC)))
            v = h(th)
            J = np.array([(h(th + e) - h(th - e)) / 2e-6 for e in np.eye(th.size) * 1e-6])
            se = np.sqrt(J @ cov @ J)
            lf = np.exp(v + np.array([0, -1.959964, 1.959964]) * se)
        return pf, lf
