"""Fit the full-history model: python3 run_fh.py MODE CASE RULE CONTROLS G seeds...
MODE cont|mix, CASE 1|2, RULE uniform|geometric, CONTROLS 0|1 (add the ServiceCovariates controls), G grid."""
import sys, time
import numpy as np
from sim import simulate
from fh import FullHistory
mode, case, rule, ctrl, G = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
there_arg = sys.argv[6]  # 'auto' (case 1 known there), 'none'
for seed in [int(s) for s in sys.argv[7:]]:
    c = simulate(150_000, seed, case == "2", rule)
    N = len(c['x'])
    cols = [np.ones(N), c['let_down']]
    if ctrl:
        cols += [c['year_orders'], c['weeks_since_last'], c['rate']]
    Z = np.column_stack(cols)
    there = np.ones(N, bool) if (case == "1" and there_arg == "auto") else None
    m = FullHistory(c, Z, Z, mode=mode, there=there, G=G)
    m.fit()
    z0 = np.zeros(Z.shape[1]); z0[0] = 1
    if ctrl: z0[2:] = Z[:, 2:].mean(axis=0)
    z1 = z0.copy(); z1[1] = 1
    pf, lf = m.factors(1, 1, z0, z1, z0, z1)
    th = m.th
    hold = lambda f, v: "in " if f[1] <= v <= f[2] else "OUT"
    print(f"{mode} case{case} {rule} ctrl={int(ctrl)} there={there_arg} G={G} seed {seed}: purchase {pf[0]:.3f} ({pf[1]:.3f}-{pf[2]:.3f}) {hold(pf,0.7)} "
          f"leave {lf[0]:.3f} ({lf[1]:.3f}-{lf[2]:.3f}) {hold(lf,2.0)} | r,alpha,a,b={np.exp(th[:4]).round(3)} "
          f"A:{th[4:4+Z.shape[1]].round(3)} C:{th[4+Z.shape[1]:].round(3)} conv={m.res.success} it={m.res.nit} {m.time:.0f}s", flush=True)
