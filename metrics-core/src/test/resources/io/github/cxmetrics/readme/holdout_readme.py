# Expected output of HoldoutReadmeTest, computed with mpmath (no cxmetrics code): BG/NBD at
# (r, alpha, a, b) = (0.2426, 4.4135, 0.7929, 2.4258); FHL 2005 eq. (6) log-likelihood, eq. (10) E[Y(t)].
# Calibration to 2025-03-30, holdout to 2025-06-29: t* = 91/7 = 13 weeks.
#   ann: 01-06, 02-03, 03-03 -> x=2, t_x=56/7, T=83/7; holdout 04-07, 05-05 (twice) -> 2 days
#   bob: 01-13 -> x=0, T=76/7; holdout 0
#   cat: 02-10, 03-24 -> x=1, t_x=42/7, T=48/7; holdout 06-02 -> 1
#   dan: first seen 04-14 (holdout): excluded
import math
import mpmath as mp
mp.mp.dps = 30
r, al, a, b = map(mp.mpf, ("0.2426", "4.4135", "0.7929", "2.4258"))
def ll(x, tx, T):
    A = mp.gamma(r + x) * al**r / mp.gamma(r)
    term = mp.beta(a, b + x) / mp.beta(a, b) * (al + T)**(-(r + x))
    if x > 0:
        term += mp.beta(a + 1, b + x - 1) / mp.beta(a, b) * (al + tx)**(-(r + x))
    return mp.log(A * term)
def cet(t, x, tx, T):
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t))**(r + x)
                                        * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx))**(r + x) if x > 0 else 0)
    return num / den
cust = [("ann", 2, mp.mpf(56) / 7, mp.mpf(83) / 7, 2), ("bob", 0, 0, mp.mpf(76) / 7, 0),
        ("cat", 1, mp.mpf(42) / 7, mp.mpf(48) / 7, 1)]
t = 13
pred = {c[0]: cet(t, c[1], c[2], c[3]) for c in cust}
for c in cust:
    print(c[0], mp.nstr(pred[c[0]], 12))
LL = sum(ll(c[1], c[2], c[3]) for c in cust)
n, k = 3, 4
e = [pred[c[0]] - c[4] for c in cust]
P = sum(pred.values())
print("LL %.4f AIC %.4f BIC %.4f MAE %.4f RMSE %.4f predicted %.2f error %+.2f%%" % (
    LL, 2 * k - 2 * LL, k * math.log(n) - 2 * LL, sum(abs(v) for v in e) / n,
    mp.sqrt(sum(v * v for v in e) / n), P, 100 * (P - 3) / 3))
