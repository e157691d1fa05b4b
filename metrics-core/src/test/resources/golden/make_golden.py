#!/usr/bin/env python3
"""Writes the golden state files of metrics-core from the documented layout (docs/binary-format.md),
without using the Java code: GoldenStatesTest reads each file, checks its content and checks that the
library writes the same state to the same bytes. Run from this directory: python3 make_golden.py

Each file is one frame: magic "CXMS", family id, format version, flags (uint16), payload length
(int32), payload, CRC-32C of everything before it; all little-endian.
"""
import struct


def crc32c(data: bytes) -> int:
    """CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, init and final xor 0xFFFFFFFF."""
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283  # the standard check value (RFC 3720, B.4)


def frame(family: int, version: int, flags: int, payload: bytes) -> bytes:
    head = b"CXMS" + struct.pack("<BBHi", family, version, flags, len(payload)) + payload
    return head + struct.pack("<I", crc32c(head))


def write(name: str, data: bytes) -> None:
    with open(name, "wb") as f:
        f.write(data)


# family 1, rating, v1: scale 0..10, ratings 10, 10, 0, 9, 7 (unweighted)
counts = [0] * 11
for r in (10, 10, 0, 9, 7):
    counts[r] += 1
write("rating-v1.bin", frame(1, 1, 0, struct.pack("<ii", 0, 10) + struct.pack("<11q", *counts)))

# family 1, rating, v1, weighted (flag bit 0): scale 1..5, rating 5 with weight 2.5, rating 1 with
# weight 0.5, rating 5 with weight 1; weight sums per point, then the sum of squared weights
# 6.25 + 0.25 + 1 = 7.5 (all exact in binary)
write("rating-v1-weighted.bin", frame(1, 1, 1, struct.pack("<ii", 1, 5) + struct.pack("<5q", 1, 0, 0, 0, 2)
                                      + struct.pack("<5d", 0.5, 0, 0, 0, 3.5) + struct.pack("<d", 7.5)))

# family 2, mean, v1: values 1, 2, 3, 4 with weight 1: count 4, sum of weights 4, of squared weights 4,
# mean 2.5, M2 = sum of squared deviations = 2.25 + 0.25 + 0.25 + 2.25 = 5
write("mean-v1.bin", frame(2, 1, 0, struct.pack("<qdddd", 4, 4.0, 4.0, 2.5, 5.0)))

# family 4, cohort, v1: lastPeriod 3; customers (cohort, active periods): (0,1) (0,2) (0,3) (0,4) (0,4)
# (1,1) (1,3) (1,3) (2,1) (2,2); cells ascending by (cohort, active periods) with their customer counts
cells = [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 2), (1, 1, 1), (1, 3, 2), (2, 1, 1), (2, 2, 1)]
write("cohort-v1.bin", frame(4, 1, 0, struct.pack("<ii", 3, len(cells))
                             + b"".join(struct.pack("<iiq", c, a, n) for c, a, n in cells)))

# family 3, kaplan-meier, v1: the AML "maintained" group of R's survival package, durations (+ censored)
# 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+; per distinct duration ascending: duration, events, censored
entries = [(9, 1, 0), (13, 1, 1), (18, 1, 0), (23, 1, 0), (28, 0, 1), (31, 1, 0), (34, 1, 0), (45, 0, 1),
           (48, 1, 0), (161, 0, 1)]
write("kaplan-meier-v1.bin", frame(3, 1, 0, struct.pack("<i", len(entries))
                                   + b"".join(struct.pack("<dqq", float(t), e, c) for t, e, c in entries)))

# family 5, rfm, v1. Purchases: customer "a" 10.00 on 2024-01-01, 0.10 and 0.20 on 2024-01-08, 5.25 and
# a return of 5.25 on 2024-02-01; "b" 3.50 on 2023-12-31; "é" 7.00 on 2024-01-03. Customers ascend by
# id (code points), entries by epoch day; a day's partials are non-overlapping doubles, smallest first,
# summing exactly to the day's amounts: 0.1 + 0.2 is the double nearest the sum plus the exact rest
# (computed with fractions, not with the library's algorithm); a day that cancels is the one +0.0.
import datetime
from fractions import Fraction


def epoch(y, m, d):
    return (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days


hi = 0.1 + 0.2
lo = float(Fraction(0.1) + Fraction(0.2) - Fraction(hi))
assert Fraction(lo) + Fraction(hi) == Fraction(0.1) + Fraction(0.2)
customers = [("a", [(epoch(2024, 1, 1), 10.0), (epoch(2024, 1, 8), lo), (epoch(2024, 1, 8), hi),
                    (epoch(2024, 2, 1), 0.0)]),
             ("b", [(epoch(2023, 12, 31), 3.5)]),
             ("\u00e9", [(epoch(2024, 1, 3), 7.0)])]
payload = struct.pack("<i", len(customers))
for cid, entries in customers:
    utf8 = cid.encode("utf-8")
    payload += struct.pack("<H", len(utf8)) + utf8 + struct.pack("<i", len(entries))
    payload += b"".join(struct.pack("<id", day, amount) for day, amount in entries)
write("rfm-v1.bin", frame(5, 1, 0, payload))

# family 6, kano, v1, flag bit 0 (named): features "speed", "price", "café" (UTF-8 63 61 66 C3 A9).
# Per feature 31 int64: the 5 x 5 answer-pair counts, functional code 1..5 major, dysfunctional code 1..5
# minor (1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike), then the counts of responses added as
# categories A, O, M, I, R, Q. "speed": 3 x (like, dislike), 2 x (like, neutral), 1 x (neutral, neutral);
# "price": 4 x (must-be, dislike), 1 x (like, like), 2 added as R; "café": 5 added as A, 1 as I.
kano = [("speed", {(1, 5): 3, (1, 3): 2, (3, 3): 1}, {}),
        ("price", {(2, 5): 4, (1, 1): 1}, {"R": 2}),
        ("caf\u00e9", {}, {"A": 5, "I": 1})]
payload = struct.pack("<i", len(kano))
for name, _, _ in kano:
    utf8 = name.encode("utf-8")
    payload += struct.pack("<H", len(utf8)) + utf8
for _, pairs, added in kano:
    slots = [pairs.get((f, d), 0) for f in range(1, 6) for d in range(1, 6)] + [added.get(c, 0) for c in "AOMIRQ"]
    assert len(slots) == 31
    payload += struct.pack("<31q", *slots)
write("kano-v1.bin", frame(6, 1, 1, payload))

# family 7, quantile-sketch, v1: relative accuracy 0.01, unbounded; values 0.0, 1e-310, 1.0, 2.5, 10.0, 10.0,
# -3.0, -0.5. Keys floor(ln|x| * multiplier), multiplier = 1 / log1p(gamma - 1), gamma = 1.01 / 0.99 (each
# product but that of 1 is at least 0.05 from an integer, so any correctly rounded log gives these keys): 1 -> 0, 2.5 -> 45,
# 10 -> 115; |-3| -> 54, |-0.5| -> -35 (ln 1 = 0 exactly, so 1 -> 0). 0.0 and 1e-310 are at most MIN_NORMAL * (1 + a')/(1 - a'): the zero
# bucket. The sum S, in units of 2^-1074, exactly: 20 + 1e-310 (fractions), written as S = M * 2^(8z) with z the
# number of whole zero bytes at its low end (uint16), then M in minimal two's complement, little-endian.
import math
alpha = 0.01
gamma = (1 + alpha) / (1 - alpha)
mult = 1 / math.log1p(gamma - 1)
values = [0.0, 1e-310, 1.0, 2.5, 10.0, 10.0, -3.0, -0.5]
zero_max = 2.2250738585072014e-308 * (1 + (gamma - 1) / (gamma + 1)) / (1 - (gamma - 1) / (gamma + 1))
pos, neg, zero = {}, {}, 0
for x in values:
    if abs(x) <= zero_max:
        zero += 1
        continue
    p = math.log(abs(x)) * mult
    assert abs(x) == 1.0 or 0.05 < p - math.floor(p) < 0.95  # ln 1 = 0 exactly: key 0 (x = gamma^0)
    store = pos if x > 0 else neg
    store[math.floor(p)] = store.get(math.floor(p), 0) + 1
assert pos == {0: 1, 45: 1, 115: 2} and neg == {54: 1, -35: 1} and zero == 2
exact = sum(Fraction(x) for x in values) * 2 ** 1074
assert exact.denominator == 1
s = exact.numerator
z = ((s & -s).bit_length() - 1) // 8
mant = s >> (8 * z)
sum_bytes = mant.to_bytes((mant if mant >= 0 else ~mant).bit_length() // 8 + 1, "little", signed=True)
assert sum_bytes[0] != 0
payload = struct.pack("<diqdd", alpha, 0, zero, min(values), max(values))
payload += struct.pack("<i", len(pos)) + b"".join(struct.pack("<iq", k, pos[k]) for k in sorted(pos))
payload += struct.pack("<i", len(neg)) + b"".join(struct.pack("<iq", k, neg[k]) for k in sorted(neg))
payload += struct.pack("<HH", z, len(sum_bytes)) + sum_bytes
write("quantile-sketch-v1.bin", frame(7, 1, 0, payload))
