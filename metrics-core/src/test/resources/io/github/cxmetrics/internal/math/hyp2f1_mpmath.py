"""Reference values for HypergeometricTest: mpmath 1.3.0 hyp2f1(a, b, c, z) at mp.dps = 50.

Run:  python3 hyp2f1_mpmath.py   in this directory; it rewrites hyp2f1.csv. Each row gives 1 - z
as a decimal w, and z = 1 - w exactly (at 50 digits), as the Java caller passes both.
The parameter sets include integer c - a - b (0, 1, 2: the logarithmic cases of DLMF 15.8.10,
which mpmath handles by perturbation) and the model cases: DERL 2F1(1, b+n; a+b+n; 1/(1+d)) and
BG/NBD 2F1(r, b; a+b-1; t/(alpha+t)).
"""
import mpmath as mp

mp.mp.dps = 50
params = [
    ('1', '1', '2'), ('1', '2', '4'), ('0.5', '0.5', '1.5'), ('1', '11.806', '12.474'), ('1', '4.806', '5.474'),
    ('0.2426', '2.4259', '2.219'), ('-0.5', '2', '3'), ('3', '1.5', '4.5'), ('2.5', '3', '7'), ('20', '3', '10'),
    ('1', '3', '3.2'), ('0.7', '0.2', '0.9'), ('1', '1001', '1002.668'),
]
ws = ['1', '0.7', '0.5', '0.1', '0.01', '1e-5', '1e-8', '1e-12', '1e-17']
with open('hyp2f1.csv', 'w') as out:
    out.write('a,b,c,oneMinusZ,value\n')
    for a, b, c in params:
        for w in ws:
            v = mp.hyp2f1(mp.mpf(a), mp.mpf(b), mp.mpf(c), 1 - mp.mpf(w))
            out.write(','.join((a, b, c, w)) + ',' + mp.nstr(v, 20) + '\n')
