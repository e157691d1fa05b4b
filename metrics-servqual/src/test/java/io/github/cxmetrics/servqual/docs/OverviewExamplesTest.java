package io.github.cxmetrics.servqual.docs;

import io.github.cxmetrics.servqual.Dimension;
import io.github.cxmetrics.servqual.Instrument;
import io.github.cxmetrics.servqual.Respondent;
import io.github.cxmetrics.servqual.ServqualAccumulator;
import io.github.cxmetrics.servqual.ServqualReport;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Scale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code of {@code src/main/javadoc/overview.html} honest: its {@code <pre>{@code …}} block
 * is the body of the example method below (compared line by line, ignoring indentation), and the
 * {@code // } lines that end the block are what the example prints. See {@link OverviewExamples}.
 *
 * <p>The printed values were derived by hand from the formulas of {@code ServqualReport}, not copied
 * from its output (and rechecked with a short NumPy/SciPy script over the same arrays):
 * <ul>
 * <li>Item 9: E9 = 7, 7, 6 and P9 = 5, 6, 4 give gaps −2, −1, −2; mean −5/3 = −1.667, sample
 * standard deviation √(1/3) = 0.57735, SE = 0.57735/√3 = 1/3, t(0.975; 2) = 4.302653, so
 * −1.667 ± 1.434 = −3.10 to −0.23.</li>
 * <li>Respondent dimension gaps (mean of the item gaps P − E in the dimension), respondents 1, 2, 3:
 * tangibles 0, 0.25, 0.25 → 0.1667; reliability −1.6, −1, −1 → −1.2; responsiveness −0.5, −0.5,
 * −0.75 → −0.5833; assurance 0.25, 0, −0.5 → −0.0833; empathy 0, −0.4 and, without item 22,
 * (0 − 1 + 0 − 1)/4 = −0.5 → −0.3.</li>
 * <li>Unweighted: (0.1667 − 1.2 − 0.5833 − 0.0833 − 0.3)/5 = −2.0/5 = −0.400. Mean importance
 * points 15, 35, 20, 15, 15, so weighted = 0.15·0.1667 − 0.35·1.2 − 0.2·0.5833 − 0.15·0.0833
 * − 0.15·0.3 = 0.025 − 0.42 − 0.11667 − 0.0125 − 0.045 = −0.569.</li>
 * <li>Priorities rank by weight × gap: reliability −0.42 is the most negative (responsiveness
 * −0.117 next).</li>
 * </ul>
 */
class OverviewExamplesTest {

    // ---- the example of the overview; its body is the overview block, verbatim ----

    static void example() {
        Instrument servqual = Instrument.servqual22();        // items 1-4 tangibles, 5-9 reliability, ...
        ServqualAccumulator north = new ServqualAccumulator(servqual, Scale.ONE_TO_SEVEN);
        north.add(Respondent.of(
                new int[] {6, 6, 6, 6, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5},    // E1..E22
                new int[] {6, 5, 6, 7, 5, 6, 5, 6, 5, 5, 6, 5, 6, 6, 7, 6, 6, 5, 4, 5, 5, 6})    // P1..P22
                .withImportance(15, 35, 20, 15, 15));         // 100 points over the five dimensions
        ServqualAccumulator south = new ServqualAccumulator(servqual, Scale.ONE_TO_SEVEN);
        south.add(Respondent.of(
                new int[] {5, 5, 6, 6, 7, 7, 6, 7, 7, 6, 6, 7, 6, 7, 6, 6, 6, 6, 5, 5, 6, 5},
                new int[] {5, 6, 6, 6, 6, 6, 6, 5, 6, 6, 5, 6, 6, 6, 6, 7, 6, 5, 5, 4, 6, 5})
                .withImportance(10, 40, 20, 15, 15));
        south.add(Respondent.of(
                new int[] {6, 6, 5, 5, 7, 6, 7, 7, 6, 6, 7, 6, 6, 6, 6, 6, 7, 5, 6, 5, 5, 6},
                new int[] {6, 6, 5, 6, 6, 5, 7, 6, 4, 6, 6, 5, 5, 6, 6, 5, 6, 5, 5, 5, 4, Respondent.MISSING})
                .withImportance(20, 30, 20, 15, 15));

        north.merge(ServqualAccumulator.fromByteArray(south.toByteArray()));
        ServqualReport report = north.snapshot();             // immutable; north stays usable

        Estimate item9 = report.itemGap(9);                   // P9 - E9, paired t over 3 respondents
        Interval ci = item9.confidenceInterval(0.95);
        System.out.printf("item 9 gap %.2f, 95%% CI %.2f to %.2f%n", item9.value(), ci.lower(), ci.upper());
        for (Dimension d : servqual.dimensions()) {
            System.out.printf("%-14s %5.2f%n", d, report.dimensionGapMean(d));
        }
        System.out.printf("unweighted %.3f, weighted %.3f, fix first: %s%n",
                report.unweightedScore(), report.weightedScore(), report.dimensionPriorities().get(0));
    }

    // ---- the check ----

    @Test
    void theOverviewBlockIsTheExampleHereAndPrintsWhatItSays() throws IOException {
        Path root = OverviewExamples.moduleRoot("metrics-servqual");
        OverviewExamples.check(root.resolve("src/main/javadoc/overview.html"),
                root.resolve("src/test/java/io/github/cxmetrics/servqual/docs/OverviewExamplesTest.java"),
                List.of("example"), List.of(OverviewExamplesTest::example));
    }
}
