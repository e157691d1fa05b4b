package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.RfmSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Customers drawn from the BG/NBD model (Fader, Hardie &amp; Lee 2005, §3) at given parameters, with a
 * fixed seed: each customer buys as a Poisson process with rate {@code λ ~ Gamma(r, α)} (shape r,
 * rate α, so {@code E[λ] = r/α} per week) and after each repeat purchase drops out with
 * probability {@code p ~ Beta(a, b)}. Her age T is uniform on [27, 39] weeks, the spread of the
 * CDNOW calibration period (first purchases over the 12 weeks of Q1 1997, observation to week 39;
 * CDNOW's T runs from 27.00 to 38.86). Times are continuous, so at 10⁶ customers almost every
 * (x, tₓ, T) row is distinct: the hard case for the fit, with no compression to help.
 *
 * <p>Gamma variates by Marsaglia &amp; Tsang (2000, "A simple method for generating gamma variables",
 * <i>ACM TOMS</i> 26(3):363–372), with {@code Gamma(k) = Gamma(k + 1)·U^(1/k)} for {@code k < 1};
 * {@code Beta(a, b) = X/(X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~ Gamma(b)}.
 */
public final class SyntheticBgNbd {

    /** Fader, Hardie &amp; Lee (2005), Table/§5: the CDNOW estimates. */
    public static final double R = 0.243;
    /** α of the CDNOW estimates (weeks). */
    public static final double ALPHA = 4.414;
    /** a of the CDNOW estimates. */
    public static final double A = 0.793;
    /** b of the CDNOW estimates. */
    public static final double B = 2.426;

    private SyntheticBgNbd() {
    }

    /**
     * {@code n} customers at the published CDNOW parameters.
     *
     * @param n the number of customers
     * @param seed the seed
     * @return the summaries, in drawing order
     */
    public static List<RfmSummary> customers(int n, long seed) {
        return customers(n, seed, R, ALPHA, A, B);
    }

    /**
     * {@code n} customers at the given parameters.
     *
     * @param n the number of customers
     * @param seed the seed
     * @param r shape of the purchase-rate Gamma
     * @param alpha rate of the purchase-rate Gamma, per week
     * @param a dropout Beta parameter
     * @param b dropout Beta parameter
     * @return the summaries, in drawing order
     */
    public static List<RfmSummary> customers(int n, long seed, double r, double alpha, double a, double b) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RfmSummary> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double age = 27.0 + 12.0 * random.nextDouble();
            double lambda = gamma(random, r) / alpha;
            double p = beta(random, a, b);
            long x = 0;
            double tx = 0.0;
            double time = 0.0;
            while (true) {
                time += -Math.log1p(-random.nextDouble()) / lambda;
                if (time > age) {
                    break;
                }
                x++;
                tx = time;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            out.add(RfmSummary.of(x, tx, age));
        }
        return out;
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1.0) {
            double u = random.nextDouble();
            return gamma(random, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
