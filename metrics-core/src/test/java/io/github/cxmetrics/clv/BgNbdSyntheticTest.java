package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The fit recovers the parameters of customers drawn from the BG/NBD model at the CDNOW estimates
 * (r, α, a, b) = (0.243, 4.414, 0.793, 2.426), T uniform on [27, 39] weeks, continuous times: the
 * generator is a copy of metrics-bench's {@code SyntheticBgNbd} (same algorithm, same seed), at
 * n = 200 000 here (system property {@code cxm.synthetic.n} for other sizes; the benchmark uses
 * 10⁶). Every estimate must lie within 3 of its standard errors of the truth, and the fit (which
 * starts from a fit on a sample at this size) must not need the Nelder–Mead fallback.
 */
class BgNbdSyntheticTest {

    @Test
    void theFitRecoversTheGeneratingParameters() {
        int n = Integer.getInteger("cxm.synthetic.n", 200_000);
        List<RfmSummary> customers = customers(n, 20_050_101L, 0.243, 4.414, 0.793, 2.426);
        BgNbdLikelihood l = new BgNbdLikelihood(RfmSummary.group(customers));
        int[] trace = new int[5];
        long t0 = System.nanoTime();
        BetaGeometricNbd fit = BetaGeometricNbd.fit(l, trace);
        long t1 = System.nanoTime();
        double[] truth = {0.243, 4.414, 0.793, 2.426};
        double[] est = {fit.r(), fit.alpha(), fit.a(), fit.b()};
        double[] se = fit.standardErrors();
        System.out.printf("synthetic BG/NBD n=%d rows=%d: %s se=%s; evaluations on all rows %d (BFGS iterations %d, "
                + "fallback %d), on the sample %d of %d rows; %.1f ms (one untimed run, not a benchmark)%n", n,
                l.rows(), fit, java.util.Arrays.toString(se), trace[0], trace[1], trace[2], trace[3], trace[4],
                (t1 - t0) / 1e6);
        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(est[i] - truth[i])).as("parameter %d: %s vs %s (se %s)", i, est[i], truth[i], se[i])
                    .isLessThanOrEqualTo(3 * se[i]);
        }
        assertThat(trace[2]).as("Nelder-Mead fallback used").isZero();
        assertThat(trace[0]).as("evaluations on all rows").isLessThanOrEqualTo(15);
        assertThat(trace[4]).as("sample rows").isBetween(15_000, 25_000);
        // the order of the customers does not matter
        List<RfmSummary> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, new Random(5));
        assertThat(BetaGeometricNbd.fit(shuffled)).isEqualTo(fit);
        // the sums on a pool: the same chunks combined in the same order, so the same bits
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            assertThat(BetaGeometricNbd.fit(shuffled, pool)).isEqualTo(fit);
        } finally {
            pool.shutdown();
        }
    }

    static List<RfmSummary> customers(int n, long seed, double r, double alpha, double a, double b) {
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
