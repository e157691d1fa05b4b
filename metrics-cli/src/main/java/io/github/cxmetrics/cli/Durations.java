package io.github.cxmetrics.cli;

import java.util.Locale;

/** Durations on the command line: a decimal with an optional unit, {@code s}, {@code m}, {@code h} or {@code d}. */
final class Durations {

    private Durations() {
    }

    /**
     * Seconds of a duration such as {@code 240s}, {@code 4m}, {@code 1.5h}, {@code 7d}; a plain number
     * is seconds.
     *
     * @param option the option's name, for the message
     * @param text the value
     * @return the seconds, finite and {@code >= 0}
     * @throws UsageException if the text is not such a duration
     */
    static double seconds(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double unit = 1.0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    unit = 1.0;
                    break;
                case 'm':
                    unit = 60.0;
                    break;
                case 'h':
                    unit = 3600.0;
                    break;
                case 'd':
                    unit = 86400.0;
                    break;
                default:
                    unit = 0.0;
            }
            if (unit != 0.0) {
                t = t.substring(0, t.length() - 1).trim();
            } else {
                unit = 1.0;
            }
        }
        double v;
        try {
            v = Values.parseDecimal(t);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a duration such as 20s, 30m, 1.5h or 7d (plain numbers"
                    + " are seconds), was '" + text + "'");
        }
        double s = v * unit;
        if (!(s >= 0.0 && s < Double.POSITIVE_INFINITY)) {
            throw new UsageException(option + " must be a finite duration >= 0, was '" + text + "'");
        }
        return s;
    }

    /** A duration in seconds as the shortest of {@code 45s}, {@code 30m}, {@code 1.5h}, {@code 7d}. */
    static String format(double seconds) {
        if (seconds != 0 && seconds % 86400 == 0) {
            return Table.formatG(seconds / 86400) + "d";
        }
        if (seconds != 0 && seconds % 3600 == 0) {
            return Table.formatG(seconds / 3600) + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return Table.formatG(seconds / 60) + "m";
        }
        return Table.formatG(seconds) + "s";
    }
}
