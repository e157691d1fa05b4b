# Expected values of CxmClvHoldoutTest, computed without cxmetrics: reads the demo file
# metrics-cli/src/main/resources/io/github/cxmetrics/cli/demo/cdnow_transactions.csv (CDNOW_sample as
# customer,date,cds,amount), calibrates to 1997-09-30 (purchase days, x = days - 1, t_x and T in weeks),
# counts holdout purchase days 1997-10-01..1998-06-30, fits BG/NBD by maximum likelihood with
# scipy (Nelder-Mead then BFGS on log-parameters; FHL 2005 eq. 6) and evaluates E[Y(39)|x,t_x,T]
# (eq. 10) with scipy.special.hyp2f1. Run: python3 holdout_cli.py PATH/TO/cdnow_transactions.csv
import csv, datetime, math, sys, collections
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, betaln, hyp2f1

cal_end = datetime.date(1997, 9, 30)
hold_end = datetime.date(1998, 6, 30)
days = collections.OrderedDict()
for row in csv.DictReader(open(sys.argv[1])):
    d = datetime.date.fromisoformat(row["date"])
    days.setdefault(row["customer"], set()).add(d)
X, TX, T, H = [], [], [], []
for cid, ds in days.items():
    ds = sorted(ds)
    cal = [d for d in ds if d <= cal_end]
    if not cal:
        continue
    X.append(len(cal) - 1)
    TX.append((cal[-1] - cal[0]).days / 7)
    T.append((cal_end - cal[0]).days / 7)
    H.append(len([d for d in ds if cal_end < d <= hold_end]))
X, TX, T, H = map(np.array, (X, TX, T, H))

def nll(lp):
    r, al, a, b = np.exp(lp)
    A = gammaln(r + X) - gammaln(r) + r * np.log(al)
    t1 = betaln(a, b + X) - betaln(a, b) - (r + X) * np.log(al + T)
    t2 = np.where(X > 0, betaln(a + 1, b + np.maximum(X, 1) - 1) - betaln(a, b) - (r + X) * np.log(al + TX), -np.inf)
    return -np.sum(A + np.logaddexp(t1, t2))

res = minimize(nll, np.zeros(4), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000})
res = minimize(nll, res.x, method="BFGS", options={"gtol": 1e-8})
r, al, a, b = np.exp(res.x)
LL = -res.fun
t = 39.0
cet = ((a + b + X - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + X) * hyp2f1(r + X, b + X, a + b + X - 1, t / (al + T + t)))
       / (1 + np.where(X > 0, a / (b + X - 1) * ((al + T) / (al + TX)) ** (r + X), 0)))
print("n", len(X), "MLE", r, al, a, b, "LL %.6f" % LL)
n, k = len(X), 4
e = cet - H
print("AIC %.6f BIC %.6f MAE %.8f RMSE %.8f predicted %.6f actual %d error_pct %.6f" % (
    2 * k - 2 * LL, k * math.log(n) - 2 * LL, np.mean(np.abs(e)), math.sqrt(np.mean(e * e)), cet.sum(), H.sum(),
    100 * (cet.sum() - H.sum()) / H.sum()))
for lo in range(8):
    sel = np.minimum(X, 7) == lo
    print("bin", lo, sel.sum(), H[sel].sum(), "%.8f" % H[sel].mean(), "%.8f" % cet[sel].mean())
