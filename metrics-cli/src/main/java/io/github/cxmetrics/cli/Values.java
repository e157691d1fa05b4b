package io.github.cxmetrics.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of cell values. */
final class Values {

    /** A whole number as a survey tool or spreadsheet writes it: ASCII digits, a sign, a zero fraction. */
    private static final Pattern WHOLE = Pattern.compile("[+-]?([0-9]+)(\\.0+)?");

    /** A decimal number in plain or scientific notation, ASCII only (no {@code f}/{@code d} suffix, no hex). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private Values() {
    }

    /**
     * The text without leading and trailing spaces (U+0020 only: a NUL, a tab or another control
     * character stays and makes the value invalid, unlike {@link String#trim()}).
     */
    static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * A whole-number rating: {@code 7}, {@code +7}, {@code -0}, or a decimal with a zero fraction
     * such as {@code 7.0} (spreadsheets write those), after removing surrounding spaces: exactly
     * {@code [+-]?[0-9]+(\.0+)?} with ASCII digits. {@code 9d}, {@code 10f}, {@code 0x1p3}, {@code 1e1},
     * Unicode digits and embedded NULs are not whole numbers. A whole number beyond the int range is
     * returned as {@link Integer#MIN_VALUE} or {@link Integer#MAX_VALUE} (outside every scale).
     *
     * @throws NumberFormatException if the text is not a whole number
     */
    static int parseRating(String text) {
        String t = stripSpaces(text);
        if (!WHOLE.matcher(t).matches()) {
            throw new NumberFormatException("not a whole number: '" + text + "'");
        }
        int dot = t.indexOf('.');
        String digits = dot < 0 ? t : t.substring(0, dot);
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return digits.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    /**
     * A decimal number such as a weight or importance points: {@code 2}, {@code 0.5}, {@code .5},
     * {@code 1e-3}, after removing surrounding spaces. Also {@code NaN} and {@code Infinity} (with a
     * sign), so that the caller can say they are not finite. Java's extras ({@code 1f}, {@code 2d},
     * hexadecimal) and non-ASCII digits are not numbers.
     *
     * @throws NumberFormatException if the text is not such a number
     */
    static double parseDecimal(String text) {
        String t = stripSpaces(text);
        if (!DECIMAL.matcher(t).matches() && !t.matches("[+-]?(NaN|Infinity)")) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        return Double.parseDouble(t);
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
