"""Independent values for BgNbdLikelihoodTest, GammaGammaLikelihoodTest and
ShiftedBetaGeometricDerivativesTest: each log-likelihood written directly from the paper's formula
in mpmath (40 digits), differentiated numerically by mpmath.diff in the log-parameters
y = ln(theta) (no analytic derivative is used here). Run: python3 derivatives_mpmath.py"""
import csv
import os
from collections import Counter
import mpmath as mp

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))


def bgnbd_row(r, al, a, b, x, tx, T):
    # FHL 2005 eq. 6
    A = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
    t1 = mp.beta(a, b + x) / mp.beta(a, b) * (al + T) ** (-(r + x))
    t2 = mp.beta(a + 1, b + x - 1) / mp.beta(a, b) * (al + tx) ** (-(r + x)) if x > 0 else 0
    return A + mp.log(t1 + t2)


def gg_row(p, q, g, x, m):
    # Fader & Hardie 2013, Gamma-Gamma
    return (mp.loggamma(p * x + q) - mp.loggamma(p * x) - mp.loggamma(q) + q * mp.log(g)
            + (p * x - 1) * mp.log(m) + p * x * mp.log(x) - (p * x + q) * mp.log(g + m * x))


def sbg_cohort(a, b, n):
    # FH 2007 eq. 7 with P(T=t) = B(a+1, b+t-1)/B(a,b), S(t) = B(a, b+t)/B(a,b)
    ll = 0
    for t in range(1, len(n)):
        ll += (n[t - 1] - n[t]) * mp.log(mp.beta(a + 1, b + t - 1) / mp.beta(a, b))
    return ll + n[-1] * mp.log(mp.beta(a, b + len(n) - 1) / mp.beta(a, b))


def report(name, f, theta):
    y = [mp.log(mp.mpf(v)) for v in theta]
    k = len(y)
    F = lambda *z: f(*[mp.exp(v) for v in z])
    print(name)
    print('  value   ', mp.nstr(F(*y), 20))
    grad = []
    for i in range(k):
        o = [0] * k
        o[i] = 1
        grad.append(mp.diff(F, y, tuple(o)))
    print('  gradient', ', '.join(mp.nstr(v, 17) for v in grad))
    for i in range(k):
        row = []
        for j in range(k):
            o = [0] * k
            o[i] += 1
            o[j] += 1
            row.append(mp.diff(F, y, tuple(o)))
        print('  hessian ', ', '.join(mp.nstr(v, 17) for v in row))


BG_ROWS = [(0, 0, 40), (1, 5.5, 38.86), (2, 30.43, 38.86), (26, 30.857, 31), (200, 38, 40)]
BG_WEIGHTS = [3, 1, 2, 1, 1]
for theta in [(0.25, 4.0, 0.8, 2.5), (1.3, 0.7, 2.2, 0.4)]:
    report('bgnbd rows %s weights %s at %s' % (BG_ROWS, BG_WEIGHTS, theta),
           lambda r, al, a, b: sum(w * bgnbd_row(r, al, a, b, x, mp.mpf(tx), mp.mpf(T))
                                   for (x, tx, T), w in zip(BG_ROWS, BG_WEIGHTS)), theta)

cdnow = Counter()
with open(os.path.join(HERE, 'cdnow_customers_summary.csv')) as fh:
    for row in csv.DictReader(fh):
        cdnow[(int(row['frequency']), row['recency'], row['T'])] += 1
report('bgnbd CDNOW (%d distinct rows) at the published (0.243, 4.414, 0.793, 2.426)' % len(cdnow),
       lambda r, al, a, b: sum(w * bgnbd_row(r, al, a, b, x, mp.mpf(tx), mp.mpf(T))
                               for (x, tx, T), w in cdnow.items()), (0.243, 4.414, 0.793, 2.426))

GG_ROWS = [(1, 20.5), (3, 35.0), (10, 3.0), (1, 300.0), (3, 35.0)]
for theta in [(6.25, 3.74, 15.44), (0.5, 2.0, 3.0)]:
    report('gamma-gamma rows %s at %s' % (GG_ROWS, theta),
           lambda p, q, g: sum(gg_row(p, q, g, x, mp.mpf(m)) for x, m in GG_ROWS), theta)
spend = Counter()
with open(os.path.join(HERE, 'cdnow_customers_summary_with_transactions.csv')) as fh:
    for row in csv.DictReader(fh):
        if int(row['x']) > 0:
            spend[(int(row['x']), row['zbar'])] += 1
report('gamma-gamma CDNOW repeaters (%d) at (6.25, 3.74, 15.44)' % sum(spend.values()),
       lambda p, q, g: sum(w * gg_row(p, q, g, x, mp.mpf(m)) for (x, m), w in spend.items()),
       (6.25, 3.74, 15.44))

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
HIGH = [1000, 869, 743, 653, 593, 551, 517, 491]
report('sbg regular at (0.704, 1.182)', lambda a, b: sbg_cohort(a, b, REGULAR), (0.704, 1.182))
report('sbg regular + high end + [50, 20] at (0.3, 2.5)',
       lambda a, b: sbg_cohort(a, b, REGULAR) + sbg_cohort(a, b, HIGH) + sbg_cohort(a, b, [50, 20]), (0.3, 2.5))
