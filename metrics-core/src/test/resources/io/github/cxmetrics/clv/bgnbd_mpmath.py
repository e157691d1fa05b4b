"""Reference values for BetaGeometricNbdPredictionTest, from the plain published formulas in mpmath.

Run:  python3 bgnbd_mpmath.py   (mpmath 1.3.0), in this directory; it rewrites
bgnbd_expected.csv, bgnbd_conditional.csv and bgnbd_pmf.csv.

Formulas (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2)):
  eq. 9   E[X(t)] = (a+b-1)/(a-1) * (1 - (alpha/(alpha+t))**r * 2F1(r, b; a+b-1; t/(alpha+t)))
  eq. 10  E[Y(t)|x,tx,T] = (a+b+x-1)/(a-1)
              * (1 - ((alpha+T)/(alpha+T+t))**(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t)))
              / (1 + (x>0) * a/(b+x-1) * ((alpha+T)/(alpha+tx))**(r+x))
  eq. 8   P(X(t)=n) = B(a,b+n)/B(a,b) * Gamma(r+n)/(Gamma(r) n!) * (alpha/(alpha+t))**r * (t/(alpha+t))**n
              + (n>0) * B(a+1,b+n-1)/B(a,b) * (1 - sum_{j<n} Gamma(r+j)/(Gamma(r) j!) (alpha/(alpha+t))**r (t/(alpha+t))**j)
All evaluated with mp.dps = 50 (mpmath.hyp2f1 handles z near 1 itself). Where the formula has a
removable singularity (a = 1, or a + b = 1 where the 2F1 has c = 0) the value is the mean of the
formula at a parameter 1e-20 either side, at mp.dps = 90 (the error of that mean is O(1e-40)).
For t = 1e300, where t/(alpha+t) is 1 to 300 digits, eq. 9 is evaluated in its Pfaff form
(DLMF 15.8.1) (a+b-1)/(a-1) * (1 - 2F1(r, a-1; a+b-1; -t/alpha)), mathematically identical.
The sum in eq. 8 is used as written (at mp.dps = 250, as 1 - sum cancels) for n <= 30; above that
its bracket is the negative-binomial upper tail, betainc(n, r, 0, t/(alpha+t), regularized=True)
(the two agree to 40 digits at n = 30, t = 0.5, checked below). Where mpmath's betainc does not
converge (n >= 10^6 with P below 1e-400) an upper bound is written instead, marked "<=".
"""
import mpmath as mp

mp.mp.dps = 50


def ex_plain(r, al, a, b, t):
    r, al, a, b, t = map(mp.mpf, (r, al, a, b, t))
    if t > 10**20:
        return (a + b - 1) / (a - 1) * (1 - mp.hyp2f1(r, a - 1, a + b - 1, -t / al))
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b, a + b - 1, t / (al + t)))


def cond_plain(r, al, a, b, t, x, tx, T):
    r, al, a, b, t, tx, T = map(mp.mpf, (r, al, a, b, t, tx, T))
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x)
                                       * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t), maxterms=10**7))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0)
    return num / den


def cond_integral(r, al, a, b, t, x, tx, T):
    """eq. 10 as P(alive) * E_p[(1 - ((alpha+T)/(alpha+T+p t))**(r+x))/p], p ~ Beta(a, b+x), by mp.quad."""
    r, al, a, b, t, tx, T = map(mp.mpf, (r, al, a, b, t, tx, T))
    alive = 1 / (1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0))
    bx = b + x
    g = lambda p: (1 - ((al + T) / (al + T + p * t)) ** (r + x)) / p * p ** (a - 1) * (1 - p) ** (bx - 1)
    cuts = [mp.mpf(0)] + [mp.mpf(10) ** k for k in range(-40, 0)] + [mp.mpf(1)]
    return alive * mp.quad(g, cuts) / mp.beta(a, bx)


def singular(f, r, al, a, b, *rest):
    """f at (a, b), or the symmetric mean across a removable singularity at a = 1 or a + b = 1."""
    a, b = mp.mpf(a), mp.mpf(b)
    d = mp.mpf('1e-20')
    if a == 1:
        with mp.workdps(90):
            return (f(r, al, a + d, b, *rest) + f(r, al, a - d, b, *rest)) / 2
    if a + b == 1:
        with mp.workdps(90):
            return (f(r, al, a, b + d, *rest) + f(r, al, a, b - d, *rest)) / 2
    return f(r, al, a, b, *rest)


def pmf(r, al, a, b, n, t):
    r, al, a, b, t = map(mp.mpf, (r, al, a, b, t))
    p = al / (al + t)
    q = t / (al + t)
    first = mp.beta(a, b + n) / mp.beta(a, b) * mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * p ** r * q ** n
    if n == 0:
        return first
    if n <= 30:
        with mp.workdps(250):  # 1 - partial loses up to ~30 digits per decade of q: keep 200 spare
            partial = mp.fsum(mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * p ** r * q ** j for j in range(n))
            tail = 1 - partial
    else:
        try:
            tail = mp.betainc(n, r, 0, q, regularized=True)
        except mp.libmp.NoConvergence:
            # I_q(n, r) = q^n (1-q)^r / (n B(n, r)) * 2F1(n+r, 1; n+1; q) (DLMF 8.17.8), and for r <= 1
            # every term ratio of that series is <= q, so 2F1 <= 1/(1-q): an upper bound, written "<=".
            assert r <= 1
            tail = q ** n * (1 - q) ** (r - 1) / (n * mp.beta(n, r))
            return ('<=', first + mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * tail)
    return first + mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * tail


def s(v):
    return mp.nstr(v, 20, min_fixed=-5, max_fixed=5)


CDNOW = ('0.2426', '4.4135', '0.7931', '2.4259')

# E[X(t)]
expected = [
    ('100', '10', '0.2', '1.0', '52'),           # reliability #1
    ('100', '10', '0.5', '0.6', '52'),           # reliability #1
    ('0.2426', '4.4135', '1.0', '2.4258', '52'),  # reliability #8a, a = 1
    ('0.5', '1', '0.3', '0.6', '10'),            # reliability #8b, a + b < 1
    ('0.1', '0.1', '0.5', '2.4', '3844'),        # reliability #8c
    ('0.5', '1', '0.5', '0.5', '10'),            # a + b = 1 exactly
    CDNOW + ('1e300',),                          # reliability #8d
]
for t in ('1e-6', '1', '39', '52', '1000', '300000', '1000000'):
    expected.append(CDNOW + (t,))
for r, al in (('0.05', '1'), ('0.7', '10'), ('3', '1'), ('100', '1')):
    for a in ('0.05', '0.5', '0.999999', '1', '1.000001', '1.7', '5'):
        for b in ('0.05', '0.5', '2.5', '20'):
            for t in ('0.01', '1', '52', '3650', '1000000'):
                expected.append((r, al, a, b, t))
with open('bgnbd_expected.csv', 'w') as out:
    out.write('r,alpha,a,b,t,expected\n')
    for row in expected:
        out.write(','.join(row) + ',' + s(singular(ex_plain, *row)) + '\n')

# E[Y(t) | x, tx, T]
conditional = [
    ('100', '10', '0.2', '0.2', '1000', 3, '20', '30'),        # reliability #1
    ('0.2426', '4.4135', '1.0', '2.4258', '52', 2, '20', '25'),  # reliability #8a, a = 1
    ('0.2426', '4.4135', '0.7929', '2.4258', '39', 2, '30.43', '38.86'),  # Hardie's spreadsheet, 1.226
    ('0.5', '1', '0.3', '0.6', '10', 0, '0', '5'),
    ('0.5', '1', '0.3', '0.6', '10', 1, '2', '5'),
]
for t in ('1', '52', '1000', '1000000'):
    for x, tx, T in ((0, '0', '38'), (1, '1', '38'), (5, '30', '38'), (29, '38', '38.5'), (1000, '30', '40'), (1000, '40', '40'),
                     (10000, '35', '40'), (10000, '40', '40')):
        conditional.append(CDNOW + (t, x, tx, T))
# x = 10^6: eq. 10's series needs ~10^6 terms at every precision, so these rows come from the
# integral over the dropout probability (FHL 2005 eq. 7 averaged over Beta(a, b+x)) by mp.quad,
# checked against eq. 10 here at x = 1000.
for t in ('1', '52', '1000', '1000000'):
    chk = CDNOW + (t, 1000, '40', '40')
    assert abs(cond_integral(*chk) / cond_plain(*chk) - 1) < mp.mpf('1e-20'), chk
with open('bgnbd_conditional.csv', 'w') as out:
    out.write('r,alpha,a,b,t,x,tx,T,expected\n')
    for row in conditional:
        out.write(','.join(str(v) for v in row) + ',' + s(singular(cond_plain, *row)) + '\n')
    for t in ('1', '52', '1000', '1000000'):
        row = CDNOW + (t, 1000000, '40', '40')
        out.write(','.join(str(v) for v in row) + ',' + s(cond_integral(*row)) + '\n')

# P(X(t) = n)
with mp.workdps(250):
    n = 30
    r, al, t = mp.mpf('0.2426'), mp.mpf('4.4135'), mp.mpf('0.5')
    p, q = al / (al + t), t / (al + t)
    direct = 1 - mp.fsum(mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * p ** r * q ** j for j in range(n))
    assert abs(direct - mp.betainc(n, r, 0, q, regularized=True)) < mp.mpf('1e-40') * abs(direct) + mp.mpf('1e-300')
pmfs = []
for n in (0, 1, 2, 5, 30, 100, 1000, 10**4, 10**6, 2**31 - 1):
    for t in ('0.5', '39', '10000', '1000000'):
        pmfs.append(CDNOW + (n, t))
for n in (0, 1, 100, 520, 1000, 10**6, 2**31 - 1):
    pmfs.append(('100', '10', '0.5', '0.6', n, '52'))
with open('bgnbd_pmf.csv', 'w') as out:
    out.write('r,alpha,a,b,n,t,probability\n')
    for row in pmfs:
        v = pmf(*row)
        out.write(','.join(str(v) for v in row) + ',' + (('<=' + s(v[1])) if isinstance(v, tuple) else s(v)) + '\n')
