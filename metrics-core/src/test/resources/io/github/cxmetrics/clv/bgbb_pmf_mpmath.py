# BG/BB P(X(n) = x) (Fader, Hardie & Shang 2010): alive through all n opportunities, or dropping out
# after opportunity i (i = x..n-1), with the purchases binomial among the opportunities alive.
#   P(X(n)=x) = C(n,x) B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_{i=x}^{n-1} C(i,x) B(a+x, b+i-x)/B(a,b) B(g+1, d+i)/B(g,d)
# Checked: sum_x P = 1, sum_x x P = E[X(n)] (closed form of mission-next A.6 bgbb_mp.py).
import mpmath as mp
mp.mp.dps = 40
B = mp.beta
def pmf(p, x, n):
    a, b, g, d = [mp.mpf(v) for v in p]
    s = mp.binomial(n, x) * B(a + x, b + n - x) / B(a, b) * B(g, d + n) / B(g, d)
    for i in range(x, n):
        s += mp.binomial(i, x) * B(a + x, b + i - x) / B(a, b) * B(g + 1, d + i) / B(g, d)
    return s
def ex(p, n):
    a, b, g, d = [mp.mpf(v) for v in p]
    return a / (a + b) * d / (g - 1) * (1 - mp.gamma(g + d) * mp.gamma(1 + d + n) / (mp.gamma(1 + d) * mp.gamma(g + d + n)))
P = ("1.204", "0.750", "0.657", "2.783")
for n in (6, 10):
    print("n=%d" % n, [mp.nstr(pmf(P, x, n), 17) for x in range(n + 1)])
    print("   sum", mp.nstr(mp.fsum(pmf(P, x, n) for x in range(n + 1)), 20), "mean", mp.nstr(mp.fsum(x * pmf(P, x, n) for x in range(n + 1)), 20), "E[X(n)]", mp.nstr(ex(P, n), 20))
# gamma = 1 exactly (the removable singularity of E[X(n)]): the limit alpha/(alpha+beta) * delta * sum_{k<n} 1/(1+delta+k)
P1 = ("1.204", "0.750", "1", "2.783")
a, b, g, d = [mp.mpf(v) for v in P1]
print("E[X(10)] at gamma=1:", mp.nstr(a / (a + b) * d * mp.fsum(1 / (1 + d + k) for k in range(10)), 17), "check mean of pmf", mp.nstr(mp.fsum(x * pmf(P1, x, 10) for x in range(11)), 17))
