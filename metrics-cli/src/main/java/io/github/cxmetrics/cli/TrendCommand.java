package io.github.cxmetrics.cli;

import io.github.cxmetrics.stats.ControlChart;
import io.github.cxmetrics.stats.Comparisons;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.InterpretationBands;
import io.github.cxmetrics.stats.Trend;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
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
 * {@code cxm trend}: a KPI per period (day, week, month, quarter, year) with its interval, the change
 * from the previous period with its p-value, a test for a linear trend over the periods, and a control
 * chart with every period flagged in or out of control.
 */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tracking over waves: NPS, CSAT or CES per period with its interval, the change from the"
                + " previous period (the two-sample test of cxm nps/csat/ces) with its raw p-value and the"
                + " p-value adjusted over all the changes (--adjust), a linear trend"
                + " test, and a control chart.", "",
            "Trend: NPS and CES by weighted least squares of the period estimates on time with weights 1/SE²"
                    + " (known variances); CSAT by the Cochran–Armitage test (as R's prop.trend.test). Time is"
                    + " counted in periods from the first, so a month without answers leaves a gap.", "",
            "Chart: NPS and CES get an EWMA chart (λ = --lambda, limits ± L·σ with the exact time-varying"
                    + " width) whose target and σ come from the baseline periods (--baseline; default the first"
                    + " half, at least one): target = their pooled score, σ_t = sd/√n_t with sd the pooled"
                    + " per-respondent standard deviation. CSAT gets the p-chart and Laney's p′ chart"
                    + " (σ_z = mean moving range / 1.128) over all periods, limits clipped to 0..100.", "",
            "Units: NPS in points, CSAT in percent, CES in scale points; slopes per period."},
        footer = {"", "Example:", "  cxm trend survey.csv --date answered --period month --column recommend --metric nps"})
final class TrendCommand implements Callable<Integer> {

    /** The metric tracked. */
    enum Metric {
        /** Net Promoter Score. */
        nps,
        /** Customer satisfaction, top-two-box by default. */
        csat,
        /** Customer Effort Score, the mean rating. */
        ces
    }

    /** The length of a period. */
    enum Period {
        /** Calendar days. */
        day,
        /** ISO weeks (Monday to Sunday), labelled by ISO week-based year and week number. */
        week,
        /** Calendar months. */
        month,
        /** Calendar quarters. */
        quarter,
        /** Calendar years. */
        year
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, one row per response; - is standard input.")
    Path file;

    @Option(names = "--date", required = true, paramLabel = "COL",
            description = "The column with each response's date: yyyy-MM-dd or an ISO date-time (2026-03-01T14:05,"
                    + " 2026-03-01 14:05:09, 2026-03-01T14:05:09Z, …; the date as written, no time-zone conversion),"
                    + " or --date-format.")
    String date;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "A java.time pattern for the date column instead, e.g. d.M.yyyy or M/d/yyyy H:mm.")
    String dateFormat;

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "day, week (ISO), month, quarter or year (default: ${DEFAULT-VALUE}).")
    Period period;

    @Option(names = "--column", required = true, paramLabel = "COL", description = "The column with the ratings.")
    String column;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "nps",
            description = "nps (0..10, Bain), csat (top two boxes, 1..5) or ces (1..7 CES 2.0; --scale 1..5 for CES"
                    + " 1.0). Default: ${DEFAULT-VALUE}.")
    Metric metric;

    @Option(names = "--scale", paramLabel = "MIN..MAX", description = "The rating scale (default: that of the metric).")
    String scale;

    @Option(names = "--promoters-from", paramLabel = "K", description = "NPS: lowest promoter rating (needed with a"
            + " --scale other than 0..10).")
    Integer promotersFrom;

    @Option(names = "--detractors-up-to", paramLabel = "K", description = "NPS: highest detractor rating.")
    Integer detractorsUpTo;

    @Option(names = "--satisfied-from", paramLabel = "K", description = "CSAT: lowest satisfied rating (default: the"
            + " top two boxes).")
    Integer satisfiedFrom;

    @Option(names = "--baseline", paramLabel = "K",
            description = "EWMA (NPS, CES): the number of leading periods that set the target and σ (default: half"
                    + " of the periods, rounded down, at least 1).")
    Integer baseline;

    @Option(names = "--lambda", paramLabel = "λ", defaultValue = "0.2",
            description = "EWMA weight of the newest period, in (0, 1] (default: ${DEFAULT-VALUE}; 1 = Shewhart).")
    double lambda;

    @Option(names = "--limits", paramLabel = "L", defaultValue = "3",
            description = "Control limits at ± L standard deviations (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--weight", paramLabel = "WEIGHT_COL", hidden = true)
    String weight;

    @Mixin
    ConfidenceLevel confidence;

    @Mixin
    Adjustment adjustment;

    @Mixin
    RatingCommand.ValueOptions values;

    @Mixin
    InputOptions input;

    /** A period's key: its ordinal (periods since an epoch, for the time axis) and label. */
    private record Key(long ordinal, String label) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (weight != null) {
            throw new UsageException("cxm trend does not take --weight: its trend tests and control charts are for"
                    + " unweighted responses; score weighted periods with cxm " + metric + " --weight");
        }
        double level = confidence.value();
        String ci = confidence.columnPrefix();
        if (!(lambda > 0.0 && lambda <= 1.0)) {
            throw new UsageException("--lambda must be in (0, 1], was " + lambda);
        }
        if (!(width > 0.0 && width < Double.POSITIVE_INFINITY)) {
            throw new UsageException("--limits must be > 0, was " + width);
        }
        if (baseline != null && baseline < 1) {
            throw new UsageException("--baseline must be >= 1, was " + baseline);
        }
        Scale s = scale == null ? defaultScale() : RatingCommand.parseScale(scale);
        checkOptions(s);
        values.codes();
        DateTimeFormatter format = null;
        if (dateFormat != null) {
            try {
                format = DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--date-format '" + dateFormat + "': " + e.getMessage());
            }
        }
        CsvSource source = input.open(file);
        TreeMap<Long, RatingAccumulator> byPeriod = new TreeMap<>();
        Map<Long, String> labels = new TreeMap<>();
        read(source, s, format, byPeriod, labels, err);
        if (byPeriod.isEmpty()) {
            throw new DataException(source.name() + ": no rating in column '" + column + "' to score");
        }
        List<Key> keys = new ArrayList<>();
        List<RatingDistribution> dists = new ArrayList<>();
        for (Map.Entry<Long, RatingAccumulator> e : byPeriod.entrySet()) {
            keys.add(new Key(e.getKey(), labels.get(e.getKey())));
            dists.add(e.getValue().snapshot());
        }
        int k = keys.size();
        int base = baseline == null ? Math.max(1, k / 2) : baseline;
        if (base > k) {
            throw new UsageException("--baseline " + base + " is more than the " + k + " period" + (k == 1 ? "" : "s")
                    + " in the data");
        }
        Table periods = periodsTable(keys, dists, level, ci);
        if (k < 2) {
            periods.print(input.format, out);
            err.println(source.name() + ": one period only; no change, trend or control chart");
            return Cxm.OK;
        }
        // every table is built before any is printed: a baseline without variation leaves no partial output
        Table chart = chartTable(keys, dists, base, err, source.name());
        Table trend = trendTable(keys, dists, err, source.name());
        periods.print(input.format, out);
        separate(out);
        trend.print(input.format, out);
        separate(out);
        chart.print(input.format, out);
        return Cxm.OK;
    }

    private void separate(PrintWriter out) {
        if (input.format == Table.Format.TEXT) {
            out.println();
        }
    }

    private Scale defaultScale() {
        switch (metric) {
            case nps:
                return Scale.ZERO_TO_TEN;
            case csat:
                return Scale.ONE_TO_FIVE;
            default:
                return Scale.ONE_TO_SEVEN;
        }
    }

    private void checkOptions(Scale s) {
        if (metric != Metric.nps && (promotersFrom != null || detractorsUpTo != null)) {
            throw new UsageException("--promoters-from and --detractors-up-to are for --metric nps");
        }
        if (metric != Metric.csat && satisfiedFrom != null) {
            throw new UsageException("--satisfied-from is for --metric csat");
        }
        try {
            switch (metric) {
                case nps:
                    if (!s.equals(Scale.ZERO_TO_TEN) && (promotersFrom == null || detractorsUpTo == null)) {
                        throw new UsageException("NPS on scale " + s + " needs --promoters-from and --detractors-up-to");
                    }
                    nps(RatingDistribution.empty(s));
                    break;
                case csat:
                    csat(RatingDistribution.empty(s));
                    break;
                default:
                    if (!s.equals(Scale.ONE_TO_SEVEN) && !s.equals(Scale.ONE_TO_FIVE)) {
                        throw new UsageException("CES needs --scale 1..7 (CES 2.0) or 1..5 (CES 1.0), was " + s);
                    }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Nps nps(RatingDistribution d) {
        return Nps.of(d, promotersFrom == null ? 9 : promotersFrom, detractorsUpTo == null ? 6 : detractorsUpTo);
    }

    private Csat csat(RatingDistribution d) {
        return satisfiedFrom == null ? Csat.of(d) : Csat.of(d, satisfiedFrom);
    }

    private static Ces ces(RatingDistribution d) {
        return d.scale().equals(Scale.ONE_TO_FIVE) ? Ces.ofEffort(d) : Ces.of(d);
    }

    /** The default interpretation bands of the metric, or null where none applies. */
    private InterpretationBands bands(Scale s) {
        switch (metric) {
            case nps:
                return promotersFrom == null && detractorsUpTo == null ? InterpretationBands.NPS : null;
            case csat:
                return InterpretationBands.CSAT;
            default:
                return s.equals(Scale.ONE_TO_SEVEN) ? InterpretationBands.CES_2 : null;
        }
    }

    /** The period's score, standard error and interval; NaN/null where undefined (CES with n = 1). */
    private Estimate estimate(RatingDistribution d) {
        try {
            switch (metric) {
                case nps: {
                    Nps n = nps(d);
                    return Estimate.normal(n.score(), n.standardError());
                }
                case csat: {
                    Csat c = csat(d);
                    return Estimate.normal(c.score(), c.standardError());
                }
                default:
                    return ces(d).asEstimate();
            }
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private double score(RatingDistribution d) {
        switch (metric) {
            case nps:
                return nps(d).score();
            case csat:
                return csat(d).score();
            default:
                return ces(d).mean();
        }
    }

    private Interval interval(RatingDistribution d, double level) {
        switch (metric) {
            case nps:
                return RatingCommand.orNull(() -> nps(d).confidenceInterval(level));
            case csat:
                return RatingCommand.orNull(() -> csat(d).confidenceInterval(level));
            default:
                return RatingCommand.orNull(() -> ces(d).confidenceInterval(level));
        }
    }

    private Difference change(RatingDistribution a, RatingDistribution b) {
        try {
            switch (metric) {
                case nps:
                    return Nps.compare(nps(a), nps(b));
                case csat:
                    return Csat.compare(csat(a), csat(b));
                default:
                    return Ces.compare(ces(a), ces(b));
            }
        } catch (IllegalStateException | ArithmeticException e) {
            return null;
        }
    }

    private Table periodsTable(List<Key> keys, List<RatingDistribution> dists, double level, String ci) {
        InterpretationBands bands = bands(dists.get(0).scale());
        Table t = new Table("periods").column(period.name(), null).column("n", "%d").column(metric.name(), "%.2f")
                .column("se", "%.2f").column(ci + "_lower", "%.2f").column(ci + "_upper", "%.2f")
                .column("change", "%+.2f").column("change_p", "%.4g").column("p_adj", "%.4g");
        if (bands != null) {
            t.column("band", null);
        }
        // the wave-to-wave changes are one family of tests, adjusted together (--adjust)
        Difference[] changes = new Difference[keys.size()];
        Comparisons.Builder family = Comparisons.builder("wave to wave");
        List<Integer> tested = new ArrayList<>();
        for (int i = 1; i < keys.size(); i++) {
            changes[i] = change(dists.get(i - 1), dists.get(i));
            if (changes[i] != null) {
                family.add(keys.get(i).label(), keys.get(i - 1).label(), changes[i]);
                tested.add(i);
            }
        }
        double[] adjusted = new double[keys.size()];
        java.util.Arrays.fill(adjusted, Double.NaN);
        Comparisons adjustedChanges = family.build(adjustment.value());
        for (int j = 0; j < tested.size(); j++) {
            adjusted[tested.get(j)] = adjustedChanges.get(j).adjustedPValue();
        }
        for (int i = 0; i < keys.size(); i++) {
            RatingDistribution d = dists.get(i);
            Estimate e = estimate(d);
            Interval in = interval(d, level);
            Difference c = changes[i];
            double value = RatingCommand.orNaN(() -> score(d));
            List<Object> row = new ArrayList<>(List.of(keys.get(i).label(), d.count(), value,
                    e == null ? Double.NaN : e.standardError(), in == null ? Double.NaN : in.lower(),
                    in == null ? Double.NaN : in.upper(), c == null ? Double.NaN : c.estimate(),
                    c == null ? Double.NaN : c.pValue(), adjusted[i]));
            if (bands != null) {
                row.add(Double.isNaN(value) ? null : bands.label(value));
            }
            t.row(row.toArray());
        }
        return t;
    }

    private Table trendTable(List<Key> keys, List<RatingDistribution> dists, PrintWriter err, String name) {
        Table t = new Table("trend").column("test", null).column("slope", "%+.4f").column("se", "%.4f")
                .column("z", "%.3f").column("chi_square", "%.3f").column("p_value", "%.4g");
        long first = keys.get(0).ordinal();
        if (metric == Metric.csat) {
            long[] x = new long[keys.size()];
            long[] n = new long[keys.size()];
            double[] scores = new double[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                Csat c = csat(dists.get(i));
                x[i] = c.satisfied();
                n[i] = c.count();
                scores[i] = keys.get(i).ordinal() - first;
            }
            try {
                Trend.CochranArmitage ca = Trend.cochranArmitage(x, n, scores);
                t.row("Cochran–Armitage", 100 * ca.slope(), Double.NaN, ca.statistic(), ca.chiSquare(),
                        ca.pValue());
            } catch (IllegalStateException e) {
                err.println(name + ": trend test undefined: " + e.getMessage());
                t.row("Cochran–Armitage", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return t;
        }
        List<Estimate> estimates = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Estimate e = estimate(dists.get(i));
            if (e != null && e.standardError() > 0.0) {
                estimates.add(e);
                times.add((double) (keys.get(i).ordinal() - first));
            }
        }
        if (estimates.size() < keys.size()) {
            err.println(name + ": the trend leaves out " + (keys.size() - estimates.size()) + " period(s) whose"
                    + " standard error is 0 or undefined (weight 1/SE² not finite)");
        }
        try {
            double[] tt = times.stream().mapToDouble(Double::doubleValue).toArray();
            Trend.LinearTrend lt = Trend.weightedLeastSquares(tt, estimates);
            t.row("weighted least squares", lt.slope(), lt.slopeStandardError(), lt.statistic(),
                    lt.statistic() * lt.statistic(), lt.pValue());
        } catch (IllegalArgumentException e) {
            err.println(name + ": trend test undefined: " + e.getMessage());
            t.row("weighted least squares", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return t;
    }

    private Table chartTable(List<Key> keys, List<RatingDistribution> dists, int base, PrintWriter err,
            String name) {
        int k = keys.size();
        if (metric == Metric.csat) {
            long[] x = new long[k];
            long[] n = new long[k];
            for (int i = 0; i < k; i++) {
                Csat c = csat(dists.get(i));
                x[i] = c.satisfied();
                n[i] = c.count();
            }
            ControlChart p = ControlChart.pChart(x, n, width);
            ControlChart laney = null;
            try {
                laney = ControlChart.laneyPChart(x, n, ControlChart.LaneySigma.MOVING_RANGE, width);
            } catch (IllegalStateException e) {
                err.println(name + ": Laney p′ chart undefined: " + e.getMessage());
            }
            Table t = new Table("chart").column(period.name(), null).column("csat", "%.2f").column("centre", "%.2f")
                    .column("p_lower", "%.2f").column("p_upper", "%.2f").column("p_chart", null)
                    .column("laney_lower", "%.2f").column("laney_upper", "%.2f").column("laney", null);
            for (int i = 0; i < k; i++) {
                ControlChart.Point pp = p.points().get(i);
                ControlChart.Point lp = laney == null ? null : laney.points().get(i);
                t.row(keys.get(i).label(), 100 * pp.value(), 100 * pp.centre(), 100 * pp.lower(), 100 * pp.upper(),
                        status(pp), lp == null ? Double.NaN : 100 * lp.lower(),
                        lp == null ? Double.NaN : 100 * lp.upper(), lp == null ? null : status(lp));
            }
            return t;
        }
        // EWMA: target and per-respondent sd from the pooled baseline periods
        RatingDistribution pooled = dists.get(0);
        for (int i = 1; i < base; i++) {
            pooled = pooled.plus(dists.get(i));
        }
        double target;
        double sd;
        try {
            target = score(pooled);
            if (metric == Metric.nps) {
                Nps b = nps(pooled);
                sd = b.standardError() * Math.sqrt(b.count()); // points: 100·√((p + d) − (p − d)²)
            } else {
                sd = Math.sqrt(ces(pooled).variance());
            }
        } catch (IllegalStateException e) {
            throw new DataException(name + ": the EWMA baseline (first " + base + " period" + (base == 1 ? "" : "s")
                    + ") is undefined: " + e.getMessage() + "; choose more periods with --baseline");
        }
        if (!(sd > 0.0)) {
            throw new DataException(name + ": the EWMA baseline (first " + base + " period" + (base == 1 ? "" : "s")
                    + ") has no variation (every response scores the same), so σ = 0; choose more periods with"
                    + " --baseline");
        }
        double[] v = new double[k];
        double[] sigmas = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = score(dists.get(i));
            sigmas[i] = sd / Math.sqrt(dists.get(i).count());
        }
        ControlChart c = ControlChart.ewma(v, target, sigmas, lambda, width);
        err.printf(Locale.ROOT, "%s: EWMA λ = %s, L = %s, baseline the first %d of %d periods: target %s, sd %s%n",
                name, Table.formatG(lambda), Table.formatG(width), base, k, Table.formatG(target), Table.formatG(sd));
        Table t = new Table("chart").column(period.name(), null).column(metric.name(), "%.2f").column("ewma", "%.2f")
                .column("centre", "%.2f").column("lower", "%.2f").column("upper", "%.2f").column("status", null);
        for (int i = 0; i < k; i++) {
            ControlChart.Point p = c.points().get(i);
            t.row(keys.get(i).label(), p.value(), p.plotted(), p.centre(), p.lower(), p.upper(), status(p));
        }
        return t;
    }

    private static String status(ControlChart.Point p) {
        return p.inControl() ? "in" : p.plotted() > p.upper() ? "HIGH" : "LOW";
    }

    private void read(CsvSource source, Scale s, DateTimeFormatter format, TreeMap<Long, RatingAccumulator> byPeriod,
            Map<Long, String> labels, PrintWriter err) {
        int col = source.column(column, "--column");
        int dc = source.column(date, "--date");
        String columnName = source.header().get(col);
        String dateName = source.header().get(dc);
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        String what = format == null ? "a date (yyyy-MM-dd or an ISO date-time)" : "a date " + dateFormat;
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
            String rawDate = row.field(dc).trim();
            LocalDate day = parseDate(rawDate, format);
            if (day == null) {
                rejections.reject(row.line(), dateName, rawDate, "is not " + what, "not " + what);
                return;
            }
            long ordinal = ordinal(day);
            byPeriod.computeIfAbsent(ordinal, o -> new RatingAccumulator(s)).add(rating);
            labels.computeIfAbsent(ordinal, o -> label(day));
        }, err);
    }

    /** The date of a cell, or null if it is not one. */
    static LocalDate parseDate(String raw, DateTimeFormatter format) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            if (format != null) {
                return LocalDate.parse(raw, format);
            }
            if (raw.length() == 10) {
                return LocalDate.parse(raw);
            }
            String iso = raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11)
                    : raw;
            try {
                return LocalDateTime.parse(iso).toLocalDate();
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(iso).toLocalDate();
                } catch (DateTimeParseException e2) {
                    return ZonedDateTime.parse(iso).toLocalDate();
                }
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private long ordinal(LocalDate d) {
        switch (period) {
            case day:
                return d.toEpochDay();
            case week:
                return Math.floorDiv(d.with(java.time.DayOfWeek.MONDAY).toEpochDay() - 4, 7); // 1970-01-05 a Monday
            case month:
                return d.getYear() * 12L + d.getMonthValue() - 1;
            case quarter:
                return d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
            default:
                return d.getYear();
        }
    }

    private String label(LocalDate d) {
        switch (period) {
            case day:
                return d.toString();
            case week:
                return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case month:
                return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
            case quarter:
                return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            default:
                return Integer.toString(d.getYear());
        }
    }
}
