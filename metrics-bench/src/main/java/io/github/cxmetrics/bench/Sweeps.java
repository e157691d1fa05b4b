package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.RfmSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tight-loop baselines of the fit benchmarks: one pass over every customer (no grouping) with
 * the per-customer transcendental work of one log-likelihood evaluation, over primitive arrays —
 * the floor of what a likelihood sweep can cost. The per-x gamma-function terms are left out (they
 * are a handful per evaluation), so a fit's time divided by this is an upper bound on the number of
 * sweeps' worth of work it does.
 */
final class Sweeps {

    private Sweeps() {
    }

    /** The customers of a CDNOW summary resource: ID, x, tₓ, T[, m̄]. */
    static List<RfmSummary> cdnow(String resource, boolean withSpend) throws IOException {
        List<RfmSummary> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Sweeps.class.getResourceAsStream(resource), resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.strip().split(",");
                if (f.length < 4) {
                    continue;
                }
                long x = Long.parseLong(f[1]);
                double tx = Double.parseDouble(f[2]);
                double t = Double.parseDouble(f[3]);
                out.add(withSpend && x > 0 ? RfmSummary.of(x, tx, t, Double.parseDouble(f[4]))
                        : RfmSummary.of(x, x == 0 ? 0.0 : tx, t));
            }
        }
        return out;
    }

    /** Columns of the BG/NBD per-customer sweep. */
    static final class BgNbd {
        final double[] x;
        final double[] tx;
        final double[] t;

        BgNbd(List<RfmSummary> customers) {
            int n = customers.size();
            x = new double[n];
            tx = new double[n];
            t = new double[n];
            for (int i = 0; i < n; i++) {
                RfmSummary c = customers.get(i);
                x[i] = c.frequency();
                tx[i] = c.recency();
                t[i] = c.age();
            }
        }

        /**
         * {@code Σ ln[(α + T)^−(r+x) + 1{x>0}·a/(b + x − 1)·(α + tₓ)^−(r+x)]} in log-sum-exp form: two
         * logarithms, one exponential and one {@code log1p} per repeat buyer, one logarithm otherwise.
         */
        double sweep(double r, double alpha, double a, double b) {
            double lnA = Math.log(a);
            double s = 0.0;
            for (int i = 0; i < x.length; i++) {
                double rx = r + x[i];
                double u1 = -rx * Math.log(alpha + t[i]);
                if (x[i] == 0.0) {
                    s += u1;
                } else {
                    double u2 = lnA - Math.log(b + x[i] - 1.0) - rx * Math.log(alpha + tx[i]);
                    s += Math.max(u1, u2) + Math.log1p(Math.exp(-Math.abs(u2 - u1)));
                }
            }
            return s;
        }
    }

    /** Columns of the Gamma–Gamma per-customer sweep (repeat buyers only). */
    static final class GammaGamma {
        final double[] x;
        final double[] m;

        GammaGamma(List<RfmSummary> customers) {
            List<RfmSummary> repeat = new ArrayList<>();
            for (RfmSummary c : customers) {
                if (c.frequency() > 0) {
                    repeat.add(c);
                }
            }
            x = new double[repeat.size()];
            m = new double[repeat.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = repeat.get(i).frequency();
                m[i] = repeat.get(i).monetaryValue();
            }
        }

        /** {@code Σ [(px − 1) ln m̄ + px ln x − (px + q) ln(γ + x m̄)]}: three logarithms per customer. */
        double sweep(double p, double q, double g) {
            double s = 0.0;
            for (int i = 0; i < x.length; i++) {
                double px = p * x[i];
                s += (px - 1.0) * Math.log(m[i]) + px * Math.log(x[i]) - (px + q) * Math.log(g + x[i] * m[i]);
            }
            return s;
        }
    }
}
