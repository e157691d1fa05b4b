package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.retention.KaplanMeier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link ResolutionTimes}. The vector is mission-next.md §4.1 (hours 2, 5, 8+, 12, 24, 30+, 48, 72+,
 * 96, 120; + = open), with the report's R script {@code t4km.R} (appendix A.4), rerun here with R
 * 4.x and survival 3.x:
 * <pre>
 *   t &lt;- c(2,5,8,12,24,30,48,72,96,120); e &lt;- c(1,1,0,1,1,0,1,0,1,1)
 *   f &lt;- survfit(Surv(t,e)~1); summary(f)$surv   # 0.9 0.8 0.685714285714286 0.571428571428571
 *                                                 # 0.428571428571429 0.214285714285714 0
 *   quantile(f, c(.5,.9), conf.int=FALSE)         # 48 120
 * </pre>
 * RMST to 120 h is 57.9571428571429 (§4.1). The naive median of the seven resolved tickets (2, 5, 12,
 * 24, 48, 96, 120) is 24 h. The property test checks the definition: without censoring, R's
 * {@code quantile.survfit} rule is Hyndman &amp; Fan's type 2 of the resolution times.
 */
class ResolutionTimesTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    /** Tickets opened so that resolved ones took the vector's hours and open ones are that old at AS_OF. */
    static ResolutionTimes vector() {
        double[] hours = {2, 5, 8, 12, 24, 30, 48, 72, 96, 120};
        boolean[] done = {true, true, false, true, true, false, true, false, true, true};
        Instant[] opened = new Instant[hours.length];
        Instant[] resolved = new Instant[hours.length];
        for (int i = 0; i < hours.length; i++) {
            Duration d = Duration.ofHours((long) hours[i]);
            if (done[i]) {
                opened[i] = AS_OF.minus(Duration.ofDays(30)).plus(Duration.ofHours(i));
                resolved[i] = opened[i].plus(d);
            } else {
                opened[i] = AS_OF.minus(d);
            }
        }
        return ResolutionTimes.of(opened, resolved, AS_OF, Duration.ofHours(1));
    }

    @Test
    void openTicketsAreCensoredAndTheMedianIs48Hours() {
        ResolutionTimes r = vector();
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.open()).isEqualTo(3);
        assertThat(r.median()).hasValue(48.0);
        assertThat(r.quantile(0.5)).hasValue(48.0);
        assertThat(r.quantile(0.9)).hasValue(120.0);
        KaplanMeier km = r.curve();
        double[] times = {2, 5, 12, 24, 48, 96, 120};
        double[] s = {0.9, 0.8, 0.685714285714286, 0.571428571428571, 0.428571428571429, 0.214285714285714, 0};
        List<KaplanMeier.Step> steps = km.steps();
        assertThat(steps).hasSize(7);
        for (int i = 0; i < times.length; i++) {
            assertThat(steps.get(i).time()).isEqualTo(times[i]);
            assertThat(steps.get(i).survival()).isCloseTo(s[i], within(1e-14));
        }
        assertThat(km.restrictedMean(120)).isCloseTo(57.9571428571429, within(1e-12));
        // the naive median of the resolved tickets alone, for contrast
        assertThat(ExactQuantiles.of(2, 5, 12, 24, 48, 96, 120).quantile(0.5, QuantileType.TYPE_7)).isEqualTo(24.0);
        assertThat(r).hasToString("ResolutionTimes[n=10, open=3, median=48.0 PT1H]");
    }

    @Test
    void aTicketResolvedAfterAsOfWasOpenThen() {
        Instant o = AS_OF.minus(Duration.ofHours(10));
        ResolutionTimes r = ResolutionTimes.of(new Instant[] {o, o}, new Instant[] {AS_OF.plusSeconds(3600),
            o.plus(Duration.ofMinutes(90))}, AS_OF, Duration.ofHours(1));
        assertThat(r.open()).isEqualTo(1);
        assertThat(r.curve().steps()).hasSize(1);
        assertThat(r.curve().steps().get(0).time()).isEqualTo(1.5);
        // S = 1/2 exactly from 1.5 h to the last follow-up (10 h): R's midpoint, (1.5 + 10)/2
        assertThat(r.median()).hasValue(5.75);
    }

    @Test
    void aQuantileBeyondTheCurveIsEmpty() {
        Instant o = AS_OF.minus(Duration.ofHours(10));
        // one resolved in 1 h, three open: S falls to 0.75 only
        ResolutionTimes r = ResolutionTimes.of(new Instant[] {o, o, o, o},
                new Instant[] {o.plusSeconds(3600), null, null, null}, AS_OF, Duration.ofHours(1));
        assertThat(r.quantile(0.25)).hasValue(5.5); // flat at exactly 0.75 from 1 h to the last follow-up, 10 h
        assertThat(r.median()).isEmpty();
        assertThat(r.quantile(0.9)).isEmpty();
    }

    @Test
    void withoutOpenTicketsTheQuantilesAreTheAveragedInverseEcdf() {
        // without censoring S(t) is 1 − ECDF(t), and R's quantile.survfit rule (first t with S <= 1 − p,
        // the midpoint where S sits exactly at 1 − p) is the definition of Hyndman & Fan's type 2
        QuickTheory.qt().withFixedSeed(20261203L).withExamples(300)
                .forAll(lists().of(integers().between(0, 500)).ofSizeBetween(1, 40), doubles().between(0.001, 0.999))
                .checkAssert((hours, p) -> {
                    Instant[] opened = new Instant[hours.size()];
                    Instant[] resolved = new Instant[hours.size()];
                    double[] h = new double[hours.size()];
                    for (int i = 0; i < h.length; i++) {
                        opened[i] = AS_OF.minus(Duration.ofDays(60));
                        resolved[i] = opened[i].plus(Duration.ofHours(hours.get(i)));
                        h[i] = hours.get(i);
                    }
                    ResolutionTimes r = ResolutionTimes.of(opened, resolved, AS_OF, Duration.ofHours(1));
                    assertThat(r.open()).isZero();
                    assertThat(r.quantile(p)).hasValue(ExactQuantiles.of(h).quantile(p, QuantileType.TYPE_2));
                });
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        Instant o = AS_OF.minus(Duration.ofHours(1));
        assertThatThrownBy(() -> ResolutionTimes.of(new Instant[] {AS_OF.plusSeconds(1)}, new Instant[1], AS_OF,
                Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket opened at 2026-12-01T00:00:01Z is after asOf 2026-12-01T00:00:00Z (index 0)");
        assertThatThrownBy(() -> ResolutionTimes.of(new Instant[] {o}, new Instant[] {o.minusSeconds(1)}, AS_OF,
                Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket resolved at 2026-11-30T22:59:59Z before it was opened at 2026-11-30T23:00:00Z (index 0)");
        assertThatThrownBy(() -> ResolutionTimes.of(new Instant[0], new Instant[0], AS_OF, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tickets must not be empty");
        assertThatThrownBy(() -> ResolutionTimes.of(new Instant[1], new Instant[2], AS_OF, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opened and resolved must have the same length, were 1 and 2");
        assertThatThrownBy(() -> ResolutionTimes.of(new Instant[] {null}, new Instant[1], AS_OF, Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("opened[0]");
        assertThatThrownBy(() -> ResolutionTimes.of(new Instant[] {o}, new Instant[1], AS_OF, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unit must be > 0, was PT0S");
        assertThatThrownBy(() -> vector().quantile(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in (0, 1), was 1.0");
    }
}
