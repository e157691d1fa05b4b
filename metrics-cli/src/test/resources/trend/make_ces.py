# ces-quarterly.csv: CES 2.0 ratings (1..7) in four quarters of 2025, fixed seed; expected values by
# numpy below (printed), used in CxmTrendTest.cesQuarterlyMatchesNumpy.
import numpy as np, math, random
from scipy import stats
rnd = random.Random(2025)
probs = [[.10, .10, .15, .20, .20, .15, .10], [.08, .10, .14, .20, .22, .16, .10],
         [.06, .08, .12, .20, .24, .18, .12], [.04, .06, .10, .18, .26, .22, .14]]
sizes = [40, 55, 47, 60]
rows = []; data = []
for q, (p, n) in enumerate(zip(probs, sizes)):
    r = rnd.choices(range(1, 8), weights=p, k=n); data.append(np.array(r, float))
    for i, x in enumerate(r):
        rows.append(("2025-%02d-%02d" % (3 * q + 1 + i % 3, 1 + i % 28), x))
rnd.shuffle(rows)
with open("ces-quarterly.csv", "w") as f:
    f.write("date,ease\n")
    for d, x in rows:
        f.write("%s,%d\n" % (d, x))
m = np.array([d.mean() for d in data]); se = np.array([d.std(ddof=1) / math.sqrt(len(d)) for d in data])
t = np.arange(4.); w = 1 / se**2; X = np.column_stack([np.ones(4), t]); A = X.T @ (w[:, None] * X)
b = np.linalg.solve(A, X.T @ (w * m)); sb = math.sqrt(np.linalg.inv(A)[1, 1])
print("means", " ".join("%.15g" % x for x in m)); print("se", " ".join("%.15g" % x for x in se))
print("slope %.15g se %.15g z %.15g p %.15g" % (b[1], sb, b[1] / sb, 2 * stats.norm.sf(abs(b[1] / sb))))
w34 = stats.ttest_ind(data[3], data[2], equal_var=False); print("welch q3->q4 t %.15g p %.15g" % (w34.statistic, w34.pvalue))
base = np.concatenate(data[:2]); mu0 = base.mean(); s0 = base.std(ddof=1); lam = 0.2; z = mu0; Var = 0
for i, d in enumerate(data):
    z = lam * d.mean() + (1 - lam) * z; Var = (1 - lam)**2 * Var + lam**2 * s0**2 / len(d)
    print("ewma %d z %.15g lcl %.15g ucl %.15g" % (i, z, mu0 - 3 * math.sqrt(Var), mu0 + 3 * math.sqrt(Var)))
