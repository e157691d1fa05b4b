package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.service.ErlangC;
import io.github.cxmetrics.service.ExactQuantiles;
import io.github.cxmetrics.service.Fcr;
import io.github.cxmetrics.service.QuantileType;
import io.github.cxmetrics.service.QueueCounts;
import io.github.cxmetrics.service.Ratings;
import io.github.cxmetrics.service.ServiceLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's customer-service example honest: the body of {@code main} below is meant to be
 * the README's, line for line, and it must print the output the README shows in its comments.
 *
 * <p>Expected output, each from an independent source (mission-next.md, none from this library's own
 * output): Erlang C at 100 calls per 30 min, AHT 180 s, target 80 % in 20 s, max occupancy 0.85,
 * shrinkage 0.3 → 14 agents, 20 scheduled, P(wait) 0.17413, SL 0.88835, ASA 7.836 s (§4.2 table, row
 * N = 14; pyworkforce's test for the 20); ICMI's example counts → formula 3 = 860/1060 = 81.1 %,
 * abandonment 60/1060 = 5.7 % (§4.1); FCR of the four contacts by hand: by repeat contact ann's first
 * contact is followed by her second within 7 days, so 3 of 4; by episode ann's two contacts are one
 * episode, so 2 of 3; §4.1's twenty response times: p90 = 95 (type 1) and 97.5 (type 7); Wilson lower
 * bounds 209/259 → 0.7545, 118/143 → 0.7546 (§5.2); Evan Miller's star bound of (60, 80, 75, 20, 25)
 * at z = 1.65: 3.3684 (§5.2; §5.3 on the published 3.3687).
 */
class ServiceReadmeTest {

    static class Service {
        public static void main(String[] args) {
            // Staffing: 100 calls per 30 minutes, 180 s handling, 80% answered within 20 s
            double load = ErlangC.offeredLoad(100, 1800, 180);                  // 10 Erlangs
            ErlangC.Staffing staff = ErlangC.staff(load, 180, 20, 0.80, 0.85, 0.30);
            ErlangC model = staff.model();
            System.out.printf("%d agents (%d scheduled): P(wait) %.3f, SL %.3f, ASA %.1f s%n", staff.agents(),
                    staff.scheduled(), model.probabilityOfWaiting(), model.serviceLevel(20),
                    model.averageSpeedOfAnswer());

            // Service level by a named formula; abandonment over queued contacts
            QueueCounts queue = new QueueCounts(1000, 60, 860, 20, 10);       // AN, AB, ANw, ABw, short
            ServiceLevel sl = queue.serviceLevel(ServiceLevel.Formula.ALL_QUEUED);
            System.out.printf("%s %.1f%%, abandonment %.1f%%%n", sl.formula(), 100 * sl.value(),
                    100 * queue.abandonmentRate().value());

            // First contact resolution: the definition is part of the value
            List<Fcr.Contact> contacts = List.of(
                    new Fcr.Contact("ann", Instant.parse("2026-11-02T09:00:00Z"), true),
                    new Fcr.Contact("ann", Instant.parse("2026-11-04T10:00:00Z"), true),
                    new Fcr.Contact("bob", Instant.parse("2026-11-03T11:00:00Z"), true),
                    new Fcr.Contact("cy", Instant.parse("2026-11-05T12:00:00Z"), false));
            Fcr repeat = Fcr.repeatContact(contacts, Duration.ofDays(7));
            Fcr issues = Fcr.issueEpisodes(contacts, Duration.ofDays(7));
            System.out.printf("FCR %s %d/%d, %s %d/%d%n", repeat.definition(), repeat.resolved(), repeat.contacts(),
                    issues.definition(), issues.resolved(), issues.contacts());

            // Exact percentiles of response times, by a named definition
            ExactQuantiles response = ExactQuantiles.of(12, 45, 7, 30, 22, 95, 18, 60, 33, 41, 27, 15, 240, 52,
                    38, 9, 75, 29, 21, 120);
            System.out.printf("p90 %.1f s (nearest rank), %.1f s (R default)%n",
                    response.quantile(0.9, QuantileType.TYPE_1), response.quantile(0.9, QuantileType.TYPE_7));

            // Sort keys for reviews: the z convention is explicit
            double z = Ratings.zTwoSided(0.95);
            System.out.printf("Wilson %.4f < %.4f; stars %.4f%n", Ratings.wilsonLowerBound(209, 259, z),
                    Ratings.wilsonLowerBound(118, 143, z),
                    Ratings.starLowerBound(new long[] {60, 80, 75, 20, 25}, new double[] {5, 4, 3, 2, 1}, 1.65));
        }
    }

    private static final String[] OUTPUT = {
        "14 agents (20 scheduled): P(wait) 0.174, SL 0.888, ASA 7.8 s",
        "ALL_QUEUED 81.1%, abandonment 5.7%",
        "FCR REPEAT_CONTACT 3/4, ISSUE_EPISODE 2/3",
        "p90 95.0 s (nearest rank), 97.5 s (R default)",
        "Wilson 0.7545 < 0.7546; stars 3.3684",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> Service.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws java.io.IOException {
        ReadmeExample.assertReadmeShows("Service", "ServiceReadmeTest.java", "    private static final String[] OUTPUT",
                OUTPUT);
    }
}
