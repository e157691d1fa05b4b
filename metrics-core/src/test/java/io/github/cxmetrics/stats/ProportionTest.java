package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Proportion}. Published vectors: Newcombe (1998), "Two-sided confidence intervals for the
 * single proportion: comparison of seven methods", <i>Statistics in Medicine</i> 17:857–872,
 * Table I (Wilson score, method 3, and Clopper–Pearson exact, method 5, at 4 decimals) for 81/263,
 * 15/148, 0/20 and 1/29. Other expected values were computed independently with mpmath 1.3.0 or
 * SciPy 1.17.1, the expression beside each (R equivalents: {@code binom.test(x, n)$conf.int},
 * {@code qbeta(c(.025, .975), x + .5, n - x + .5)}, {@code prop.test(c(x1, x2), c(n1, n2),
 * correct = FALSE)}).
 */
class ProportionTest {

    /** The level whose two-sided normal critical value is exactly 1.96: 2Φ(1.96) − 1 (mpmath). */
    private static final double LEVEL_196 = 0.9500042097035591317;

    @Test
    void wilsonAtZ196ForSmallCounts() {
        // Wilson's formula at z = 1.96 evaluated with mpmath (mp.dps = 40) for (successes, failures)
        double[][] vectors = {
            {1, 1, 0.094528654800866132, 0.90547134519913387},
            {10, 90, 0.055228541613136123, 0.17436730436766541},
            {25, 75, 0.17545094003724264, 0.34304646370075832},
            {0, 1, 0.0, 0.79345670852610707},
            {1, 0, 0.20654329147389293, 1.0},
        };
        for (double[] v : vectors) {
            long x = (long) v[0];
            long n = x + (long) v[1];
            Interval ci = Proportion.of(x, n).confidenceInterval(LEVEL_196, IntervalMethod.WILSON);
            assertThat(ci.lower()).as("lower %d/%d", x, n).isCloseTo(v[2], within(1e-12));
            assertThat(ci.upper()).as("upper %d/%d", x, n).isCloseTo(v[3], within(1e-12));
        }
    }

    @Test
    void newcombeTableOne() {
        // {x, n, Wilson lower, upper, exact lower, upper}
        double[][] table = {
            {81, 263, 0.2553, 0.3662, 0.2527, 0.3676},
            {15, 148, 0.0624, 0.1605, 0.0578, 0.1617},
            {0, 20, 0.0, 0.1611, 0.0, 0.1684},
            {1, 29, 0.0061, 0.1718, 0.0009, 0.1776},
        };
        for (double[] r : table) {
            Proportion p = Proportion.of((long) r[0], (long) r[1]);
            Interval wilson = p.confidenceInterval(0.95);
            Interval exact = p.confidenceInterval(0.95, IntervalMethod.CLOPPER_PEARSON);
            assertThat(wilson.lower()).isCloseTo(r[2], within(5e-5));
            assertThat(wilson.upper()).isCloseTo(r[3], within(5e-5));
            assertThat(exact.lower()).isCloseTo(r[4], within(5e-5));
            assertThat(exact.upper()).isCloseTo(r[5], within(5e-5));
        }
    }

    @Test
    void clopperPearsonAndJeffreysMatchBetaQuantiles() {
        // scipy.stats.beta.ppf(0.025, x, n-x+1), beta.ppf(0.975, x+1, n-x);
        // Jeffreys: beta.ppf([0.025, 0.975], x+0.5, n-x+0.5); bound 0 at x = 0
        double[][] table = {
            {81, 263, 0.25273674558527126, 0.36762192260135135, 0.2545219349910236, 0.36564749917408246},
            {15, 148, 0.05784401008344857, 0.161650490349479, 0.060448517009296425, 0.15764314347874112},
            {0, 20, 0.0, 0.1684334709830853, 0.0, 0.11663898290487539},
            {1, 29, 0.000872646883579922, 0.1776442954887229, 0.003746173649057073, 0.15007768600223173},
        };
        for (double[] r : table) {
            Proportion p = Proportion.of((long) r[0], (long) r[1]);
            Interval cp = p.confidenceInterval(0.95, IntervalMethod.CLOPPER_PEARSON);
            Interval j = p.confidenceInterval(0.95, IntervalMethod.JEFFREYS);
            assertThat(cp.lower()).isCloseTo(r[2], within(1e-12 + 1e-10 * r[2]));
            assertThat(cp.upper()).isCloseTo(r[3], within(1e-10 * r[3]));
            assertThat(j.lower()).isCloseTo(r[4], within(1e-12 + 1e-10 * r[4]));
            assertThat(j.upper()).isCloseTo(r[5], within(1e-10 * r[5]));
        }
        Interval all = Proportion.of(20, 20).confidenceInterval(0.95, IntervalMethod.CLOPPER_PEARSON);
        assertThat(all.upper()).isEqualTo(1.0);
        // 1 − beta.ppf(0.975, 1, 20) = 0.025^(1/20): the x = n bound in closed form
        assertThat(all.lower()).isCloseTo(Math.pow(0.025, 1.0 / 20.0), within(1e-12));
    }

    @Test
    void waldAndAgrestiCoull() {
        // z = norm.ppf(0.975); Wald p ± z·sqrt(p(1−p)/n); Agresti–Coull ñ = n + z², p̃ = (x + z²/2)/ñ
        Proportion p = Proportion.of(81, 263);
        Interval wald = p.confidenceInterval(0.95, IntervalMethod.WALD);
        assertThat(wald.lower()).isCloseTo(0.2521901262131072, within(1e-12));
        assertThat(wald.upper()).isCloseTo(0.36377945553594226, within(1e-12));
        Interval ac = p.confidenceInterval(0.95, IntervalMethod.AGRESTI_COULL);
        assertThat(ac.lower()).isCloseTo(0.25522066518999675, within(1e-12));
        assertThat(ac.upper()).isCloseTo(0.3662774316710775, within(1e-12));
        // 0/20: Agresti–Coull's lower bound −0.0287 is clipped to 0; Wald collapses to [0, 0]
        Proportion zero = Proportion.of(0, 20);
        assertThat(zero.confidenceInterval(0.95, IntervalMethod.AGRESTI_COULL).lower()).isEqualTo(0.0);
        assertThat(zero.confidenceInterval(0.95, IntervalMethod.AGRESTI_COULL).upper())
                .isCloseTo(0.18980956054248885, within(1e-12));
        assertThat(zero.confidenceInterval(0.95, IntervalMethod.WALD).upper()).isEqualTo(0.0);
    }

    @Test
    void weightedShareWithEffectiveSizeEqualsTheEquivalentCounts() {
        for (IntervalMethod m : new IntervalMethod[] {IntervalMethod.WILSON, IntervalMethod.CLOPPER_PEARSON,
                IntervalMethod.JEFFREYS, IntervalMethod.AGRESTI_COULL, IntervalMethod.WALD}) {
            Interval counts = Proportion.of(25, 100).confidenceInterval(0.9, m);
            Interval share = Proportion.ofShare(0.25, 100.0).confidenceInterval(0.9, m);
            assertThat(share.lower()).as(m.name()).isCloseTo(counts.lower(), within(1e-12));
            assertThat(share.upper()).as(m.name()).isCloseTo(counts.upper(), within(1e-12));
        }
        Proportion weighted = Proportion.ofShare(0.3, 42.5);
        assertThat(weighted.successes()).isCloseTo(12.75, within(1e-12));
        assertThat(weighted.standardError()).isCloseTo(Math.sqrt(0.3 * 0.7 / 42.5), within(1e-15));
    }

    @Test
    void compareIsSignedWithPooledTestAndUnpooledError() {
        Difference d = Proportion.compare(Proportion.of(30, 120), Proportion.of(45, 130));
        // z = (p2 − p1)/sqrt(p̂(1 − p̂)(1/n1 + 1/n2)), p̂ = 75/250; p = 2·norm.sf(|z|)
        assertThat(d.estimate()).isCloseTo(45.0 / 130 - 30.0 / 120, within(1e-15));
        assertThat(d.statistic()).isCloseTo(1.6574838603294895, within(1e-12));
        assertThat(d.pValue()).isCloseTo(0.09742168927634338, within(1e-12));
        assertThat(d.standardError()).isCloseTo(0.05747617305302363, within(1e-14));
        Difference reverse = Proportion.compare(Proportion.of(45, 130), Proportion.of(30, 120));
        assertThat(reverse.estimate()).isCloseTo(-d.estimate(), within(1e-15));
        assertThat(reverse.pValue()).isCloseTo(d.pValue(), within(1e-15));
        // both all-successes: no evidence of a difference
        assertThat(Proportion.compare(Proportion.of(5, 5), Proportion.of(9, 9)).pValue()).isEqualTo(1.0);
    }

    @Test
    void illegalArguments() {
        Proportion p = Proportion.of(3, 10);
        assertThatThrownBy(() -> p.confidenceInterval(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.5");
        assertThatThrownBy(() -> p.confidenceInterval(Double.NaN, IntervalMethod.JEFFREYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be in (0, 1), was NaN");
        assertThatThrownBy(() -> p.confidenceInterval(0.95, IntervalMethod.ADJUSTED_WALD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ADJUSTED_WALD");
        assertThatThrownBy(() -> p.confidenceInterval(0.95, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Proportion.of(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials must be > 0, was 0");
        assertThatThrownBy(() -> Proportion.of(11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes must be in 0..10, was 11");
        assertThatThrownBy(() -> Proportion.ofShare(1.2, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("share must be in [0, 1], was 1.2");
        assertThatThrownBy(() -> Proportion.ofShare(0.2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("effectiveSize must be finite and > 0, was 0.0");
    }

    @Test
    void valueSemantics() {
        assertThat(Proportion.of(3, 10)).isEqualTo(Proportion.ofShare(0.3, 10)).hasSameHashCodeAs(Proportion.of(3, 10));
        assertThat(Proportion.of(3, 10)).isNotEqualTo(Proportion.of(3, 11));
        assertThat(Proportion.of(3, 10).value()).isEqualTo(0.3);
    }
}
