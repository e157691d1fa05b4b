# Expected output of ParetoNbdReadmeTest: the Pareto/NBD formulas of Fader & Hardie (2005, note 009)
# and FHL (2005, JMR) as written in mission-next.md appendix A.6 (clv_mp.py), mpmath 1.3.0, 40 digits.
import mpmath as mp
mp.mp.dps = 40
def logL(p, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]; x = mp.mpf(x)
    if al >= be:
        A0 = mp.hyp2f1(r+s+x, s+1, r+s+x+1, (al-be)/(al+tx))/(al+tx)**(r+s+x) - mp.hyp2f1(r+s+x, s+1, r+s+x+1, (al-be)/(al+T))/(al+T)**(r+s+x)
    else:
        A0 = mp.hyp2f1(r+s+x, r+x, r+s+x+1, (be-al)/(be+tx))/(be+tx)**(r+s+x) - mp.hyp2f1(r+s+x, r+x, r+s+x+1, (be-al)/(be+T))/(be+T)**(r+s+x)
    head = mp.loggamma(r+x) - mp.loggamma(r) + r*mp.log(al) + s*mp.log(be)
    return head + mp.log(1/((al+T)**(r+x)*(be+T)**s) + s/(r+s+x)*A0), A0
def palive(p, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]; _, A0 = logL(p, x, tx, T)
    return 1/(1 + s/(r+s+x)*(al+T)**(r+x)*(be+T)**s*A0)
def cet(p, t, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]
    return palive(p, x, tx, T)*(r+x)*(be+T)/((al+T)*(s-1))*(1 - ((be+T)/(be+T+t))**(s-1))
def ex(p, t):
    r, al, s, be = [mp.mpf(v) for v in p]; return r*be/(al*(s-1))*(1 - (be/(be+t))**(s-1))
def dert(p, d, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]; ll, _ = logL(p, x, tx, T)
    return mp.exp(r*mp.log(al) + s*mp.log(be) + (s-1)*mp.log(d) + mp.loggamma(r+x+1) - mp.loggamma(r) - (r+x+1)*mp.log(al+T) - ll)*mp.hyperu(s, s, d*(be+T))
P = ("0.5533", "10.5776", "0.6062", "11.6679")
x, tx, T = 2, mp.mpf("30.43"), mp.mpf("38.86")
print("P(alive) %s" % mp.nstr(palive(P, x, tx, T), 10))                                   # 0.8691210957
print("next 39 weeks %s" % mp.nstr(cet(P, 39, x, tx, T), 10))                            # 1.455137064
print("DERT at 15%%/year %s" % mp.nstr(dert(P, mp.log(mp.mpf("1.15"))/52, x, tx, T), 10))  # 6.500398291
print("new customer, first year %s" % mp.nstr(ex(P, 52), 10))                            # 1.473526687
print("600 purchases: P(alive) %s" % mp.nstr(palive(P, 600, mp.mpf(150), mp.mpf(156)), 10))  # 2.641880296e-7
