package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analytic gradient and Hessian of {@link GammaGammaLikelihood} in the log-parameters against
 * mpmath: reference values printed by {@code src/test/resources/io/github/cxmetrics/clv/
 * derivatives_mpmath.py} (the per-customer density of Fader &amp; Hardie 2013 with
 * {@code mp.loggamma} at 40 digits, differentiated numerically by {@code mp.diff} in
 * {@code y = ln θ}).
 */
class GammaGammaLikelihoodTest {

    private static void check(String what, GammaGammaLikelihood l, double[] y, double value, double[] gradient,
            double[][] hessian, double relative) {
        double[] g = new double[3];
        double v = l.valueAndGradient(y, g);
        Derivatives.assertClose(what, v, g, l.hessian(y), value, gradient, hessian, relative);
    }

    @Test
    void fiveRowsAtTwoParameterPoints() {
        // (x, m̄) = (1, 20.5), (3, 35), (10, 3), (1, 300), (3, 35): the repeated pair is merged with weight 2
        GammaGammaLikelihood l = new GammaGammaLikelihood(new double[][] {{3, 35}, {1, 300}, {10, 3}, {3, 35},
            {1, 20.5}});
        assertThat(l.rows()).isEqualTo(4);
        check("(6.25, 3.74, 15.44)", l, Derivatives.logs(6.25, 3.74, 15.44), -39.963066516058282013,
                new double[] {-18.013734830653422, -0.29410897157471444, -14.35462772604283},
                new double[][] {
                    {-33.474679528006182, 14.854103447254865, -29.035121233894638},
                    {14.854103447254865, -17.284017686414198, 14.680493507851809},
                    {-29.035121233894638, 14.680493507851809, -22.799886218429732}}, 1e-13);
        check("(0.5, 2, 3)", l, Derivatives.logs(0.5, 2.0, 3.0), -44.575380916643148057,
                new double[] {7.0656735371488273, -25.733905153693499, 8.8252905077741817},
                new double[][] {
                    {0.42900687048216063, 4.4983138283952544, -0.60665907016233538},
                    {4.4983138283952544, -31.452681681216919, 9.4319495779365171},
                    {-0.60665907016233538, 9.4319495779365171, -1.0704695265927125}}, 1e-13);
    }

    @Test
    void theCdnowRepeatersAtThePublishedEstimates() {
        List<double[]> pairs = new ArrayList<>();
        for (RfmSummary s : GammaGammaTest.cdnowWithSpend()) {
            if (s.frequency() > 0) {
                pairs.add(new double[] {s.frequency(), s.monetaryValue()});
            }
        }
        assertThat(pairs).hasSize(946);
        GammaGammaLikelihood l = new GammaGammaLikelihood(pairs.toArray(new double[0][]));
        // mpmath, 40 digits, the 946 repeaters of cdnow_customers_summary_with_transactions.csv at (6.25, 3.74, 15.44)
        check("CDNOW", l, Derivatives.logs(6.25, 3.74, 15.44), -4055.9247127301659814,
                new double[] {-2.5541686632559923, 3.0011817570947792, -2.4550330739987593},
                new double[][] {
                    {-2830.7884655303698, 2695.0935892034156, -2579.4175529140534},
                    {2695.0935892034156, -3078.7742539276235, 2576.9625198400546},
                    {-2579.4175529140534, 2576.9625198400546, -2392.7822899736297}}, 1e-12);
        int[] trace = new int[3];
        GammaGamma fit = GammaGamma.fit(l, trace);
        assertThat(trace[2]).as("Nelder-Mead fallback used").isZero();
        assertThat(trace[0]).as("evaluations").isBetween(5, 40);
        assertThat(fit).isEqualTo(GammaGamma.fit(GammaGammaTest.cdnowWithSpend()));
    }
}
