"""Gradient check of fh.FullHistory and grid-size check, on a small sample."""
import numpy as np
from sim import simulate
from fh import FullHistory
c = simulate(3000, 5, True)
N = len(c['x'])
ZA = np.column_stack([np.ones(N), c['let_down']])
there = np.random.default_rng(0).random(N) < 0.3
for mode in ("cont", "mix"):
    m = FullHistory(c, ZA, ZA, mode=mode, there=there, conditional=True)
    th = np.array([np.log(0.8), np.log(3.5), np.log(0.6), np.log(6.0), 0.1, -0.3, 0.2, 0.5])
    v, g = m.evaluate(th)
    gn = np.array([(m.evaluate(th + e, False)[0] - m.evaluate(th - e, False)[0]) / 2e-5 for e in np.eye(8) * 1e-5])
    print(mode, v, np.max(np.abs(g - gn)), g.round(3), gn.round(3))
    for G in (32, 48, 96, 300):
        mm = FullHistory(c, ZA, ZA, mode=mode, there=there, G=G)
        print("  G", G, mm.evaluate(th, False)[0])
