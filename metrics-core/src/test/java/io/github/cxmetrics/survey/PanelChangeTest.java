package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * {@link PanelChange} against R 4.x: {@code t.test(after, before, paired = TRUE)} on the ±1/0 NPS scores
 * and on CES ratings, and {@code mcnemar.test(table, correct = FALSE)} for CSAT, by the script
 * {@code src/test/resources/io/github/cxmetrics/survey/panel-change.R} (its output is quoted beside each
 * vector). R prints the NPS numbers in score units; the script multiplies them by 100.
 */
class PanelChangeTest {

    static final int[] NPS_BEFORE = {9, 10, 7, 6, 3, 8, 9, 10, 5, 7, 8, 9, 2, 10, 6, 7, 9, 8, 4, 10};
    static final int[] NPS_AFTER = {8, 9, 6, 8, 7, 9, 9, 7, 6, 9, 8, 10, 5, 10, 9, 8, 6, 9, 7, 10};
    static final int[] CSAT_BEFORE = {4, 5, 3, 2, 4, 5, 1, 3, 4, 4, 5, 2, 3, 4, 5, 3, 4, 2, 5, 4, 3, 3, 5, 4, 1};
    static final int[] CSAT_AFTER = {5, 3, 4, 4, 4, 5, 2, 4, 3, 5, 5, 4, 4, 4, 5, 4, 2, 3, 5, 5, 4, 3, 4, 5, 2};
    static final int[] CES_BEFORE = {4, 5, 3, 6, 7, 2, 5, 4, 6, 3, 5, 4};
    static final int[] CES_AFTER = {5, 6, 3, 7, 6, 4, 6, 5, 6, 5, 5, 6};

    @Test
    void npsIsThePairedTTestOfTheScores() {
        // R: est=15 se=20.8692672556914 t=0.718760261978496 df=19 p=0.48103546186686
        //    lo=-28.6798783640378 hi=58.6798783640378
        Difference d = PanelChange.nps(NPS_BEFORE, NPS_AFTER);
        assertThat(d.estimate()).isCloseTo(15, within(1e-12));
        assertThat(d.standardError()).isCloseTo(20.8692672556914, within(1e-12));
        assertThat(d.statistic()).isCloseTo(0.718760261978496, within(1e-13));
        assertThat(d.degreesOfFreedom()).isEqualTo(19);
        assertThat(d.pValue()).isCloseTo(0.48103546186686, within(1e-12));
        Interval ci = d.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-28.6798783640378, within(1e-9));
        assertThat(ci.upper()).isCloseTo(58.6798783640378, within(1e-9));
        // the estimate is the difference of the two waves' NPS
        assertThat(d.estimate()).isCloseTo(Nps.of(NPS_AFTER).score() - Nps.of(NPS_BEFORE).score(), within(1e-12));
    }

    @Test
    void csatIsMcNemarWithTheUnpooledIntervalStandardError() {
        // R: b=3 c=7, mcnemar chi2=1.6 p=0.205903210732068, est=16, seAgresti=12.2376468326227
        Difference d = PanelChange.csat(Scale.ONE_TO_FIVE, CSAT_BEFORE, CSAT_AFTER);
        assertThat(d.estimate()).isCloseTo(16, within(1e-12));
        assertThat(d.statistic() * d.statistic()).isCloseTo(1.6, within(1e-13));
        assertThat(d.statistic()).isPositive();
        assertThat(d.pValue()).isCloseTo(0.205903210732068, within(1e-13));
        assertThat(d.standardError()).isCloseTo(12.2376468326227, within(1e-12));
        assertThat(d.degreesOfFreedom()).isInfinite();
        assertThat(PanelChange.csat(Scale.ONE_TO_FIVE, 4, CSAT_BEFORE, CSAT_AFTER)).isEqualTo(d);
        assertThat(d.estimate()).isCloseTo(Csat.of(Scale.ONE_TO_FIVE, CSAT_AFTER).score()
                - Csat.of(Scale.ONE_TO_FIVE, CSAT_BEFORE).score(), within(1e-12));
    }

    @Test
    void cesIsThePairedTTestOfTheRatings() {
        // R: est=0.833333333333333 se=0.270614713628663 t=3.0794088102572 df=11 p=0.010482361140935
        //    lo=0.237714364534198 hi=1.42895230213247
        Difference d = PanelChange.ces(CES_BEFORE, CES_AFTER);
        assertThat(d.estimate()).isCloseTo(0.833333333333333, within(1e-14));
        assertThat(d.standardError()).isCloseTo(0.270614713628663, within(1e-14));
        assertThat(d.statistic()).isCloseTo(3.0794088102572, within(1e-12));
        assertThat(d.degreesOfFreedom()).isEqualTo(11);
        assertThat(d.pValue()).isCloseTo(0.010482361140935, within(1e-13));
        Interval ci = d.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(0.237714364534198, within(1e-11));
        assertThat(ci.upper()).isCloseTo(1.42895230213247, within(1e-11));
    }

    @Test
    void nobodyChangingIsTheDegenerateDifference() {
        int[] same = {9, 3, 7};
        Difference d = PanelChange.nps(same, same);
        assertThat(d.estimate()).isZero();
        assertThat(d.standardError()).isZero();
        assertThat(d.pValue()).isEqualTo(1.0);
        Difference c = PanelChange.csat(Scale.ONE_TO_FIVE, new int[] {5, 1}, new int[] {4, 2});
        assertThat(c.estimate()).isZero();
        assertThat(c.statistic()).isZero();
        assertThat(c.pValue()).isEqualTo(1.0);
        // everybody moved from detractor to promoter: sd(d) = 0 and the change is certain
        Difference all = PanelChange.nps(new int[] {0, 6}, new int[] {10, 9});
        assertThat(all.estimate()).isCloseTo(200, within(1e-12));
        assertThat(all.statistic()).isInfinite();
        assertThat(all.pValue()).isZero();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> PanelChange.nps(new int[] {9, 8}, new int[] {9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("before and after must have the same length (index i is the same respondent in both),"
                        + " were 2 and 1");
        assertThatThrownBy(() -> PanelChange.nps(new int[] {9}, new int[] {9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a panel change needs at least 2 respondents, was 1");
        assertThatThrownBy(() -> PanelChange.nps(new int[] {9, 8}, new int[] {9, 11}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 11 in after at index 1 is outside scale 0..10");
        assertThatThrownBy(() -> PanelChange.ces(new int[] {0, 3}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 0 in before at index 0 is outside scale 1..7");
        assertThatThrownBy(() -> PanelChange.csat(Scale.ONE_TO_FIVE, 1, new int[] {1, 2}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("satisfiedFrom must be in 2..5 on scale 1..5, was 1");
        assertThatThrownBy(() -> PanelChange.csat(Scale.of(1, 2), new int[] {1, 2}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PanelChange.nps(null, new int[] {1})).isInstanceOf(NullPointerException.class)
                .hasMessage("before");
        assertThatThrownBy(() -> PanelChange.nps(Scale.ONE_TO_FIVE, 5, 5, new int[] {1, 2}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("detractorsUpTo must be < promotersFrom, was 5 >= 5");
    }
}
