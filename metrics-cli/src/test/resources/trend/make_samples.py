# Writes the two trend samples from the vectors of shared/reports/mission-next.md §3.2.
# nps-weekly.csv: 8 ISO weeks (2026-W02..W09), 250 responses each with the report's (detractors,
#   passives, promoters) counts; ratings 3 (detractor), 7 (passive), 10 (promoter); dates spread over
#   the week's days, with every date format cxm trend accepts. Rows are shuffled (fixed seed).
# csat-monthly.csv: months 2026-01..2026-06, x satisfied (ratings 4 or 5) of n, others rate 1..3.
import datetime, random
rnd = random.Random(21)
W = [(50,70,130),(55,65,130),(48,72,130),(60,70,120),(65,68,117),(70,66,114),(72,70,108),(75,65,110)]
rows = []
monday = datetime.date(2026, 1, 5)  # ISO 2026-W02
forms = [lambda d, i: d.isoformat(), lambda d, i: d.isoformat() + "T09:%02d" % (i % 60),
         lambda d, i: d.isoformat() + " 17:05:%02d" % (i % 60), lambda d, i: d.isoformat() + "T23:59:59Z",
         lambda d, i: d.isoformat() + "T08:00:00+02:00"]
for w, (d, p, r) in enumerate(W):
    ratings = [3] * d + [7] * p + [10] * r
    for i, rating in enumerate(ratings):
        day = monday + datetime.timedelta(days=7 * w + i % 7)
        rows.append((forms[i % len(forms)](day, i), rating))
rnd.shuffle(rows)
with open("nps-weekly.csv", "w") as f:
    f.write("answered,recommend\n")
    for a, b in rows:
        f.write("%s,%d\n" % (a, b))
X = [160, 170, 150, 185, 190, 200]; N = [200, 210, 190, 220, 215, 220]
rows = []
for m, (x, n) in enumerate(zip(X, N)):
    for i in range(n):
        rating = (4 + i % 2) if i < x else (1 + i % 3)
        rows.append(("2026-%02d-%02d" % (m + 1, 1 + i % 28), rating))
rnd.shuffle(rows)
with open("csat-monthly.csv", "w") as f:
    f.write("date,satisfaction\n")
    for a, b in rows:
        f.write("%s,%d\n" % (a, b))
