package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.service.Fcr.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of the three FCR definitions, from the definitions themselves: the order of the contacts
 * does not matter; a longer window never finds fewer repeats (FCR by repeat contact is non-increasing
 * in W); the episodes are at most the contacts and at least the customers; each customer's last
 * contact is always resolved by repeat contact.
 */
class FcrPropertyTest {

    private static List<Contact> contacts(List<Integer> codes) {
        List<Contact> out = new ArrayList<>();
        for (int code : codes) {
            // customer 0..4, day 0..29, flag from the parity
            out.add(new Contact("c" + code % 5, Instant.EPOCH.plus(Duration.ofHours(code / 5 % 720)), code % 2 == 0));
        }
        return out;
    }

    @Test
    void definitionsAreOrderFreeAndWindowMonotone() {
        QuickTheory.qt().withFixedSeed(20261203L).withExamples(300)
                .forAll(lists().of(integers().between(0, 100_000)).ofSizeBetween(1, 60), integers().between(1, 400),
                        integers().between(0, 400))
                .checkAssert((codes, w, extra) -> {
                    List<Contact> c = contacts(codes);
                    List<Contact> shuffled = new ArrayList<>(c);
                    Collections.shuffle(shuffled, new Random(codes.size()));
                    Duration window = Duration.ofHours(w);
                    Duration longer = Duration.ofHours(w + extra);
                    Fcr repeat = Fcr.repeatContact(c, window);
                    Fcr episodes = Fcr.issueEpisodes(c, window);
                    assertThat(Fcr.repeatContact(shuffled, window)).isEqualTo(repeat);
                    assertThat(Fcr.issueEpisodes(shuffled, window)).isEqualTo(episodes);
                    assertThat(Fcr.flagged(shuffled)).isEqualTo(Fcr.flagged(c));
                    assertThat(Fcr.repeatContact(c, longer).resolved()).isLessThanOrEqualTo(repeat.resolved());
                    long customers = c.stream().map(Contact::customerId).distinct().count();
                    assertThat(episodes.contacts()).isBetween(customers, (long) c.size());
                    assertThat(repeat.resolved()).isGreaterThanOrEqualTo(customers);
                    assertThat(repeat.contacts()).isEqualTo(c.size());
                });
    }
}
