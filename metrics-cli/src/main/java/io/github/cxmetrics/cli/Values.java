package io.github.cxmetrics.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of cell values. */
final class Values {

    /** A whole number as a survey tool or spreadsheet writes it: ASCII digits, a sign, a zero fraction. */
    private static final Pattern WHOLE = Pattern.compile("[+-]?([0-9]+)(\\.0+)?");

    /** A decimal number in plain or scientific notation, ASCII only (no {@code f}/{@code d} suffix, no hex). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** A whole number written with a decimal comma ({@code --decimal-comma}): {@code 9}, {@code 9,0}. */
    private static final Pattern WHOLE_COMMA = Pattern.compile("[+-]?([0-9]+)(,0+)?");

    /**
     * A decimal number written with a decimal comma ({@code --decimal-comma}): {@code 0,5}, {@code ,5},
     * {@code 1,5E-03}. No thousands separator: {@code 1.234,5} is not such a number.
     */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?([0-9]+(,[0-9]*)?|,[0-9]+)([eE][+-]?[0-9]+)?");

    /** What a spreadsheet on a German or Dutch locale writes: a decimal comma, perhaps with thousands dots. */
    private static final Pattern LOOKS_DECIMAL_COMMA =
            Pattern.compile("[+-]?([0-9]{1,3}(\\.[0-9]{3})*|[0-9]*),[0-9]+([eE][+-]?[0-9]+)?");

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
        return parseRating(text, false);
    }

    /**
     * A whole-number rating as {@link #parseRating(String)}; with {@code decimalComma} the zero fraction
     * is written with a comma ({@code 9,0}) and a dot is not accepted.
     *
     * @throws NumberFormatException if the text is not a whole number
     */
    static int parseRating(String text, boolean decimalComma) {
        String t = stripSpaces(text);
        if (!(decimalComma ? WHOLE_COMMA : WHOLE).matcher(t).matches()) {
            throw new NumberFormatException("not a whole number: '" + text + "'");
        }
        int dot = t.indexOf(decimalComma ? ',' : '.');
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
        return parseDecimal(text, false);
    }

    /**
     * A decimal number as {@link #parseDecimal(String)}; with {@code decimalComma} the decimal separator
     * is a comma ({@code 0,5}, {@code 1,25}, {@code 1,5E-03}) and a dot is not accepted, neither as a
     * decimal point nor as a thousands separator ({@code 1.234,5} is not a number: the option reads
     * exactly what Excel writes on a German or Dutch locale, which has no thousands separator in CSV).
     *
     * @throws NumberFormatException if the text is not such a number
     */
    static double parseDecimal(String text, boolean decimalComma) {
        String t = stripSpaces(text);
        if (t.matches("[+-]?(NaN|Infinity)")) {
            return Double.parseDouble(t);
        }
        if (!(decimalComma ? DECIMAL_COMMA : DECIMAL).matcher(t).matches()) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        return Double.parseDouble(decimalComma ? t.replace(',', '.') : t);
    }

    /**
     * The hint for a value that is not a number without {@code --decimal-comma} but looks like one
     * written with a decimal comma ({@code 0,5}, {@code 9,0}, {@code 1.234,5}): " (a decimal comma? use
     * --decimal-comma)", else "". With the option, a value with a thousands dot gets its own hint.
     */
    static String decimalCommaHint(String text, boolean decimalComma) {
        String t = stripSpaces(text);
        if (!LOOKS_DECIMAL_COMMA.matcher(t).matches()) {
            return decimalComma && DECIMAL.matcher(t).matches() && t.indexOf('.') >= 0
                    ? " (with --decimal-comma the decimal separator is a comma, not a dot)" : "";
        }
        if (!decimalComma) {
            return " (a decimal comma? use --decimal-comma)";
        }
        return t.indexOf('.') >= 0 ? " (--decimal-comma takes no thousands separator: write 1234,5 for 1.234,5)" : "";
    }

    /**
     * The hint for a rating outside the scale that looks like a code for "no answer": 0 or a negative
     * number below the scale, or 9, 99, 999 … above it: " (a code for no answer? use --na N)", else "".
     */
    static String naHint(int rating, io.github.cxmetrics.survey.Scale s) {
        boolean code = rating < s.min() && rating <= 0
                || rating > s.max() && rating > 0 && String.valueOf(rating).matches("9+");
        return code ? " (a code for no answer? use --na " + rating + ")" : "";
    }

    /**
     * Parses a {@code --na} list: whole numbers separated by commas, e.g. {@code 0} or {@code 0,99}.
     *
     * @throws UsageException if it is not such a list
     */
    static int[] parseCodes(String option, String text) {
        String[] parts = text.split(",", -1);
        int[] codes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                if (!p.matches("[+-]?[0-9]+")) {
                    throw new NumberFormatException();
                }
                codes[i] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new UsageException(option + " takes whole numbers separated by commas, e.g. 0 or 0,99; was '"
                        + text + "'");
            }
        }
        return codes;
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
