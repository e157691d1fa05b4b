package io.github.cxmetrics.cli;

import io.github.cxmetrics.stats.Comparisons;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Homogeneity;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.stats.Segments;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The shared machinery of {@code nps}, {@code csat} and {@code ces}: one pass over the file into one
 * {@link RatingAccumulator} per segment and one for the total, then a row per segment with n, Kish's
 * effective n, the score, its standard error and confidence interval, and optionally a comparison of
 * two segments.
 */
abstract class RatingCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, with a header line.")
    Path file;

    @Option(names = "--column", required = true, paramLabel = "COL", description = "The column with the ratings: whole numbers in ASCII digits, e.g. 9, +9 or 9.0"
                    + " (9,0 with --decimal-comma; not 9.5, 1e1, 9d or 0x9); spaces around them are ignored.")
    String column;

    @Option(names = "--by", paramLabel = "SEGMENT_COL", description = "Score each value of this column separately; rows that leave it empty are scored as segment"
                    + " '(blank)', and counted in the summary on standard error.")
    String by;

    @Option(names = "--weight", paramLabel = "WEIGHT_COL",
            description = "Survey weights: 0 or in [1e-150, 1e150]; scores, standard errors and effective n use them.")
    String weight;

    @Option(names = "--scale", paramLabel = "MIN..MAX", description = "The rating scale, e.g. 1..5.")
    String scale;

    @Mixin
    ConfidenceLevel confidence;

    /** The checked {@code --level}, set when the command runs. */
    double level;

    @Option(names = "--compare", paramLabel = "A,B",
            description = "Add the signed difference B − A of two segments (of --by) with its p-value; \"—\" where it"
                    + " is undefined (a segment with one respondent or zero total weight).")
    String compare;

    @Option(names = "--pairs",
            description = "With --by, also compare all pairs of segments (A − B), adjusted as one family by --adjust.")
    boolean pairs;

    @Mixin
    Adjustment adjustment;

    @Option(names = "--distribution",
            description = "Add the answers' distribution: per segment and rating, the respondents, the share of the"
                    + " (weighted) answers in percent and the rating's class (detractor/passive/promoter for NPS,"
                    + " satisfied or not for CSAT).")
    boolean distribution;

    @Mixin
    ValueOptions values;

    @Mixin
    InputOptions input;

    /**
     * How values are written: {@code --na} codes that mean a missing answer and {@code --decimal-comma};
     * shared by {@code nps}, {@code csat}, {@code ces} and {@code servqual}.
     */
    static final class ValueOptions {

        @Option(names = {"--na", "--missing-values"}, paramLabel = "CODES",
                description = "Ratings that mean \"no answer\" (e.g. 0 = not applicable), as whole numbers separated"
                        + " by commas: --na 0 or --na 0,99. A rating equal to one is treated as an empty answer (not"
                        + " scored; in servqual that item is left out for the respondent), never an error even"
                        + " outside --scale, and counted per code in the summary on standard error.")
        String na;

        @Option(names = "--decimal-comma",
                description = "Numbers are written with a decimal comma, as Excel saves them on a German or Dutch"
                        + " locale: weights (and servqual's importance points) 0,5 or 1,25, ratings 9 or 9,0. A dot is"
                        + " then not"
                        + " accepted, neither as a decimal point nor as a thousands separator (1.234,5 is rejected;"
                        + " write 1234,5). On a comma-delimited file such values must be quoted.")
        boolean decimalComma;

        private int[] codes;

        /** The --na codes, checked (a usage error if not a list of whole numbers). */
        int[] codes() {
            if (codes == null) {
                codes = na == null ? new int[0] : Values.parseCodes("--na", na);
            }
            return codes;
        }

        /**
         * The rating of a non-empty cell, or null when the row is not scored: a value that is not a whole
         * number or lies outside the scale is rejected (with the decimal-comma and --na hints), an --na
         * code is counted as no answer. Shared by {@code nps}, {@code csat}, {@code ces} and {@code trend}.
         */
        Integer rating(String raw, Scale s, long line, String columnName, Rejections rejections) {
            int rating;
            try {
                rating = Values.parseRating(raw, decimalComma);
            } catch (NumberFormatException e) {
                // the hint is part of the reason, so that --skip-invalid's summary shows it too
                String hint = Values.decimalCommaHint(raw, decimalComma);
                rejections.reject(line, columnName, raw, "is not a whole number" + hint, "not a whole number" + hint);
                return null;
            }
            if (isNa(rating)) {
                rejections.naAnswer(columnName, rating);
                return null;
            }
            if (!s.contains(rating)) {
                rejections.reject(line, columnName, raw, "is outside " + s + Values.naHint(rating, s), "outside " + s);
                return null;
            }
            return rating;
        }

        /** Whether {@code rating} is one of the --na codes. */
        boolean isNa(int rating) {
            for (int c : codes()) {
                if (c == rating) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The default scale of this metric. */
    abstract Scale defaultScale();

    /** The metric's name in output. */
    abstract String metric();

    /** Checks option combinations against the scale before reading. */
    abstract void checkOptions(Scale s);

    /** Scores one distribution. */
    abstract Scored score(String segment, RatingDistribution d);

    /** Compares two distributions, b − a. */
    abstract Difference compare(RatingDistribution a, RatingDistribution b);

    /** The segments as the library compares them. */
    abstract Segments<?> segments(Map<String, RatingDistribution> segments);

    /** What the homogeneity test is of, for the note under the table; null if the metric has none. */
    abstract String categories();

    /** One scored segment. */
    record Scored(String segment, long n, double effectiveN, double score, double standardError, Interval interval) {
    }

    /** Runs {@code f}, giving NaN where the estimate is undefined for this sample (e.g. n = 1). */
    static double orNaN(java.util.function.DoubleSupplier f) {
        try {
            return f.getAsDouble();
        } catch (IllegalStateException | ArithmeticException e) {
            return Double.NaN;
        }
    }

    static Interval orNull(java.util.function.Supplier<Interval> f) {
        try {
            return f.get();
        } catch (IllegalStateException | ArithmeticException e) {
            return null;
        }
    }

    private static Difference orNullDifference(java.util.function.Supplier<Difference> f) {
        try {
            return f.get();
        } catch (IllegalStateException | ArithmeticException e) {
            return null;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        level = confidence.value();
        String ci = confidence.columnPrefix();
        Scale s = scale == null ? defaultScale() : parseScale(scale);
        checkOptions(s);
        values.codes(); // a bad --na is a usage error before the file is read
        String[] pair = null;
        if (compare != null) {
            if (by == null) {
                throw new UsageException("--compare needs --by");
            }
            pair = compare.split(",", -1);
            if (pair.length != 2) {
                throw new UsageException("--compare takes two segments separated by a comma, was '" + compare + "'");
            }
        }
        CsvSource source = input.open(file);
        Result result = accumulate(source, s, err);
        if (result.total.count() == 0) {
            throw new DataException(source.name() + ": no rating in column '" + column + "' to score");
        }
        // --compare is checked before anything is printed: a usage error leaves no partial output.
        RatingAccumulator a = null;
        RatingAccumulator b = null;
        if (pair != null) {
            a = result.segments.get(pair[0].trim());
            b = result.segments.get(pair[1].trim());
            for (int k = 0; k < 2; k++) {
                if ((k == 0 ? a : b) == null) {
                    throw new UsageException("--compare: segment '" + pair[k].trim() + "' is not in column '" + by
                            + "'; its values are: " + String.join(", ", result.segments.keySet()));
                }
            }
        }
        if (pairs && by == null) {
            throw new UsageException("--pairs needs --by");
        }
        PValueAdjustment adjust = adjustment.value();
        Table table = new Table(metric()).column("segment", null).column("n", "%d").column("n_eff", "%.1f")
                .column(metric(), "%.2f").column("se", "%.2f")
                .column(ci + "_lower", "%.2f").column(ci + "_upper", "%.2f");
        SegmentFamilies families = by == null ? null : compareSegments(result, adjust, err);
        if (by != null) {
            table.column("vs_total", "%+.2f").column("p", "%.2g").column("p_adj", "%.2g").column("sig", "%s");
        }
        for (Map.Entry<String, RatingAccumulator> e : result.segments.entrySet()) {
            Scored scored = score(e.getKey(), e.getValue().snapshot());
            Comparisons.Comparison c = families == null || families.overall == null ? null
                    : find(families.overall, e.getKey());
            add(table, scored, by != null, c);
        }
        add(table, score(by == null ? "all" : "(total)", result.total.snapshot()), by != null, null);
        table.print(input.format, out);
        if (families != null) {
            printLegend(families, adjust, out);
        }
        if (pair != null) {
            RatingDistribution da = a.snapshot();
            RatingDistribution db = b.snapshot();
            // Undefined for this sample (one respondent, zero total weight): "—", as in the per-segment rows.
            Difference d = orNullDifference(() -> compare(da, db));
            Interval interval = d == null ? null : orNull(() -> d.confidenceInterval(level));
            Table cmp = new Table("comparison").column("comparison", null).column("difference", "%+.2f")
                    .column("se", "%.2f").column("statistic", "%.3f").column("df", "%.1f").column("p_value", "%.4g")
                    .column(ci + "_lower", "%.2f").column(ci + "_upper", "%.2f");
            cmp.row(pair[1].trim() + " − " + pair[0].trim(), d == null ? Double.NaN : orNaN(d::estimate),
                    d == null ? Double.NaN : orNaN(d::standardError), d == null ? Double.NaN : orNaN(d::statistic),
                    d == null ? Double.NaN : orNaN(d::degreesOfFreedom), d == null ? Double.NaN : orNaN(d::pValue),
                    interval == null ? Double.NaN : interval.lower(), interval == null ? Double.NaN : interval.upper());
            if (input.format == Table.Format.TEXT) {
                out.println();
            }
            cmp.print(input.format, out);
        }
        if (families != null) {
            printFamilies(families, out);
        }
        if (distribution) {
            Table dist = new Table("distribution").column("segment", null).column("rating", "%d").column("n", "%d")
                    .column("share_pct", "%.2f").column("class", null);
            for (Map.Entry<String, RatingAccumulator> e : result.segments.entrySet()) {
                addDistribution(dist, e.getKey(), e.getValue().snapshot());
            }
            addDistribution(dist, by == null ? "all" : "(total)", result.total.snapshot());
            if (input.format == Table.Format.TEXT) {
                out.println();
            }
            dist.print(input.format, out);
        }
        return Cxm.OK;
    }

    private static void add(Table table, Scored s, boolean segmented, Comparisons.Comparison c) {
        Object[] row = {s.segment(), s.n(), s.effectiveN(), s.score(), s.standardError(),
            s.interval() == null ? Double.NaN : s.interval().lower(),
            s.interval() == null ? Double.NaN : s.interval().upper()};
        if (segmented) {
            row = java.util.Arrays.copyOf(row, row.length + 4);
            row[row.length - 4] = c == null ? Double.NaN : c.estimate();
            row[row.length - 3] = c == null ? Double.NaN : c.pValue();
            row[row.length - 2] = c == null ? Double.NaN : c.adjustedPValue();
            row[row.length - 1] = c == null ? null : sig(c.adjustedPValue());
        }
        table.row(row);
    }

    /** The significance marker of an adjusted p-value; {@code ns} (as GraphPad and ggpubr print) when none. */
    static String sig(double p) {
        String m = Comparisons.marker(p);
        return m.isEmpty() ? "ns" : m;
    }

    private static Comparisons.Comparison find(Comparisons family, String subject) {
        for (Comparisons.Comparison c : family) {
            if (c.subject().equals(subject)) {
                return c;
            }
        }
        return null;
    }

    private void addDistribution(Table dist, String segment, RatingDistribution d) {
        Scale sc = d.scale();
        for (int point = sc.min(); point <= sc.max(); point++) {
            double share = d.totalWeight() > 0 ? 100.0 * d.share(point) : Double.NaN;
            dist.row(segment, point, d.count(point), share, ratingClass(point));
            if (point == Integer.MAX_VALUE) {
                break;
            }
        }
    }

    /** The class of a rating in this metric (detractor/passive/promoter, satisfied/not satisfied), or null. */
    abstract String ratingClass(int rating);

    /** The comparison families of one --by run; a null family was not computed (the reason is on stderr). */
    record SegmentFamilies(Comparisons overall, Comparisons pairs, Homogeneity homogeneity, int compared,
            String homogeneityNote) {
    }

    /**
     * Segment vs total (tested as vs rest), all pairs and the homogeneity test of the segments whose
     * score and standard error are defined; segments left out, and families that cannot be computed,
     * are named on {@code err}.
     */
    private SegmentFamilies compareSegments(Result result, PValueAdjustment adjust, PrintWriter err) {
        Map<String, RatingDistribution> defined = new java.util.LinkedHashMap<>();
        java.util.List<String> left = new java.util.ArrayList<>();
        for (Map.Entry<String, RatingAccumulator> e : result.segments.entrySet()) {
            RatingDistribution d = e.getValue().snapshot();
            Scored s = score(e.getKey(), d);
            if (Double.isNaN(s.score()) || Double.isNaN(s.standardError())) {
                left.add(e.getKey());
            } else {
                defined.put(e.getKey(), d);
            }
        }
        String prefix = metric() + " --by " + by + ": ";
        if (!left.isEmpty()) {
            err.println(prefix + "segment" + (left.size() == 1 ? " " : "s ") + String.join(", ", left)
                    + " left out of the comparisons (score or standard error undefined: too few respondents"
                    + " or zero weight)");
        }
        if (defined.size() < 2) {
            err.println(prefix + "no comparison of segments: it needs two segments with a defined score and"
                    + " standard error, there " + (defined.size() == 1 ? "is 1" : "are " + defined.size()));
            return new SegmentFamilies(null, null, null, defined.size(), null);
        }
        Segments<?> segs = segments(defined);
        Comparisons overall = null;
        Comparisons allPairs = null;
        try {
            overall = segs.versusOverall(adjust);
        } catch (IllegalStateException e) {
            err.println(prefix + "no comparison with the total: " + e.getMessage());
        }
        if (pairs) {
            try {
                allPairs = segs.allPairs(adjust);
            } catch (IllegalStateException e) {
                err.println(prefix + "no comparison of pairs: " + e.getMessage());
            }
        }
        Homogeneity h = null;
        String note = null;
        if (categories() != null) {
            try {
                h = segs.homogeneity();
            } catch (IllegalStateException e) {
                note = e.getMessage().contains("weighted")
                        ? "not computed: the responses are weighted, and a χ² test of weighted counts is not valid"
                        : "not computed: " + e.getMessage();
            }
        }
        return new SegmentFamilies(overall, allPairs, h, defined.size(), note);
    }

    private void printLegend(SegmentFamilies f, PValueAdjustment adjust, PrintWriter out) {
        if (input.format == Table.Format.TEXT && f.overall != null) {
            out.println();
            out.println("vs_total: difference from the total, tested as the segment vs the rest of the total (p);");
            out.println("p_adj: " + (adjust == PValueAdjustment.NONE ? "not adjusted"
                    : Adjustment.describe(adjust) + "-adjusted") + " over " + f.overall.size()
                    + " segments; sig: *** < 0.001, ** < 0.01, * < 0.05, ns otherwise");
        }
    }

    private void printFamilies(SegmentFamilies f, PrintWriter out) {
        boolean text = input.format == Table.Format.TEXT;
        if (f.pairs != null) {
            Table t = new Table("pairs").column("pair", null).column("difference", "%+.2f").column("se", "%.2f")
                    .column("statistic", "%.3f").column("p_value", "%.2g").column("p_adj", "%.2g").column("sig", "%s");
            for (Comparisons.Comparison c : f.pairs) {
                t.row(c.subject() + " − " + c.reference(), c.estimate(), c.difference().standardError(),
                        c.difference().statistic(), c.pValue(), c.adjustedPValue(), sig(c.adjustedPValue()));
            }
            if (text) {
                out.println();
            }
            t.print(input.format, out);
        }
        if (categories() != null && (f.homogeneity != null || f.homogeneityNote != null)) {
            if (text) {
                out.println();
                if (f.homogeneity != null) {
                    Homogeneity h = f.homogeneity;
                    out.println("Homogeneity of the " + categories() + " shares across " + h.groups() + " segments:");
                    out.println(String.format(Locale.ROOT, "  Pearson χ² = %.3f, df = %d, p = %.3g%s", h.statistic(),
                            h.degreesOfFreedom(), h.pValue(), h.minimumExpected() < 5.0
                                    ? String.format(Locale.ROOT, " (smallest expected count %.2f: approximate)",
                                            h.minimumExpected()) : ""));
                } else {
                    out.println("Homogeneity of the " + categories() + " shares:");
                    out.println("  " + f.homogeneityNote);
                }
            } else if (f.homogeneity != null) {
                Homogeneity h = f.homogeneity;
                new Table("homogeneity").column("test", null).column("statistic", "%.3f").column("df", "%d")
                        .column("p_value", "%.3g").column("segments", "%d").column("min_expected", "%.2f")
                        .row("pearson_chi2", h.statistic(), h.degreesOfFreedom(), h.pValue(), h.groups(),
                                h.minimumExpected())
                        .print(input.format, out);
            }
        }
    }

    /** The accepted weights: the library's bounds, so that squared weights stay normal doubles. */
    static final double MIN_WEIGHT = 1e-150;
    static final double MAX_WEIGHT = 1e150;

    /** The segment of rows whose --by column is empty. */
    static final String BLANK_SEGMENT = "(blank)";

    /** The accumulated state. */
    static final class Result {
        final Map<String, RatingAccumulator> segments = new TreeMap<>();
        final RatingAccumulator total;

        Result(Scale s) {
            total = new RatingAccumulator(s);
        }
    }

    private Result accumulate(CsvSource source, Scale s, PrintWriter err) {
        int col = source.column(column, "--column");
        int seg = by == null ? -1 : source.column(by, "--by");
        int w = weight == null ? -1 : source.column(weight, "--weight");
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        Result result = new Result(s);
        String columnName = source.header().get(col);
        String bySegmentName = seg >= 0 ? source.header().get(seg) : null;
        if (fast(source, s, col, seg, rejections, result, columnName,
                bySegmentName, err)) {
            return result;
        }
        source.read(rejections, row -> {
            String raw = Values.stripSpaces(row.field(col));
            if (raw.isEmpty()) {
                rejections.emptyAnswer(columnName);
                return;
            }
            Integer parsed = values.rating(raw, s, row.line(), columnName, rejections);
            if (parsed == null) {
                return;
            }
            int rating = parsed;
            double wt = 1.0;
            if (w >= 0) {
                String rw = Values.stripSpaces(row.field(w));
                String wName = source.header().get(w);
                try {
                    wt = Values.parseDecimal(rw, values.decimalComma);
                } catch (NumberFormatException e) {
                    String hint = Values.decimalCommaHint(rw, values.decimalComma);
                    rejections.reject(row.line(), wName, rw, "is not a number" + hint, "not a number" + hint);
                    return;
                }
                if (!(wt >= 0.0 && wt < Double.POSITIVE_INFINITY)) {
                    rejections.reject(row.line(), wName, rw, "is not a finite weight >= 0", "not a finite weight >= 0");
                    return;
                }
                if (wt != 0.0 && !(wt >= MIN_WEIGHT && wt <= MAX_WEIGHT)) {
                    rejections.reject(row.line(), wName, rw, "is not a weight of 0 or in [1e-150, 1e150]",
                            "weight not 0 or in [1e-150, 1e150]");
                    return;
                }
            }
            String key = null;
            if (seg >= 0) {
                key = row.field(seg).trim();
                if (key.isEmpty()) {
                    rejections.emptySegment(bySegmentName);
                    key = BLANK_SEGMENT;
                }
            }
            try {
                result.total.add(rating, wt);
            } catch (IllegalArgumentException | ArithmeticException e) {
                // the library's own limits (e.g. a total weight that overflows): the row is not scored
                rejections.reject(row.line(), w >= 0 ? source.header().get(w) : columnName,
                        w >= 0 ? row.field(w) : raw, "cannot be added: " + e.getMessage(), "cannot be added");
                return;
            }
            if (key != null) {
                result.segments.computeIfAbsent(key, k -> new RatingAccumulator(s)).add(rating, wt);
            }
        }, err);
        return result;
    }

    /**
     * Reads the rows with {@link FastRatingScan} when it can (a regular UTF-8 file without weights or
     * decimal commas, and no row that the existing path would reject); false when it cannot, with
     * nothing changed but the notes about the input printed.
     */
    private boolean fast(CsvSource source, Scale s, int col, int seg, Rejections rejections, Result result,
            String columnName, String bySegmentName, PrintWriter err) {
        CsvSource.FastInput in = FastRatingScan.enabled && weight == null && !values.decimalComma
                ? source.fastInput() : null;
        if (in == null) {
            if (FastRatingScan.REPORT) {
                err.println(source.name() + ": fast path not applicable; read by FastCSV");
            }
            return false;
        }
        source.printNotes(err);
        CsvSource.Progress progress = source.progress(err);
        FastRatingScan.Result r;
        try {
            r = FastRatingScan.scan(in.path(), in.size(), in.separator(), in.fields(), col, seg, s.min(), s.max(),
                    values.codes(), in.leadingBlank(), in.headerRecords(), progress == null ? null : progress::show);
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
        if (FastRatingScan.REPORT) {
            err.println(source.name() + (r == null ? ": the fast path gave up; read by FastCSV" : ": read by the fast path"));
        }
        if (r == null) {
            return false;
        }
        rejections.emptyAnswers(columnName, r.emptyAnswers);
        int[] codes = values.codes();
        for (int k = 0; k < codes.length; k++) {
            rejections.naAnswers(columnName, codes[k], r.na[k]);
        }
        if (seg >= 0) {
            rejections.emptySegments(bySegmentName, r.emptySegments);
        }
        result.total.merge(RatingAccumulator.of(RatingDistribution.ofCounts(s, r.total)));
        for (Map.Entry<String, long[]> e : r.segments.entrySet()) {
            result.segments.put(e.getKey(), RatingAccumulator.of(RatingDistribution.ofCounts(s, e.getValue())));
        }
        source.finishFast(rejections, r.rows, r.blankLines, err);
        return true;
    }

    static Scale parseScale(String text) {
        String[] parts = text.trim().split("\\.\\.", -1);
        try {
            if (parts.length == 2 && parts[0].trim().matches("[+-]?[0-9]+") && parts[1].trim().matches("[+-]?[0-9]+")) {
                return Scale.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scale " + text + ": " + e.getMessage());
        }
        throw new UsageException("--scale must be MIN..MAX with whole numbers, e.g. 1..5; was '" + text + "'");
    }

    /** {@code cxm nps}. */
    @Command(name = "nps", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Net Promoter Score (Bain): promoters 9–10, detractors 0–6 on the 0..10 scale; score in"
                    + " points −100..100, standard error after Rocks (2016), adjusted-Wald interval.",
            footer = {"", "Example:", "  cxm nps survey.csv --column recommend --by region --weight w --compare North,South"})
    static final class Nps extends RatingCommand {

        @Option(names = "--promoters-from", paramLabel = "K",
                description = "Lowest promoter rating (needed with a --scale other than 0..10).")
        Integer promotersFrom;

        @Option(names = "--detractors-up-to", paramLabel = "K",
                description = "Highest detractor rating (needed with a --scale other than 0..10).")
        Integer detractorsUpTo;

        @Override
        Scale defaultScale() {
            return Scale.ZERO_TO_TEN;
        }

        @Override
        String metric() {
            return "nps";
        }

        @Override
        void checkOptions(Scale s) {
            if (!s.equals(Scale.ZERO_TO_TEN) && (promotersFrom == null || detractorsUpTo == null)) {
                throw new UsageException("NPS on scale " + s + " needs --promoters-from and --detractors-up-to");
            }
            if (promotersFrom != null || detractorsUpTo != null) {
                try {
                    io.github.cxmetrics.survey.Nps.of(RatingDistribution.empty(s), cutPromoters(), cutDetractors());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }

        private int cutPromoters() {
            return promotersFrom == null ? 9 : promotersFrom;
        }

        private int cutDetractors() {
            return detractorsUpTo == null ? 6 : detractorsUpTo;
        }

        private io.github.cxmetrics.survey.Nps nps(RatingDistribution d) {
            return io.github.cxmetrics.survey.Nps.of(d, cutPromoters(), cutDetractors());
        }

        @Override
        Scored score(String segment, RatingDistribution d) {
            io.github.cxmetrics.survey.Nps n = nps(d);
            return new Scored(segment, n.count(), n.effectiveSize(), orNaN(n::score), orNaN(n::standardError),
                    orNull(() -> n.confidenceInterval(level)));
        }

        @Override
        Difference compare(RatingDistribution a, RatingDistribution b) {
            return io.github.cxmetrics.survey.Nps.compare(nps(a), nps(b));
        }

        @Override
        Segments<?> segments(Map<String, RatingDistribution> segments) {
            Map<String, io.github.cxmetrics.survey.Nps> m = new java.util.LinkedHashMap<>();
            segments.forEach((k, d) -> m.put(k, nps(d)));
            return io.github.cxmetrics.survey.Nps.segments(m);
        }

        @Override
        String categories() {
            return "detractor/passive/promoter";
        }

        @Override
        String ratingClass(int rating) {
            return rating >= cutPromoters() ? "promoter" : rating <= cutDetractors() ? "detractor" : "passive";
        }
    }

    /** {@code cxm csat}. */
    @Command(name = "csat", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Customer satisfaction: the percentage of ratings in the top two boxes (or from"
                    + " --satisfied-from), with a Wilson interval; default scale 1..5.",
            footer = {"", "Example:", "  cxm csat survey.csv --column satisfaction --scale 1..5 --satisfied-from 4"})
    static final class Csat extends RatingCommand {

        @Option(names = "--satisfied-from", paramLabel = "K",
                description = "Lowest satisfied rating (default: the top two boxes).")
        Integer satisfiedFrom;

        @Override
        Scale defaultScale() {
            return Scale.ONE_TO_FIVE;
        }

        @Override
        String metric() {
            return "csat";
        }

        @Override
        void checkOptions(Scale s) {
            try {
                csat(RatingDistribution.empty(s));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private io.github.cxmetrics.survey.Csat csat(RatingDistribution d) {
            return satisfiedFrom == null ? io.github.cxmetrics.survey.Csat.of(d)
                    : io.github.cxmetrics.survey.Csat.of(d, satisfiedFrom);
        }

        @Override
        Scored score(String segment, RatingDistribution d) {
            io.github.cxmetrics.survey.Csat c = csat(d);
            return new Scored(segment, c.count(), c.effectiveSize(), orNaN(c::score), orNaN(c::standardError),
                    orNull(() -> c.confidenceInterval(level)));
        }

        @Override
        Difference compare(RatingDistribution a, RatingDistribution b) {
            return io.github.cxmetrics.survey.Csat.compare(csat(a), csat(b));
        }

        @Override
        Segments<?> segments(Map<String, RatingDistribution> segments) {
            Map<String, io.github.cxmetrics.survey.Csat> m = new java.util.LinkedHashMap<>();
            segments.forEach((k, d) -> m.put(k, csat(d)));
            return io.github.cxmetrics.survey.Csat.segments(m);
        }

        @Override
        String categories() {
            return "satisfied/not satisfied";
        }

        @Override
        String ratingClass(int rating) {
            Scale sc = scale == null ? defaultScale() : parseScale(scale);
            return rating >= csat(RatingDistribution.empty(sc)).satisfiedFrom() ? "satisfied" : "not satisfied";
        }
    }

    /** {@code cxm ces}. */
    @Command(name = "ces", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Customer Effort Score: the mean rating with a t interval. Scale 1..7 (default) is CES"
                    + " 2.0 (agreement, higher is easier); --scale 1..5 is CES 1.0 (effort, lower is easier).",
            footer = {"", "Example:", "  cxm ces survey.csv --column effort --by channel"})
    static final class Ces extends RatingCommand {

        @Override
        Scale defaultScale() {
            return Scale.ONE_TO_SEVEN;
        }

        @Override
        String metric() {
            return "ces";
        }

        @Override
        void checkOptions(Scale s) {
            if (!s.equals(Scale.ONE_TO_SEVEN) && !s.equals(Scale.ONE_TO_FIVE)) {
                throw new UsageException("CES needs --scale 1..7 (CES 2.0) or 1..5 (CES 1.0), was " + s);
            }
        }

        private io.github.cxmetrics.survey.Ces ces(RatingDistribution d) {
            return d.scale().equals(Scale.ONE_TO_FIVE) ? io.github.cxmetrics.survey.Ces.ofEffort(d)
                    : io.github.cxmetrics.survey.Ces.of(d);
        }

        @Override
        Scored score(String segment, RatingDistribution d) {
            io.github.cxmetrics.survey.Ces c = ces(d);
            return new Scored(segment, c.count(), c.effectiveSize(), orNaN(c::mean), orNaN(c::standardError),
                    orNull(() -> c.confidenceInterval(level)));
        }

        @Override
        Difference compare(RatingDistribution a, RatingDistribution b) {
            return io.github.cxmetrics.survey.Ces.compare(ces(a), ces(b));
        }

        @Override
        Segments<?> segments(Map<String, RatingDistribution> segments) {
            Map<String, io.github.cxmetrics.survey.Ces> m = new java.util.LinkedHashMap<>();
            segments.forEach((k, d) -> m.put(k, ces(d)));
            return io.github.cxmetrics.survey.Ces.segments(m);
        }

        @Override
        String categories() {
            return null;
        }

        @Override
        String ratingClass(int rating) {
            return null;
        }
    }
}
