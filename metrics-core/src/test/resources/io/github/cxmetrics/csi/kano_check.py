#!/usr/bin/env python3
"""Independent computation of the Kano expectations used by KanoTest and the README example:
the evaluation table of Berger et al. (1993) as in mission-next.md §2.3 / t2.py, DuMouchel's scores
(stp25kano coding), Timko's Better/Worse, Fong's test (unrounded), strengths. Exact fractions where
possible; statistics.stdev (divisor n - 1) for the standard errors. Run: python3 kano_check.py"""
import math, statistics
from fractions import Fraction as F

T = {"L": {"L": "Q", "M": "A", "N": "A", "W": "A", "D": "O"}, "M": {"L": "R", "M": "I", "N": "I", "W": "I", "D": "M"},
     "N": {"L": "R", "M": "I", "N": "I", "W": "I", "D": "M"}, "W": {"L": "R", "M": "I", "N": "I", "W": "I", "D": "M"},
     "D": {"L": "R", "M": "R", "N": "R", "W": "R", "D": "Q"}}
FUN = {"L": F(1), "M": F(1, 2), "N": F(0), "W": F(-1, 4), "D": F(-1, 2)}
DYS = {"L": F(-1, 2), "M": F(-1, 4), "N": F(0), "W": F(1, 2), "D": F(1)}
CODE = "LMNWD"


def dumouchel(pairs):
    f = [FUN[a] for a, _ in pairs]; d = [DYS[b] for _, b in pairs]; n = len(pairs)
    out = []
    for xs in (f, d):
        m = sum(xs) / n
        sd = statistics.stdev([float(x) for x in xs])
        out += [float(m), sd / math.sqrt(n)]
    return out


def figures(pairs):
    c = {k: 0 for k in "AOMIRQ"}
    for a, b in pairs:
        c[T[a][b]] += 1
    n = sum(c.values()); d = c["A"] + c["O"] + c["M"] + c["I"]
    hier = "MOAIR"
    top = sorted(hier, key=lambda k: (-c[k], hier.index(k)))
    a, b = c[top[0]], c[top[1]]
    rhs = 1.65 * math.sqrt((a + b) * (2 * n - a - b) / (2 * n))
    return dict(counts=c, n=n, mode=top[0], second=top[1], better=(c["A"] + c["O"]) / d, worse=-(c["O"] + c["M"]) / d,
                fong=(a - b, rhs, a - b >= rhs), cstrength=(a - b) / n, tstrength=(c["A"] + c["O"] + c["M"]) / n)


# DuMouchel test vector (KanoTest.dumouchelScoresMatchAnIndependentComputation)
pairs = [("L", "D")] * 3 + [("L", "N")] * 2 + [("M", "D")] * 2 + [("N", "N"), ("L", "L"), ("D", "L"), ("W", "D"), ("N", "W")]
fm, fse, dm, dse = dumouchel(pairs)
print("DuMouchel vector: n=%d functional mean=%r se=%r dysfunctional mean=%r se=%r" % (len(pairs), fm, fse, dm, dse))
print("  figures:", figures(pairs))

# README example: two features, six respondents, answer codes 1..5 (functional, dysfunctional per feature)
rows = [(1, 5, 1, 3), (1, 5, 3, 5), (2, 5, 1, 3), (1, 3, 3, 5), (1, 5, 1, 4), (3, 5, 3, 3)]
for j, name in enumerate(("wifi", "breakfast")):
    p = [(CODE[r[2 * j] - 1], CODE[r[2 * j + 1] - 1]) for r in rows]
    fig = figures(p); fm, fse, dm, dse = dumouchel(p)
    print("README %s: %s" % (name, fig))
    print("  DuMouchel functional %r (se %r), dysfunctional %r (se %r)" % (fm, fse, dm, dse))
