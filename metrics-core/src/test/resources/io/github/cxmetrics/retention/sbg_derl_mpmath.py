"""Reference values for ShiftedBetaGeometricDerlTest, from the published formula in mpmath.

Run:  python3 sbg_derl_mpmath.py   (mpmath 1.3.0), in this directory; it rewrites sbg_derl.csv.

Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of ignoring
heterogeneity", Marketing Science 29(1):85-93, eq. 6, for a customer who has renewed n - 1 times:
  DERL(d) = (beta+n-1)/(alpha+beta+n-1) * 2F1(1, beta+n; alpha+beta+n; 1/(1+d))
evaluated with mpmath.hyp2f1 at mp.dps = 50 (1/(1+d) is formed at 50 digits, so d = 1e-17 is
represented; mpmath perturbs the integer cases c - a - b = alpha - 1 in {0, 1} itself).
For renewals = 2^31 - 1 the series needs too many terms; those rows use the equivalent mean
(1+d) * E[(1-theta)/(d+theta)] over theta ~ Beta(alpha, beta+n-1) by mp.quad, checked against
eq. 6 here at renewals = 10^4.
"""
import mpmath as mp

mp.mp.dps = 50


def derl(al, be, d, renewals):
    al, be, d = map(mp.mpf, (al, be, d))
    n = renewals + 1
    return (be + n - 1) / (al + be + n - 1) * mp.hyp2f1(1, be + n, al + be + n, 1 / (1 + d), maxterms=10**6)


def derl_integral(al, be, d, renewals):
    al, be, d = map(mp.mpf, (al, be, d))
    bn = be + renewals
    g = lambda th: (1 - th) / (d + th) * th ** (al - 1) * (1 - th) ** (bn - 1)
    cuts = [mp.mpf(0)] + [mp.mpf(10) ** k for k in range(-40, 0)] + [mp.mpf(1)]
    return (1 + d) * mp.quad(g, cuts) / mp.beta(al, bn)


for d in ('1e-6', '0.1'):
    chk = ('0.668', '3.806', d, 10**4)
    assert abs(derl_integral(*chk) / derl(*chk) - 1) < mp.mpf('1e-20'), chk

rows = [('0.668', '3.806', '0.1', 7),   # Fader & Hardie 2010: 7.530
        ('1', '1', '1e-6', 0), ('1', '1', '1e-17', 0)]   # reliability #25
for al in ('0.3', '0.668', '1', '1.000000001', '2', '2.5', '7'):
    for be in ('0.5', '3.806'):
        for d in ('1e-17', '1e-6', '0.01', '0.1', '10', '1000000'):
            for renewals in (0, 7, 1000):
                rows.append((al, be, d, renewals))
big = [('0.668', '3.806', d, 2**31 - 1) for d in ('1e-17', '1e-6', '0.1', '10')]
with open('sbg_derl.csv', 'w') as out:
    out.write('alpha,beta,discountRate,renewals,derl\n')
    for row in rows:
        out.write(','.join(str(v) for v in row) + ',' + mp.nstr(derl(*row), 20) + '\n')
    for row in big:
        out.write(','.join(str(v) for v in row) + ',' + mp.nstr(derl_integral(*row), 20) + '\n')
