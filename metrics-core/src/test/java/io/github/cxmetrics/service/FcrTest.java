package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.service.Fcr.Contact;
import io.github.cxmetrics.service.Fcr.Definition;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Fcr}. The ten-contact vector and its three FCRs are mission-next.md §4.1, computed by the
 * report's {@code t4kpi.py} (appendix A.4): flag 9/10, repeat contact 8/10 (W = 7 days) and 7/10
 * (W = 14), issue episodes 6/8 (W = 7). The Wilson limits are the Wilson formula evaluated with
 * {@code scipy.stats.norm.ppf(0.975)} in python3 (scipy 1.17.1):
 * <pre>
 *   z = norm.ppf(0.975); p = x/n
 *   c = (p + z*z/(2n))/(1 + z*z/n); h = z*sqrt(p(1-p)/n + z*z/(4n*n))/(1 + z*z/n)  -> (c - h, c + h)
 *   9/10: 0.595849973204762 0.982123786904927    8/10: 0.490162471536642 0.943317848545625
 *   7/10: 0.396778147461145 0.892208732593699    6/8:  0.409275430310169 0.928520787247891
 * </pre>
 */
class FcrTest {

    private static final Duration WEEK = Duration.ofDays(7);

    static Instant day(int d) {
        return Instant.EPOCH.plus(Duration.ofDays(d));
    }

    /** (customer, day, agent flag) of §4.1. */
    static List<Contact> vector() {
        return List.of(new Contact("c1", day(1), true), new Contact("c2", day(1), true),
                new Contact("c1", day(3), true), new Contact("c3", day(2), false), new Contact("c3", day(4), true),
                new Contact("c4", day(5), true), new Contact("c5", day(5), true), new Contact("c5", day(15), true),
                new Contact("c6", day(6), true), new Contact("c7", day(7), true));
    }

    @Test
    void flagBasedIsNineOfTen() {
        Fcr f = Fcr.flagged(vector());
        assertThat(f.definition()).isEqualTo(Definition.FLAG);
        assertThat(f.window()).isEmpty();
        assertThat(f.resolved()).isEqualTo(9);
        assertThat(f.contacts()).isEqualTo(10);
        assertThat(f.value()).isEqualTo(0.9);
        Interval ci = f.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(0.595849973204762, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.982123786904927, within(1e-12));
    }

    @Test
    void repeatContactIsEightOfTenInAWeekAndSevenInTwoWeeks() {
        Fcr week = Fcr.repeatContact(vector(), WEEK);
        assertThat(week.resolved()).isEqualTo(8);
        assertThat(week.contacts()).isEqualTo(10);
        assertThat(week.value()).isEqualTo(0.8);
        assertThat(week.window()).contains(WEEK);
        assertThat(week.confidenceInterval(0.95).lower()).isCloseTo(0.490162471536642, within(1e-12));
        assertThat(week.confidenceInterval(0.95).upper()).isCloseTo(0.943317848545625, within(1e-12));
        Fcr fortnight = Fcr.repeatContact(vector(), Duration.ofDays(14));
        assertThat(fortnight.value()).isEqualTo(0.7);
        assertThat(fortnight.confidenceInterval(0.95).lower()).isCloseTo(0.396778147461145, within(1e-12));
    }

    @Test
    void issueBasedIsSixOfEightEpisodes() {
        Fcr f = Fcr.issueEpisodes(vector(), WEEK);
        assertThat(f.definition()).isEqualTo(Definition.ISSUE_EPISODE);
        assertThat(f.resolved()).isEqualTo(6);
        assertThat(f.contacts()).isEqualTo(8);
        assertThat(f.value()).isEqualTo(0.75);
        assertThat(f.confidenceInterval(0.95).lower()).isCloseTo(0.409275430310169, within(1e-12));
        assertThat(f.confidenceInterval(0.95).upper()).isCloseTo(0.928520787247891, within(1e-12));
        assertThat(f).hasToString("Fcr[ISSUE_EPISODE PT168H: 6/8 = 0.7500]");
    }

    @Test
    void orderOfTheContactsDoesNotMatter() {
        List<Contact> shuffled = new ArrayList<>(vector());
        Collections.shuffle(shuffled, new Random(22));
        assertThat(Fcr.repeatContact(shuffled, WEEK)).isEqualTo(Fcr.repeatContact(vector(), WEEK));
        assertThat(Fcr.issueEpisodes(shuffled, WEEK)).isEqualTo(Fcr.issueEpisodes(vector(), WEEK));
    }

    @Test
    void observedUntilLeavesOutContactsWhoseWindowIsNotOver() {
        // data end day 10: contacts on days 4+ have windows ending after day 10 (4 + 7 = 11), except
        // those of day <= 3: c1@1 (repeat c1@3: not resolved), c2@1, c1@3, c3@2 (repeat day 4) -> 2/4
        Fcr f = Fcr.repeatContact(vector(), WEEK, day(10));
        assertThat(f.resolved()).isEqualTo(2);
        assertThat(f.contacts()).isEqualTo(4);
        // episodes starting by day 3: c1@1 (not resolved), c2@1, c3@2 (not resolved) -> 1/3
        Fcr e = Fcr.issueEpisodes(vector(), WEEK, day(10));
        assertThat(e.resolved()).isEqualTo(1);
        assertThat(e.contacts()).isEqualTo(3);
        // with the end after every window, the same as without it
        assertThat(Fcr.repeatContact(vector(), WEEK, day(30))).isEqualTo(Fcr.repeatContact(vector(), WEEK));
    }

    @Test
    void aContactAtTheSameInstantIsNotARepeat() {
        List<Contact> twins = List.of(new Contact("a", day(1), true), new Contact("a", day(1), true));
        assertThat(Fcr.repeatContact(twins, WEEK).value()).isEqualTo(1.0);
    }

    @Test
    void compareNeedsTheSameDefinitionAndWindow() {
        Fcr a = Fcr.ofCounts(Definition.REPEAT_CONTACT, WEEK, 80, 100);
        Fcr b = Fcr.ofCounts(Definition.REPEAT_CONTACT, WEEK, 90, 100);
        Difference d = Fcr.compare(a, b);
        assertThat(d.estimate()).isCloseTo(0.1, within(1e-15));
        assertThatThrownBy(() -> Fcr.compare(a, Fcr.ofCounts(Definition.FLAG, null, 9, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare FCR REPEAT_CONTACT PT168H with FCR FLAG");
        assertThatThrownBy(() -> Fcr.compare(a, Fcr.ofCounts(Definition.REPEAT_CONTACT, Duration.ofDays(14), 9, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare FCR REPEAT_CONTACT PT168H with FCR REPEAT_CONTACT PT336H");
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThatThrownBy(() -> Fcr.flagged(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contacts must not be empty: FCR of no contact is undefined");
        assertThatThrownBy(() -> Fcr.repeatContact(vector(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be > 0, was PT0S");
        assertThatThrownBy(() -> Fcr.repeatContact(vector(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("window");
        assertThatThrownBy(() -> Fcr.repeatContact(vector(), WEEK, day(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no contact's PT168H window ends by observedUntil");
        assertThatThrownBy(() -> new Contact(null, day(1), true)).isInstanceOf(NullPointerException.class)
                .hasMessage("customerId");
        assertThatThrownBy(() -> Fcr.ofCounts(Definition.FLAG, WEEK, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the FLAG definition has no window, was PT168H");
        assertThatThrownBy(() -> Fcr.ofCounts(Definition.FLAG, null, 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resolved must be in 0..2, was 3");
        assertThatThrownBy(() -> Fcr.ofCounts(Definition.ISSUE_EPISODE, WEEK, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("contacts must be > 0, was 0");
    }
}
