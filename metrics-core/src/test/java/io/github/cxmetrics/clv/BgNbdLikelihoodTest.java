package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The analytic gradient and Hessian of {@link BgNbdLikelihood} in the log-parameters against
 * mpmath: the reference values were printed by {@code src/test/resources/io/github/cxmetrics/clv/
 * derivatives_mpmath.py}, which writes eq. 6 of Fader, Hardie &amp; Lee (2005) directly with
 * {@code mp.beta} and {@code mp.loggamma} at 40 digits and differentiates it numerically with
 * {@code mp.diff} in {@code y = ln θ} (no analytic derivative is used there).
 */
class BgNbdLikelihoodTest {

    private static final long[][] ROWS_X = {{0}, {1}, {2}, {26}, {200}};
    private static final double[][] ROWS_T = {{0, 40}, {5.5, 38.86}, {30.43, 38.86}, {30.857, 31}, {38, 40}};
    private static final int[] WEIGHTS = {3, 1, 2, 1, 1};

    private static BgNbdLikelihood fiveRows() {
        List<RfmSummary> customers = new ArrayList<>();
        for (int i = 0; i < ROWS_X.length; i++) {
            for (int k = 0; k < WEIGHTS[i]; k++) {
                customers.add(RfmSummary.of(ROWS_X[i][0], ROWS_T[i][0], ROWS_T[i][1]));
            }
        }
        Collections.shuffle(customers, new Random(3));
        return new BgNbdLikelihood(RfmSummary.group(customers));
    }

    private static void check(String what, BgNbdLikelihood l, double[] y, double value, double[] gradient,
            double[][] hessian, double relative) {
        double[] g = new double[4];
        double v = l.valueAndGradient(y, g);
        Derivatives.assertClose(what, v, g, l.hessian(y), value, gradient, hessian, relative);
    }

    @Test
    void fiveWeightedRowsAtTwoParameterPoints() {
        BgNbdLikelihood l = fiveRows();
        assertThat(l.rows()).isEqualTo(5);
        assertThat(l.distinctFrequencies()).isEqualTo(5);
        // mpmath, 40 digits: rows (x, tₓ, T) (0, 0, 40)×3, (1, 5.5, 38.86), (2, 30.43, 38.86)×2, (26, 30.857, 31),
        // (200, 38, 40), at (r, α, a, b) = (0.25, 4.0, 0.8, 2.5)
        check("(0.25, 4, 0.8, 2.5)", l, Derivatives.logs(0.25, 4.0, 0.8, 2.5), 37.842359191693592797,
                new double[] {3.2277626712054819, -20.963090494078145, -4.150175892682041, 1.4892964747374421},
                new double[][] {
                    {-1.9669914166909667, 1.7157851248984365, 0.10423292087090822, -0.097756440376948261},
                    {1.7157851248984365, -20.548426503056114, -0.12899673179514034, 0.10427778163352461},
                    {0.10423292087090822, -0.12899673179514034, -5.0424081073108529, 1.5975441387015996},
                    {-0.097756440376948261, 0.10427778163352461, 1.5975441387015996, -0.46080049183399782}}, 1e-13);
        // the same rows at (1.3, 0.7, 2.2, 0.4)
        check("(1.3, 0.7, 2.2, 0.4)", l, Derivatives.logs(1.3, 0.7, 2.2, 0.4), 25.816254831569525781,
                new double[] {-23.127740288900431, 5.6889458469978871, -15.838916311650144, 4.0563191880637286},
                new double[][] {
                    {-30.480444805320344, 10.075463538303537, 0.11513658905833038, -0.037086506753300015},
                    {10.075463538303537, -4.5981197899265697, -0.0069098110703347634, 0.0021331296679312788},
                    {0.11513658905833038, -0.0069098110703347634, -11.81216419401103, 1.2108612713975941},
                    {-0.037086506753300015, 0.0021331296679312788, 1.2108612713975941, -0.034055480239756543}},
                1e-13);
    }

    @Test
    void theCdnowSampleAtThePublishedEstimates() {
        BgNbdLikelihood l = new BgNbdLikelihood(RfmSummary.group(Cdnow.summaries()));
        assertThat(l.rows()).isEqualTo(1016);
        // mpmath, 40 digits, the 1016 distinct rows of cdnow_customers_summary.csv with their counts, at
        // the rounded published (0.243, 4.414, 0.793, 2.426)
        check("CDNOW", l, Derivatives.logs(0.243, 4.414, 0.793, 2.426), -9582.4268311823646988,
                new double[] {-1.5633161967794697, 0.73122843025838644, 0.036370671542517605, -0.035192495885807521},
                new double[][] {
                    {-963.37141948925348, 461.3644661871635, 31.537085412218106, -27.983026308630068},
                    {461.3644661871635, -364.67829172388071, -50.586752667328774, 41.954246941910769},
                    {31.537085412218106, -50.586752667328774, -167.54598871605269, 127.47783235146266},
                    {-27.983026308630068, 41.954246941910769, 127.47783235146266, -108.85624684190395}}, 1e-12);
    }

    @Test
    void theFitConvergesInFewEvaluationsWithoutTheFallback() {
        BgNbdLikelihood l = new BgNbdLikelihood(RfmSummary.group(Cdnow.summaries()));
        int[] trace = new int[3];
        BetaGeometricNbd m = BetaGeometricNbd.fit(l, trace);
        assertThat(trace[2]).as("Nelder-Mead fallback used").isZero();
        assertThat(trace[0]).as("evaluations").isBetween(5, 40);
        assertThat(l.evaluations()).isEqualTo(trace[0]);
        assertThat(m).isEqualTo(BetaGeometricNbd.fit(Cdnow.summaries()));
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            assertThat(BetaGeometricNbd.fit(Cdnow.summaries(), pool)).isEqualTo(m);
        } finally {
            pool.shutdown();
        }
        assertThatThrownBy(() -> BetaGeometricNbd.fit(Cdnow.summaries(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("pool");
    }

    @Test
    void chunkedSumsOnAPoolEqualTheSequentialSumsBitForBit() {
        // 30 000 rows in one segment and several others: chunks of 4096 straddle nothing
        List<RfmSummary> customers = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 30_000; i++) {
            double age = 27 + 12 * random.nextDouble();
            long x = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 0;
            customers.add(RfmSummary.of(x, x == 0 ? 0 : age * random.nextDouble(), age));
        }
        RfmSummary.Grouped grouped = RfmSummary.group(customers);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            BgNbdLikelihood sequential = new BgNbdLikelihood(grouped);
            BgNbdLikelihood parallel = new BgNbdLikelihood(grouped, pool);
            double[] y = Derivatives.logs(0.25, 4.0, 0.8, 2.5);
            double[] g1 = new double[4];
            double[] g2 = new double[4];
            assertThat(parallel.valueAndGradient(y, g2)).isEqualTo(sequential.valueAndGradient(y, g1));
            assertThat(g2).containsExactly(g1);
        } finally {
            pool.shutdown();
        }
    }
}
