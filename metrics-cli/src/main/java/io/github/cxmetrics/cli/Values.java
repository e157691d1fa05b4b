package io.github.cxmetrics.cli;

import java.util.Locale;

/** Parsing of cell values. */
final class Values {

    private Values() {
    }

    /**
     * A whole-number rating: {@code 7}, {@code +7}, or a decimal with a zero fraction such as
     * {@code 7.0} (spreadsheets write those).
     *
     * @throws NumberFormatException if the text is not a whole number in int range
     */
    static int parseRating(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(text);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE || text.toLowerCase(Locale.ROOT).contains("n")) {
                throw e;
            }
            return (int) d;
        }
    }

    /** A churn flag: 1/0, true/false, yes/no, y/n (any case). */
    static Boolean parseFlag(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
            case "yes":
            case "y":
                return Boolean.TRUE;
            case "0":
            case "false":
            case "no":
            case "n":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
