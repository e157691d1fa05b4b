package io.github.cxmetrics.cli;

import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.LogRankTest;
import io.github.cxmetrics.stats.Interval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxm retention}: the Kaplan–Meier survival table and median lifetime, overall or per segment. */
@Command(name = "retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Kaplan–Meier estimate of customer survival from right-censored lifetimes: one row per"
                + " event time with the number at risk, churned, censored, S(t), Greenwood's standard error and a"
                + " log-log interval; then the median lifetime (R's survfit convention) with its"
                + " Brookmeyer–Crowley interval (log-log scale). With --by, one curve per segment and one for the"
                + " total, and the log-rank test between the segments.",
            "Memory grows with the rows: 8 bytes per customer while reading (10 with --by); the fit needs about"
                + " 17 bytes per customer, 8 more per churned customer and about 100 per distinct churn time."
                + " Measured: 10 million customers, 40 %% churned, in -Xmx220m (-Xmx235m with --by)."},
        footer = {"", "Example:", "  cxm retention customers.csv --duration tenure_months --churned churned --by contract"})
final class RetentionCommand implements Callable<Integer> {

    /** Joins a segment and a stratum into one store key (a control character no CSV cell keeps). */
    private static final String STRATUM_SEPARATOR = "\u001F";

    /** Segments beyond this are refused: each prints a whole survival table. */
    static final int MAX_SEGMENTS = Character.MAX_VALUE;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, one row per customer.")
    Path file;

    @Option(names = "--duration", required = true, paramLabel = "COL",
            description = "Time to churn or to the end of observation (>= 0, any unit).")
    String duration;

    @Option(names = "--churned", required = true, paramLabel = "COL",
            description = "1/true/yes if the customer churned at that time, 0/false/no if still active (censored).")
    String churned;

    @Option(names = "--by", paramLabel = "SEGMENT_COL",
            description = {"One curve and median per value of this column, then the total; rows with this"
                    + " column empty are not used and are counted on standard error. As text the curves are"
                    + " printed side by side (S(t) of each segment at every churn time; — after a segment's"
                    + " last follow-up); as CSV or JSON one row per segment and churn time.",
                "Then the log-rank test between the segments (R's survdiff): observed and expected churns per"
                    + " segment, χ², df and p; --rho 1 gives the Peto–Peto test instead."})
    String by;

    @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0",
            description = "With --by: the weight S(t−)^ρ of the Fleming–Harrington test (default 0, the log-rank"
                    + " test; 1 is Peto–Peto, which weighs early churn more).")
    double rho;

    @Option(names = "--strata", paramLabel = "STRATUM_COL",
            description = "With --by: compare the segments within each value of this column and sum the"
                    + " log-rank statistics (R's survdiff(… ~ segment + strata(col))); the curves and medians"
                    + " stay per segment. Rows with this column empty are not used and are counted.")
    String strata;

    @Option(names = "--rmean", paramLabel = "TAU",
            description = "Add the restricted mean lifetime up to TAU (the area under the curve) with its"
                    + " standard error, as R's print(fit, rmean = TAU).")
    Double rmean;

    @Mixin
    ConfidenceLevel confidence;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        return run(input.open(file), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        double level = confidence.value();
        if (!(rho >= 0.0 && rho < Double.POSITIVE_INFINITY)) {
            throw new UsageException("--rho must be a finite number >= 0, was " + rho);
        }
        if (rmean != null && !(rmean >= 0.0 && rmean < Double.POSITIVE_INFINITY)) {
            throw new UsageException("--rmean must be a finite number >= 0, was " + rmean);
        }
        int dc = source.column(duration, "--duration");
        int cc = source.column(churned, "--churned");
        if (strata != null && by == null) {
            throw new UsageException("--strata needs --by");
        }
        int sc = by == null ? -1 : source.column(by, "--by");
        int stc = strata == null ? -1 : source.column(strata, "--strata");
        String strataName = stc < 0 ? null : source.header().get(stc);
        String durationName = source.header().get(dc);
        String churnedName = source.header().get(cc);
        String segmentName = sc < 0 ? null : source.header().get(sc);
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        Lifetimes lifetimes = new Lifetimes(sc >= 0);
        Map<String, Integer> segmentIds = new HashMap<>();
        List<String> segments = new ArrayList<>();
        source.read(rejections, row -> {
            String rawD = row.field(dc).trim();
            double t;
            try {
                t = Values.parseDecimal(rawD); // strict ASCII decimals: 0x10, 1f, 1d are not numbers
            } catch (NumberFormatException e) {
                rejections.reject(row.line(), durationName, rawD, "is not a number", "not a number");
                return;
            }
            if (!(t >= 0.0 && t < Double.POSITIVE_INFINITY)) {
                rejections.reject(row.line(), durationName, rawD, "is not a finite duration >= 0",
                        "not a finite duration >= 0");
                return;
            }
            String rawC = row.field(cc).trim();
            Boolean flag = Values.parseFlag(rawC);
            if (flag == null) {
                rejections.reject(row.line(), churnedName, rawC, "is not 1/0, true/false or yes/no",
                        "not 1/0, true/false or yes/no");
                return;
            }
            int segment = 0;
            if (sc >= 0) {
                String key = row.field(sc).trim();
                if (key.isEmpty()) {
                    rejections.emptyAnswer(segmentName);
                    return;
                }
                if (stc >= 0) {
                    // one id per (segment, stratum): the curves of the segments pool their strata
                    String stratum = row.field(stc).trim();
                    if (stratum.isEmpty()) {
                        rejections.emptyAnswer(strataName);
                        return;
                    }
                    key = key + STRATUM_SEPARATOR + stratum;
                }
                Integer id = segmentIds.get(key);
                if (id == null) {
                    if (segments.size() == MAX_SEGMENTS) {
                        throw new DataException(source.name() + ", line " + row.line() + ": column '" + segmentName
                                + "' has more than " + MAX_SEGMENTS + " distinct values; --by is for a few segments");
                    }
                    id = segments.size();
                    segmentIds.put(key, id);
                    segments.add(key);
                }
                segment = id;
            }
            if (!lifetimes.add(t, flag, segment)) {
                throw new DataException(source.name() + ", line " + row.line() + ": more than "
                        + Lifetimes.MAX_ROWS + " lifetimes; the Kaplan–Meier fit takes at most that many");
            }
        }, err);
        if (lifetimes.size() == 0) {
            throw new DataException(source.name() + ": no lifetime to estimate from");
        }
        // The segments first, each from its own exact-size arrays; then the total, which consumes the store.
        Map<String, KaplanMeier> curves = new TreeMap<>();
        Map<String, Map<String, KaplanMeier>> byStratum = new TreeMap<>();
        if (stc < 0) {
            for (int id = 0; id < segments.size(); id++) {
                curves.put(segments.get(id), lifetimes.fitSegment(id));
            }
        } else {
            Map<String, boolean[]> ids = new TreeMap<>();
            for (int id = 0; id < segments.size(); id++) {
                String[] parts = segments.get(id).split(STRATUM_SEPARATOR, 2);
                ids.computeIfAbsent(parts[0], k -> new boolean[segments.size()])[id] = true;
                byStratum.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[0], lifetimes.fitSegment(id));
            }
            ids.forEach((segment, mask) -> curves.put(segment, lifetimes.fitSegments(mask)));
        }
        segmentIds.clear();
        KaplanMeier total = lifetimes.fitAllAndRelease();

        boolean text = input.format == Table.Format.TEXT;
        String ci = confidence.columnPrefix();
        Table t = new Table("kaplan_meier");
        if (by != null) {
            t.column("segment", null);
        }
        t.column("time", "%g").column("at_risk", "%d").column("churned", "%d")
                .column("censored", "%d").column("survival", "%.4f").column("se", "%.4f")
                .column(ci + "_lower", "%.4f").column(ci + "_upper", "%.4f");
        Table m = new Table("median_lifetime");
        if (by != null) {
            m.column("segment", null);
        }
        m.column("customers", "%d").column("churned", "%d").column("median_lifetime", "%g")
                .column(ci + "_lower", "%g").column(ci + "_upper", "%g");
        if (rmean != null) {
            m.column("rmean", "%.4g").column("rmean_se", "%.4g");
        }
        boolean notReached = total.medianSurvival().isEmpty();
        if (by != null) {
            for (Map.Entry<String, KaplanMeier> e : curves.entrySet()) {
                notReached |= e.getValue().medianSurvival().isEmpty();
                addCurve(t, m, e.getKey(), e.getValue(), level);
            }
            addCurve(t, m, "(total)", total, level);
        } else {
            addCurve(t, m, null, total, level);
        }
        if (text) {
            if (by != null) {
                out.printf(Locale.ROOT, "Kaplan–Meier by %s, %d %s, %d customers, %d churned%n%n", segmentName,
                        curves.size(), curves.size() == 1 ? "segment" : "segments", total.count(), total.events());
            } else {
                out.printf(Locale.ROOT, "Kaplan–Meier, %d customers, %d churned%n%n", total.count(), total.events());
            }
        }
        LogRankTest logRank = null;
        String logRankNote = null;
        if (by != null) {
            if (curves.size() < 2) {
                logRankNote = "no log-rank test: it needs two segments, there is " + curves.size();
            } else {
                try {
                    logRank = stc < 0 ? LogRankTest.of(curves, rho) : LogRankTest.stratified(byStratum, rho);
                } catch (IllegalStateException e) {
                    logRankNote = "no log-rank test: " + e.getMessage();
                }
            }
        }
        if (text && by != null) {
            sideBySide(curves, out);
        } else {
            t.print(input.format, out);
        }
        if (text && by == null) {
            OptionalDouble median = total.medianSurvival();
            out.println();
            out.println(median.isPresent()
                    ? "median lifetime: " + Table.formatG(median.getAsDouble())
                    : "median lifetime: not reached (survival stays above 1/2)");
        } else {
            if (text) {
                out.println();
            }
            m.print(input.format, out);
            if (text && notReached) {
                out.println("(—: median not reached, survival stays above 1/2)");
            }
        }
        if (by != null) {
            printLogRank(logRank, logRankNote, curves, text, out, err);
        }
        out.flush();
        return Cxm.OK;
    }

    /** The curves side by side: one row per churn time of any segment, S(t) of each (— past its follow-up). */
    private static void sideBySide(Map<String, KaplanMeier> curves, PrintWriter out) {
        java.util.TreeSet<Double> times = new java.util.TreeSet<>();
        for (KaplanMeier km : curves.values()) {
            for (KaplanMeier.Step s : km.steps()) {
                times.add(s.time());
            }
        }
        List<String> names = new ArrayList<>(curves.keySet());
        List<KaplanMeier> kms = new ArrayList<>(curves.values());
        List<String> labels = labels(names);
        int timeWidth = 4;
        for (double t : times) {
            timeWidth = Math.max(timeWidth, Table.formatG(t).length());
        }
        out.println("S(t) by segment at each churn time (— after the segment's last follow-up):");
        // as many segments per block as fit in the width of a text table; the rest in further blocks
        int from = 0;
        while (from < names.size()) {
            int width = timeWidth;
            int to = from;
            while (to < names.size() && (to == from || width + 2 + Math.max(6, labels.get(to).length()) <= Table.TEXT_WIDTH)) {
                width += 2 + Math.max(6, labels.get(to).length());
                to++;
            }
            Table side = new Table("kaplan_meier").column("time", "%g");
            for (int i = from; i < to; i++) {
                side.column(labels.get(i), "%.4f");
            }
            for (double time : times) {
                Object[] row = new Object[to - from + 1];
                row[0] = time;
                for (int i = from; i < to; i++) {
                    KaplanMeier km = kms.get(i);
                    row[i - from + 1] = time > km.lastFollowUp() ? Double.NaN : km.survival(time);
                }
                side.row(row);
            }
            if (from > 0) {
                out.println();
            }
            side.print(Table.Format.TEXT, out);
            from = to;
        }
    }

    /**
     * Column headers for the segments: the name itself up to 14 characters, else its head and tail
     * around an ellipsis (so that names differing at the end stay apart), made unique by a number.
     */
    static List<String> labels(List<String> names) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String label = n.length() <= 14 ? n : n.substring(0, 6) + "…" + n.substring(n.length() - 7);
            if (labels.contains(label)) {
                String suffix = "#" + (i + 1);
                label = (n.length() <= 14 - suffix.length() ? n : n.substring(0, 13 - suffix.length()) + "…") + suffix;
            }
            labels.add(label);
        }
        return labels;
    }

    private void printLogRank(LogRankTest test, String note, Map<String, KaplanMeier> curves, boolean text,
            PrintWriter out, PrintWriter err) {
        String name = rho == 0.0 ? "Log-rank test" : rho == 1.0 ? "Peto–Peto test (ρ = 1)"
                : "Fleming–Harrington test (ρ = " + Table.formatG(rho) + ")";
        if (test == null) {
            if (text) {
                out.println();
                out.println(note);
            } else {
                err.println(note);
            }
            return;
        }
        Table lr = new Table("log_rank").column("segment", null).column("customers", "%d")
                .column("observed", rho == 0.0 ? "%.0f" : "%.3f").column("expected", "%.3f")
                .column("o_minus_e", "%+.3f");
        for (Map.Entry<String, KaplanMeier> e : curves.entrySet()) {
            double o = test.observed(e.getKey());
            double x = test.expected(e.getKey());
            lr.row(e.getKey(), e.getValue().count(), o, x, o - x);
        }
        if (text) {
            out.println();
            out.println(name + " between the " + curves.size() + " segments"
                    + (test.strata() > 1 || strata != null ? ", stratified by " + strata + " (" + test.strata() + " strata)"
                            : "") + " (R survdiff):");
            lr.print(Table.Format.TEXT, out);
            out.printf(Locale.ROOT, "χ² = %.3f, df = %d, p = %.3g%n", test.statistic(), test.degreesOfFreedom(),
                    test.pValue());
        } else {
            lr.print(input.format, out);
            new Table("log_rank_test").column("test", null).column("rho", "%g").column("chi_square", "%.3f")
                    .column("df", "%d").column("p_value", "%.3g").column("strata", "%d")
                    .row(rho == 0.0 ? "log-rank" : "fleming-harrington", rho, test.statistic(), test.degreesOfFreedom(),
                            test.pValue(), test.strata())
                    .print(input.format, out);
        }
    }

    private void addCurve(Table t, Table m, String segment, KaplanMeier km, double level) {
        for (KaplanMeier.Step s : km.steps()) {
            Interval i = km.confidenceInterval(s.time(), level);
            if (segment == null) {
                t.row(s.time(), s.atRisk(), s.events(), s.censored(), s.survival(), s.standardError(), i.lower(),
                        i.upper());
            } else {
                t.row(segment, s.time(), s.atRisk(), s.events(), s.censored(), s.survival(), s.standardError(),
                        i.lower(), i.upper());
            }
        }
        OptionalDouble median = km.medianSurvival();
        double md = median.isPresent() ? median.getAsDouble() : Double.NaN;
        KaplanMeier.MedianInterval mi = km.medianConfidenceInterval(level);
        List<Object> row = new ArrayList<>();
        if (segment != null) {
            row.add(segment);
        }
        row.add(km.count());
        row.add(km.events());
        row.add(md);
        row.add(mi.lower().isPresent() ? mi.lower().getAsDouble() : Double.NaN);
        row.add(mi.upper().isPresent() ? mi.upper().getAsDouble() : Double.NaN);
        if (rmean != null) {
            row.add(km.restrictedMean(rmean));
            row.add(km.restrictedMeanStandardError(rmean));
        }
        m.row(row.toArray());
    }

    /**
     * The lifetimes read so far, in blocks of {@value #BLOCK} values that are never copied as the store
     * grows (only the small block directory grows, by 1.5×): per row one {@code long} holding the duration
     * with the churn flag in its sign bit (durations are {@code >= 0}, and −0.0 is stored as 0.0), 8 bytes,
     * and with {@code --by} one {@code char} segment number, 2 bytes. A block of 256 KB is below half a
     * G1 region, so it is not a humongous object. {@link KaplanMeier#fit} needs exact-size arrays (and
     * allocates its own sorted copy): they are built one segment at a time, and for the total block by
     * block, releasing each block once copied.
     */
    static final class Lifetimes {
        static final int SHIFT = 15;
        static final int BLOCK = 1 << SHIFT;
        /** The largest array the JVM reliably allocates. */
        static final int MAX_ROWS = Integer.MAX_VALUE - 8;

        private long[][] values = new long[16][];
        private char[][] segmentOf;
        private int[] perSegment = new int[4];
        private int n;

        Lifetimes(boolean segmented) {
            segmentOf = segmented ? new char[16][] : null;
        }

        int size() {
            return n;
        }

        /** Adds one lifetime; false if the store is full. */
        boolean add(double t, boolean churned, int segment) {
            if (n == MAX_ROWS) {
                return false;
            }
            int b = n >>> SHIFT;
            int k = n & (BLOCK - 1);
            if (k == 0) {
                if (b == values.length) {
                    int grown = b + (b >> 1);
                    values = Arrays.copyOf(values, grown);
                    if (segmentOf != null) {
                        segmentOf = Arrays.copyOf(segmentOf, grown);
                    }
                }
                values[b] = new long[BLOCK];
                if (segmentOf != null) {
                    segmentOf[b] = new char[BLOCK];
                }
            }
            long bits = Double.doubleToRawLongBits(t + 0.0);
            values[b][k] = churned ? bits | Long.MIN_VALUE : bits;
            if (segmentOf != null) {
                segmentOf[b][k] = (char) segment;
                if (segment >= perSegment.length) {
                    perSegment = Arrays.copyOf(perSegment, Math.max(segment + 1, perSegment.length * 3 / 2));
                }
                perSegment[segment]++;
            }
            n++;
            return true;
        }

        /** The curve of the segments whose ids are set in {@code mask}. */
        KaplanMeier fitSegments(boolean[] mask) {
            int size = 0;
            for (int id = 0; id < mask.length; id++) {
                size += mask[id] ? perSegment[id] : 0;
            }
            double[] durations = new double[size];
            boolean[] observed = new boolean[size];
            int j = 0;
            for (int i = 0; i < n; i++) {
                char id = segmentOf[i >>> SHIFT][i & (BLOCK - 1)];
                if (id < mask.length && mask[id]) {
                    long v = values[i >>> SHIFT][i & (BLOCK - 1)];
                    durations[j] = Double.longBitsToDouble(v & Long.MAX_VALUE);
                    observed[j] = v < 0;
                    j++;
                }
            }
            return KaplanMeier.fit(durations, observed);
        }

        /** The curve of one segment. */
        KaplanMeier fitSegment(int segment) {
            boolean[] mask = new boolean[segment + 1];
            mask[segment] = true;
            return fitSegments(mask);
        }

        /** The curve of all lifetimes; the store is empty afterwards. */
        KaplanMeier fitAllAndRelease() {
            segmentOf = null;
            boolean[] observed = new boolean[n];
            for (int i = 0; i < n; i++) {
                observed[i] = values[i >>> SHIFT][i & (BLOCK - 1)] < 0;
            }
            double[] durations = new double[n];
            for (int b = 0, i = 0; i < n; b++) {
                long[] block = values[b];
                int end = Math.min(n - i, BLOCK);
                for (int k = 0; k < end; k++, i++) {
                    durations[i] = Double.longBitsToDouble(block[k] & Long.MAX_VALUE);
                }
                values[b] = null;
            }
            values = null;
            n = 0;
            return KaplanMeier.fit(durations, observed);
        }
    }
}
