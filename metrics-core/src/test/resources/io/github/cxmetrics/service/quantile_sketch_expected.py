#!/usr/bin/env python3
"""Expected values of QuantileSketchTest, computed without the Java code: an independent port of the
rules of DataDog's sketches-java (DDSketch with LogarithmicMapping and unbounded dense stores), as
section 4.3 of the project's research report describes them, extended to its negative store and zero
bucket, plus exact sums with fractions. Run: python3 quantile_sketch_expected.py

  key(x)   = floor(ln x * multiplier), multiplier = ln(e) / log1p(gamma - 1), gamma = (1+a)/(1-a)
  value(k) = exp(k / multiplier) * (1 + a'),  a' = (gamma - 1)/(gamma + 1)
  zero bucket: |x| <= MIN_NORMAL * (1 + a')/(1 - a'); negatives by the key of |x|, value -value(k)
  quantile(q): rank = q*(n-1); first bucket in value order (negative keys descending, zero, positive
  keys ascending) whose cumulative count exceeds rank.
"""
import math
import sys
from fractions import Fraction


class DD:
    def __init__(self, a):
        self.gamma = (1 + a) / (1 - a)
        self.mult = math.log(math.e) / math.log1p(self.gamma - 1)
        self.ra = (self.gamma - 1) / (self.gamma + 1)
        self.zero_max = sys.float_info.min * (1 + self.ra) / (1 - self.ra)
        self.pos, self.neg, self.zero, self.n = {}, {}, 0, 0

    def key(self, x):
        return math.floor(math.log(x) * self.mult)

    def value(self, k):
        return math.exp(k / self.mult) * (1 + self.ra)

    def add(self, x):
        self.n += 1
        if x > self.zero_max:
            k = self.key(x); self.pos[k] = self.pos.get(k, 0) + 1
        elif x < -self.zero_max:
            k = self.key(-x); self.neg[k] = self.neg.get(k, 0) + 1
        else:
            self.zero += 1

    def quantile(self, q):
        rank = q * (self.n - 1); c = 0
        for k in sorted(self.neg, reverse=True):
            c += self.neg[k]
            if c > rank: return -self.value(k)
        c += self.zero
        if c > rank: return 0.0
        for k in sorted(self.pos):
            c += self.pos[k]
            if c > rank: return self.value(k)


def show(name, xs, qs, a=0.01):
    d = DD(a)
    for x in xs: d.add(x)
    print(name, "buckets", len(d.pos) + len(d.neg) + (1 if d.zero else 0))
    for q in qs: print("  q=%r -> %r" % (q, d.quantile(q)))


qs = [0.5, 0.9, 0.99, 0.999]
show("A", [float(i + 1) for i in range(1000)], qs)
nB = 10000
B = [10.0 * (1.0 / (1.0 - (i + 0.5) / nB)) ** (1 / 1.5) for i in range(nB)]
show("B", [B[(i * 7919) % nB] for i in range(nB)], qs)
show("one", [1.0], [0.5])                      # x = gamma^0: 1 + a' (the paper's convention: 1 - a')
# mixed signs and the zero bucket: -500 .. 500, and 1e-310 (subnormal, zero bucket)
show("mixed", [float(i - 500) for i in range(1001)] + [1e-310], [0, 0.1, 0.25, 0.4985, 0.4999, 0.5, 0.5005, 0.5015, 0.75, 1])
# exact sums and means (Fraction: the exact sum of the binary values; float() rounds it correctly)
for xs in ([0.1, 0.2, 0.3], [1e308, 1e308, -1e308], [0.1] * 3, [1e-310, 3e-320, -2.5e-315], [1.0, 1e100, 1.0, -1e100]):
    s = sum(Fraction(x) for x in xs)
    print("sum", xs[:5], repr(float(s)), "mean", repr(float(s / len(xs))))
