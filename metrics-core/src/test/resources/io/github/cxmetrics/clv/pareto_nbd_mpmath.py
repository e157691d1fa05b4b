# Independent reference values for ParetoNbdTest, HypergeometricTest (logF21AdjacentC) and KummerUTest.
# mpmath 1.3.0 at 40 digits (Debian python3-mpmath); run: python3 pareto_nbd_mpmath.py
import mpmath as mp
mp.mp.dps = 40
print("== ln 2F1(a, b; a+1; z), z given through w = 1 - z")
for a, b, w in [("1.16", "1.61", "0.005"), ("3.16", "1.61", "0.00995024875621890547263681592039801"),
                ("1.16", "1.61", "0.000005"), ("3.16", "1.61", "0.0000099999500002499987500062499687501562"),
                ("30.5", "1.25", "1e-3"), ("601.16", "600.55", "0.05"), ("2.2", "3.5", "1e-12"),
                ("0.7", "0.3", "0.02"), ("5.5", "2.0000001", "0.01"), ("12.3", "1.61", "0.5"), ("221.6", "221.55", "0.99")]:
    a, b, w = mp.mpf(a), mp.mpf(b), mp.mpf(w)
    print(" a=%s b=%s w=%s: %s" % (mp.nstr(a, 10), mp.nstr(b, 10), mp.nstr(w, 17), mp.nstr(mp.log(mp.hyp2f1(a, b, a + 1, 1 - w)), 17)))
print("== ln U(a, a; y)")
for a, y in [("0.61", "0.1358"), ("0.61", "3.7"), ("1", "0.5"), ("1", "2"), ("2.5", "0.2"), ("3", "0.05"), ("0.05", "40"), ("7.25", "0.9")]:
    a, y = mp.mpf(a), mp.mpf(y)
    print(" a=%s y=%s: %s" % (a, y, mp.nstr(mp.log(mp.hyperu(a, a, y)), 17)))
print("== P(X(t)=n) at (0.55, 10.58, 0.61, 11.67) by quadrature of the lifetime mixture")
r, al, s, be = [mp.mpf(v) for v in ("0.55", "10.58", "0.61", "11.67")]
def nb(n, tau):
    return mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (al / (al + tau))**r * (tau / (al + tau))**n
for n, t in [(0, 39), (1, 39), (2, 39), (5, 52), (20, 78)]:
    t = mp.mpf(t)
    p = nb(n, t) * (be / (be + t))**s + mp.quad(lambda u: s * be**s / (be + u)**(s + 1) * nb(n, u), [0, t])
    print(" n=%d t=%s: %s" % (n, t, mp.nstr(p, 17)))
print("== E[X(t)] at s = 1 (0.55, 10.58, 1, 11.67): r*beta/alpha*ln(1+t/beta)")
print(" t=39:", mp.nstr(mp.mpf("0.55") * mp.mpf("11.67") / mp.mpf("10.58") * mp.log(1 + 39 / mp.mpf("11.67")), 17))
