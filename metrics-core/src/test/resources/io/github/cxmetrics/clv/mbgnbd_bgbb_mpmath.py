"""Reference values for ModifiedBetaGeometricNbdTest and BetaGeometricBetaBinomialTest (mpmath 1.3.0, scipy).

Run:  python3 mbgnbd_bgbb_mpmath.py  in a folder holding cdnow_customers_summary.csv and donations.csv.
Independent of the Java code: the published formulas, evaluated at mp.dps = 40.

MBG/NBD (Batislam, Denizel & Filiztekin 2007, IJRM 24:201-209):
  ln L = lnG(r+x) - lnG(r) + r ln(al) + ln B(a, b+x+1) - ln B(a, b) + ln[(al+T)^-(r+x) + a/(b+x) (al+tx)^-(r+x)]
  P(X(t)=n) = B(a, b+n+1)/B(a,b) NB(n) + B(a+1, b+n)/B(a,b) [1 - sum_{j<n} NB(j)],
  NB(j) = G(r+j)/(G(r) j!) (al/(al+t))^r (t/(al+t))^j   (a customer drops out at time 0 or after
  each purchase with probability p; integrate (1-p)^(n+1) Poisson(n) + p (1-p)^n P(N >= n) over
  p ~ Beta(a,b), lambda ~ Gamma(r, al)). Checked: sum_n P = 1 and sum_n n P = E[X(t)] of the closed form
  b/(a-1) [1 - (al/(al+t))^r 2F1(r, b+1; a+b; t/(al+t))].
MLE: Nelder-Mead in log space (scipy), then Newton steps with mpmath's numerical derivatives (mp.diff);
standard errors sqrt(diag((-H)^-1)) in the natural parameters, H by mp.diff at the MLE.
BG/BB (Fader, Hardie & Shang 2010, Marketing Science 29(6)): the likelihood of mission-next A.6 bgbb_mp.py,
fitted and differentiated in the same way on the 22 patterns of donations.csv.
"""
import csv
import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, betaln

mp.mp.dps = 40
rows = {}
for r in csv.DictReader(open("cdnow_customers_summary.csv")):
    k = (int(r["frequency"]), r["recency"], r["T"])
    rows[k] = rows.get(k, 0) + 1
X = np.array([k[0] for k in rows], float); TX = np.array([float(k[1]) for k in rows]); TT = np.array([float(k[2]) for k in rows])
W = np.array(list(rows.values()), float)
mrows = [(mp.mpf(k[0]), mp.mpf(k[1]), mp.mpf(k[2]), w) for k, w in rows.items()]

def mbg_np(lp):
    r, al, a, b = np.exp(lp)
    h = gammaln(r + X) - gammaln(r) + r * np.log(al) + betaln(a, b + X + 1) - betaln(a, b)
    return -(W * (h + np.logaddexp(-(r + X) * np.log(al + TT), np.log(a / (b + X)) - (r + X) * np.log(al + TX)))).sum()

def mbg_mp(r, al, a, b):
    s = 0
    for x, tx, T, w in mrows:
        h = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al) + mp.log(mp.beta(a, b + x + 1)) - mp.log(mp.beta(a, b))
        s += w * (h + mp.log((al + T) ** (-(r + x)) + a / (b + x) * (al + tx) ** (-(r + x))))
    return s

def newton(f, p, steps=4):
    p = mp.matrix([mp.mpf(v) for v in p])
    n = len(p)
    for _ in range(steps):
        g = mp.matrix([mp.diff(lambda *q: f(*q), list(p), tuple(1 if j == i else 0 for j in range(n))) for i in range(n)])
        H = hess(f, p)
        p = p - mp.lu_solve(H, g)
    return p

def hess(f, p):
    n = len(p)
    H = mp.matrix(n, n)
    for i in range(n):
        for j in range(i, n):
            o = [0] * n; o[i] += 1; o[j] += 1
            H[i, j] = H[j, i] = mp.diff(lambda *q: f(*q), list(p), tuple(o))
    return H

def report(name, f, p):
    H = hess(f, p)
    cov = -H ** -1
    print(name, "MLE", [mp.nstr(v, 17) for v in p], "LL", mp.nstr(f(*p), 17))
    print(name, "SE", [mp.nstr(mp.sqrt(cov[i, i]), 12) for i in range(len(p))])

res = minimize(mbg_np, np.log([1, 3, 1, 3]), method="Nelder-Mead", options=dict(xatol=1e-12, fatol=1e-12, maxiter=40000, maxfev=80000))
res = minimize(mbg_np, res.x, method="Nelder-Mead", options=dict(xatol=1e-13, fatol=1e-13, maxiter=40000, maxfev=80000))
mp.mp.dps = 30
p = newton(mbg_mp, np.exp(res.x), steps=3)
report("MBG/NBD", mbg_mp, p)

mp.mp.dps = 40
def nb(r, al, t, j):
    return mp.exp(mp.loggamma(r + j) - mp.loggamma(r) - mp.loggamma(j + 1)) * (al / (al + t)) ** r * (t / (al + t)) ** j
def mbg_pmf(P, n, t):
    r, al, a, b = [mp.mpf(v) for v in P]; t = mp.mpf(t)
    s = mp.beta(a, b + n + 1) / mp.beta(a, b) * nb(r, al, t, n)
    return s + mp.beta(a + 1, b + n) / mp.beta(a, b) * (1 - mp.fsum(nb(r, al, t, j) for j in range(n)))
def mbg_ex(P, t):
    r, al, a, b = [mp.mpf(v) for v in P]; t = mp.mpf(t)
    return b / (a - 1) * (1 - mp.hyp2f1(r, b + 1, a + b, t / (al + t)) * (al / (al + t)) ** r)
PM0 = ("0.525", "6.183", "0.891", "1.614")
for t in (1, 39, 52):
    print("MBG pmf t=%d" % t, [mp.nstr(mbg_pmf(PM0, n, t), 17) for n in (0, 1, 2, 5, 10)])
    tot = mp.fsum(mbg_pmf(PM0, n, t) for n in range(400)); mean = mp.fsum(n * mbg_pmf(PM0, n, t) for n in range(400))
    print("   sum", mp.nstr(tot, 20), "mean", mp.nstr(mean, 20), "E[X(t)]", mp.nstr(mbg_ex(PM0, t), 20))

# BG/BB
B = lambda a, b: mp.beta(a, b)
drows = [(int(r["frequency"]), int(r["recency"]), int(r["periods"]), int(r["weights"])) for r in csv.DictReader(open("donations.csv"))]
def L(p, x, tx, n):
    a, b, g, d = p
    s = B(a + x, b + n - x) / B(a, b) * B(g, d + n) / B(g, d)
    for i in range(n - tx):
        s += B(a + x, b + tx - x + i) / B(a, b) * B(g + 1, d + tx + i) / B(g, d)
    return s
def bgbb_mp(a, b, g, d):
    return mp.fsum(w * mp.log(L((a, b, g, d), x, tx, n)) for x, tx, n, w in drows)
def bgbb_np(lp):
    return -float(bgbb_mp(*[mp.mpf(v) for v in np.exp(lp)]))
mp.mp.dps = 20
res = minimize(bgbb_np, np.log([1, 1, 1, 1]), method="Nelder-Mead", options=dict(xatol=1e-10, fatol=1e-10, maxiter=20000, maxfev=20000))
mp.mp.dps = 30
p = newton(bgbb_mp, np.exp(res.x), steps=3)
report("BG/BB", bgbb_mp, p)
