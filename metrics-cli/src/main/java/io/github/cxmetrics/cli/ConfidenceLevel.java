package io.github.cxmetrics.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** The {@code --level} option of every command that prints confidence intervals. */
final class ConfidenceLevel {

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double level;

    /**
     * The level, checked.
     *
     * @throws UsageException unless it is strictly between 0 and 1
     */
    double value() {
        if (!(level > 0.0 && level < 1.0)) {
            throw new UsageException("--level must be between 0 and 1, was " + level);
        }
        return level;
    }

    /**
     * The prefix of the interval columns' names: {@code ci95} for 0.95, {@code ci97.5} for 0.975,
     * {@code ci99.73} for 0.9973: the level in percent as the shortest decimal that reads back as the
     * given double (no binary noise such as 99.72999999999999).
     */
    String columnPrefix() {
        return "ci" + percent(value());
    }

    /** The level in percent, shortest exact decimal. */
    static String percent(double level) {
        return new BigDecimal(Double.toString(level)).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
