# Independent computation of the CDNOW calibration/holdout numbers that CalibrationHoldoutTest checks.
# Reads CDNOW_sample.txt (beside this script) with plain Python, no cxmetrics code:
#   calibration to 1997-09-30 inclusive, holdout 1997-10-01..1998-06-30 (t* = 273/7 = 39 weeks);
#   purchases on the same calendar day count once; x = calibration days - 1, t_x = (last - first)/7,
#   T = (1997-09-30 - first)/7; holdout count = distinct holdout days.
# BG/NBD (Fader, Hardie & Lee 2005) at the MLE of mission-next §6.5, evaluated with mpmath (30 digits):
#   LL eq. (6), E[Y(t)|x,t_x,T] eq. (10) with mpmath.hyp2f1.
# A second "model" is given by fixed predictions (the customer's calibration rate x/T times t*) to
# check MAE/RMSE/aggregate error with numpy.
# Run: python3 holdout_cdnow.py
import datetime, math, os, collections
import mpmath as mp
import numpy as np

mp.mp.dps = 30
here = os.path.dirname(os.path.abspath(__file__))
cal_end = datetime.date(1997, 9, 30)
hold_end = datetime.date(1998, 6, 30)
days = collections.defaultdict(set)
order = []
for line in open(os.path.join(here, "CDNOW_sample.txt")):
    f = line.split()
    if not f:
        continue
    cid = f[1]
    d = datetime.datetime.strptime(f[2], "%Y%m%d").date()
    if cid not in days:
        order.append(cid)
    days[cid].add(d)
cust = []
new = 0
for cid in order:
    ds = sorted(days[cid])
    cal = [d for d in ds if d <= cal_end]
    hold = [d for d in ds if cal_end < d <= hold_end]
    if not cal:
        new += 1
        continue
    x = len(cal) - 1
    tx = (cal[-1] - cal[0]).days / 7.0
    T = (cal_end - cal[0]).days / 7.0
    cust.append((cid, x, tx, T, len(hold)))
tstar = (hold_end - cal_end).days / 7.0
print("customers", len(cust), "new", new, "t*", tstar, "holdout total", sum(c[4] for c in cust))

r, al, a, b = [mp.mpf(v) for v in ("0.2425929039", "4.413531413", "0.7928861848", "2.425753775")]

def ll(x, tx, T):
    x = mp.mpf(x); tx = mp.mpf(tx); T = mp.mpf(T)
    A = mp.gamma(r + x) * al**r / mp.gamma(r)
    term = mp.beta(a, b + x) / mp.beta(a, b) * (al + T)**(-(r + x))
    if x > 0:
        term += mp.beta(a + 1, b + x - 1) / mp.beta(a, b) * (al + tx)**(-(r + x))
    return mp.log(A * term)

def cet(t, x, tx, T):
    x = mp.mpf(x); tx = mp.mpf(tx); T = mp.mpf(T); t = mp.mpf(t)
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t))**(r + x)
                                        * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx))**(r + x) if x > 0 else 0)
    return num / den

pred = np.array([float(cet(tstar, c[1], c[2], c[3])) for c in cust])
act = np.array([c[4] for c in cust], dtype=float)
LL = float(mp.fsum(ll(c[1], c[2], c[3]) for c in cust))
n, k = len(cust), 4
print("BG/NBD LL %.10f AIC %.10f BIC %.10f" % (LL, 2 * k - 2 * LL, k * math.log(n) - 2 * LL))
e = pred - act
print("BG/NBD MAE %.12f RMSE %.12f predicted %.8f aggregate %.8f" %
      (np.mean(np.abs(e)), math.sqrt(np.mean(e * e)), pred.sum(), pred.sum() - act.sum()))
for lo in range(8):
    sel = [i for i, c in enumerate(cust) if (min(c[1], 7) == lo)]
    print("bin", lo, len(sel), "%.10f" % act[sel].mean(), "%.10f" % pred[sel].mean())
naive = np.array([c[1] / c[3] * tstar if c[3] > 0 else 0.0 for c in cust])
e = naive - act
print("naive MAE %.12f RMSE %.12f predicted %.8f" % (np.mean(np.abs(e)), math.sqrt(np.mean(e * e)), naive.sum()))

# The same with the calibration summaries of cdnow_customers_summary.csv (t_x and T rounded to 2 dp, as
# BTYD and the report of §6.5 use them) and the holdout counts above: this reproduces §6.5's BG/NBD column.
rows = [l.strip().split(",") for l in open(os.path.join(here, "cdnow_customers_summary.csv")) if l.strip()][1:]
summ = {str(int(rw[0])): (int(rw[1]), float(rw[2]), float(rw[3])) for rw in rows}
hold = {str(int(c[0])): c[4] for c in cust}
ids = [str(int(rw[0])) for rw in rows]
pred2 = np.array([float(cet(tstar, *summ[i])) for i in ids])
act2 = np.array([hold[i] for i in ids], dtype=float)
LL2 = float(mp.fsum(ll(*summ[i]) for i in ids))
print("rounded BG/NBD LL %.10f AIC %.10f BIC %.10f" % (LL2, 2 * k - 2 * LL2, k * math.log(n) - 2 * LL2))
e = pred2 - act2
print("rounded BG/NBD MAE %.12f RMSE %.12f predicted %.8f aggregate %.8f" %
      (np.mean(np.abs(e)), math.sqrt(np.mean(e * e)), pred2.sum(), pred2.sum() - act2.sum()))
for lo in range(8):
    sel = [j for j, i in enumerate(ids) if min(summ[i][0], 7) == lo]
    print("rounded bin", lo, len(sel), "%.10f" % act2[sel].mean(), "%.10f" % pred2[sel].mean())

# Weekly tracking (FHL 2005 Figure 2): weeks from the cohort start s = the earliest first purchase;
# period k covers (k-1, k] weeks after s, the last ends at the holdout end; a repeat purchase day d
# counts in the period holding (d - s)/7; expected cumulative at t = sum_i E[X(t - b_i)] (b_i < t),
# E[X(t)] = (a+b-1)/(a-1) [1 - (al/(al+t))^r 2F1(r, b; a+b-1; t/(al+t))]   (FHL eq. 9).
def ex(t):
    t = mp.mpf(t)
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t))**r * mp.hyp2f1(r, b, a + b - 1, t / (al + t)))
firsts = {}
reps = []
for cid in order:
    ds = sorted(d for d in days[cid] if d <= hold_end)
    if ds[0] > cal_end:
        continue
    firsts[cid] = ds[0]
    reps += ds[1:]
s = min(firsts.values())
total = (hold_end - s).days / 7.0
K = math.ceil(total)
ends = [min(k + 1.0, total) for k in range(K)]
inc = [0] * K
for d in reps:
    inc[min(max(math.ceil((d - s).days / 7.0) - 1, 0), K - 1)] += 1
births = collections.Counter((f - s).days / 7.0 for f in firsts.values())
cum = [float(mp.fsum(cnt * ex(e - bb) for bb, cnt in births.items() if e - bb > 0)) for e in ends]
print("tracking start", s, "periods", K, "last end %.10f" % ends[-1])
print("actual incremental", inc)
print("expected cumulative", " ".join("%.8f" % c for c in cum))

# Pareto/NBD column of §6.5 (for the Pareto/NBD holdout test, to be added with clv.ParetoNbd): the
# 2-dp summaries, MLE (r, alpha, s, beta) = (0.5532755258, 10.57761251, 0.6062135685, 11.66791077),
# E[Y(t)|x,t_x,T] = (r+x)(beta+T)/((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive)
# (Fader & Hardie 2005 note), P(alive) = 1/(1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0), A0 by the
# 2F1 of the alpha >= beta or alpha < beta branch. Prints bins 0..7+ and the total (1665.534222).
pr, pal, ps, pbe = map(mp.mpf, ("0.5532755258", "10.57761251", "0.6062135685", "11.66791077"))

def pnbd_palive(x, tx, T):
    x = mp.mpf(x); tx = mp.mpf(tx); T = mp.mpf(T)
    m = pr + ps + x
    if pal >= pbe:
        A0 = (mp.hyp2f1(m, ps + 1, m + 1, (pal - pbe) / (pal + tx)) / (pal + tx)**m
              - mp.hyp2f1(m, ps + 1, m + 1, (pal - pbe) / (pal + T)) / (pal + T)**m)
    else:
        A0 = (mp.hyp2f1(m, pr + x, m + 1, (pbe - pal) / (pbe + tx)) / (pbe + tx)**m
              - mp.hyp2f1(m, pr + x, m + 1, (pbe - pal) / (pbe + T)) / (pbe + T)**m)
    return 1 / (1 + ps / m * (pal + T)**(pr + x) * (pbe + T)**ps * A0)

def pnbd_cet(t, x, tx, T):
    return ((pr + x) * (pbe + T) / ((pal + T) * (ps - 1)) * (1 - ((pbe + T) / (pbe + T + t))**(ps - 1))
            * pnbd_palive(x, tx, T))

pp = [pnbd_cet(tstar, *summ[i]) for i in ids]
print("pnbd rounded total %.6f" % mp.fsum(pp))
for lo in range(8):
    sel = [p for p, i in zip(pp, ids) if min(summ[i][0], 7) == lo]
    print("pnbd rounded bin", lo, len(sel), "%.10f" % (mp.fsum(sel) / len(sel)))
