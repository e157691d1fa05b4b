package io.github.cxmetrics.cli;

import io.github.cxmetrics.servqual.Dimension;
import io.github.cxmetrics.servqual.Instrument;
import io.github.cxmetrics.servqual.Measure;
import io.github.cxmetrics.servqual.Respondent;
import io.github.cxmetrics.servqual.ServqualAccumulator;
import io.github.cxmetrics.servqual.ServqualReport;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Scale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxm servqual}: the SERVQUAL report of the 22-item instrument from one row per respondent. */
@Command(name = "servqual", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"SERVQUAL (Parasuraman, Zeithaml & Berry 1988): gaps P − E per dimension and item, with"
                + " paired-t standard errors and intervals, unweighted and importance-weighted scores, SERVPERF and"
                + " Cronbach's alpha.", "",
            "Column layout (header names, any order, case-insensitive):",
            "  E1..E22   expectations, one per item (required)",
            "  P1..P22   perceptions, one per item (required)",
            "  IMP_TANGIBLES, IMP_RELIABILITY, IMP_RESPONSIVENESS, IMP_ASSURANCE, IMP_EMPATHY",
            "            optional importance points, summing to 100 per respondent",
            "  ADQ1..ADQ22, DES1..DES22",
            "            optional adequate and desired service levels (the three-column format of",
            "            Parasuraman, Zeithaml & Berry 1994): the zone of tolerance per dimension",
            "An empty cell, or an answer equal to a --na code, is a missing answer: that item is left out for"
                    + " that respondent."},
        footer = {"", "Example:", "  cxm servqual servqual.csv --scale 1..7"})
final class ServqualCommand implements Callable<Integer> {

    private static final int ITEMS = 22;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, one row per respondent.")
    Path file;

    @Option(names = "--scale", paramLabel = "MIN..MAX", defaultValue = "1..7",
            description = "The answer scale (default: ${DEFAULT-VALUE}).")
    String scale;

    @Mixin
    ConfidenceLevel confidence;

    @Mixin
    RatingCommand.ValueOptions values;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        return run(input.open(file), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        confidence.value(); // a bad --level is reported before the file is read
        Scale s = RatingCommand.parseScale(scale);
        values.codes(); // a bad --na is reported before the file is read
        int[] e = new int[ITEMS];
        int[] p = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            e[i] = source.column("E" + (i + 1), "servqual layout");
            p[i] = source.column("P" + (i + 1), "servqual layout");
        }
        Dimension[] dims = Dimension.values();
        int[] imp = new int[dims.length];
        int found = 0;
        for (int k = 0; k < dims.length; k++) {
            imp[k] = source.optionalColumn("IMP_" + dims[k].name());
            found += imp[k] >= 0 ? 1 : 0;
        }
        if (found != 0 && found != dims.length) {
            throw new UsageException("importance needs all five columns IMP_TANGIBLES .. IMP_EMPATHY, found " + found);
        }
        boolean withImportance = found == dims.length;
        int[] adq = new int[ITEMS];
        int[] des = new int[ITEMS];
        int zoneColumns = 0;
        for (int i = 0; i < ITEMS; i++) {
            adq[i] = source.optionalColumn("ADQ" + (i + 1));
            des[i] = source.optionalColumn("DES" + (i + 1));
            zoneColumns += (adq[i] >= 0 ? 1 : 0) + (des[i] >= 0 ? 1 : 0);
        }
        if (zoneColumns != 0 && zoneColumns != 2 * ITEMS) {
            throw new UsageException("the zone of tolerance needs all 44 columns ADQ1..ADQ22 and DES1..DES22, found "
                    + zoneColumns);
        }
        boolean withZone = zoneColumns == 2 * ITEMS;
        Rejections rejections = new Rejections(source.name(), input.skipInvalid).naPerItem();
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), s);
        source.read(rejections, row -> {
            int[] ev = new int[ITEMS];
            int[] pv = new int[ITEMS];
            for (int i = 0; i < ITEMS; i++) {
                Integer a = answer(row, e[i], s, rejections, source, values);
                Integer b = a == null ? null : answer(row, p[i], s, rejections, source, values);
                if (a == null || b == null) {
                    return;
                }
                ev[i] = a;
                pv[i] = b;
            }
            Respondent r = Respondent.of(ev, pv);
            if (withZone) {
                int[] av = new int[ITEMS];
                int[] dv = new int[ITEMS];
                for (int i = 0; i < ITEMS; i++) {
                    Integer a = answer(row, adq[i], s, rejections, source, values);
                    Integer d = a == null ? null : answer(row, des[i], s, rejections, source, values);
                    if (a == null || d == null) {
                        return;
                    }
                    av[i] = a;
                    dv[i] = d;
                }
                r = r.withToleranceZone(av, dv);
            }
            if (withImportance) {
                double[] points = new double[dims.length];
                for (int k = 0; k < dims.length; k++) {
                    String raw = Values.stripSpaces(row.field(imp[k]));
                    try {
                        points[k] = Values.parseDecimal(raw, values.decimalComma);
                    } catch (NumberFormatException ex) {
                        String hint = Values.decimalCommaHint(raw, values.decimalComma);
                        rejections.reject(row.line(), source.header().get(imp[k]), raw, "is not a number" + hint,
                                "not a number" + hint);
                        return;
                    }
                }
                try {
                    r = r.withImportance(points);
                } catch (IllegalArgumentException ex) {
                    rejections.rejectRow(row.line(), ex.getMessage(), "importance points invalid");
                    return;
                }
            }
            acc.add(r);
        }, err);
        if (acc.respondents() == 0) {
            throw new DataException(source.name() + ": no respondent to score");
        }
        print(acc.snapshot(), withImportance, withZone, out);
        return Cxm.OK;
    }

    private static final Integer MISSING = Respondent.MISSING;

    /** The answer in a cell; MISSING when empty or a --na code; null (after rejecting) when bad. */
    private static Integer answer(CsvSource.Row row, int col, Scale s, Rejections rejections, CsvSource source,
            RatingCommand.ValueOptions values) {
        String raw = Values.stripSpaces(row.field(col));
        if (raw.isEmpty()) {
            return MISSING;
        }
        int v;
        try {
            v = Values.parseRating(raw, values.decimalComma);
        } catch (NumberFormatException ex) {
            String hint = Values.decimalCommaHint(raw, values.decimalComma);
            rejections.reject(row.line(), source.header().get(col), raw, "is not a whole number" + hint,
                    "not a whole number" + hint);
            return null;
        }
        if (values.isNa(v)) {
            rejections.naAnswer(source.header().get(col), v);
            return MISSING;
        }
        if (!s.contains(v)) {
            rejections.reject(row.line(), source.header().get(col), raw, "is outside " + s + Values.naHint(v, s),
                    "outside " + s);
            return null;
        }
        return v;
    }

    private void print(ServqualReport report, boolean withImportance, boolean withZone, PrintWriter out) {
        double level = confidence.value();
        String ci = confidence.columnPrefix();
        Table dims = new Table("servqual_dimension").column("dimension", null).column("expectation", "%.3f")
                .column("perception", "%.3f").column("gap", "%+.3f").column("se", "%.3f")
                .column(ci + "_lower", "%+.3f").column(ci + "_upper", "%+.3f").column("alpha_p", "%.3f");
        for (Dimension d : report.instrument().dimensions()) {
            Estimate g = estimateOrNull(() -> report.dimensionGap(d));
            Interval i = g == null ? null : g.confidenceInterval(level);
            dims.row(d.name(), RatingCommand.orNaN(() -> report.dimensionExpectationMean(d)),
                    RatingCommand.orNaN(() -> report.dimensionPerceptionMean(d)),
                    RatingCommand.orNaN(() -> report.dimensionGapMean(d)), g == null ? Double.NaN : g.standardError(),
                    i == null ? Double.NaN : i.lower(), i == null ? Double.NaN : i.upper(),
                    RatingCommand.orNaN(() -> report.cronbachAlpha(d, Measure.PERCEPTION)));
        }
        Table scores = new Table("servqual_score").column("score", null).column("value", "%+.3f");
        scores.row("respondents", report.respondents()); // a count, written without decimals
        scores.row("unweighted (mean of dimension gaps)", RatingCommand.orNaN(report::unweightedScore));
        if (withImportance) {
            scores.row("importance-weighted", RatingCommand.orNaN(report::weightedScore));
        }
        scores.row("SERVPERF (mean of dimension perceptions)", RatingCommand.orNaN(report::servperfScore));
        Table items = new Table("servqual_item").column("item", "%d").column("dimension", null)
                .column("expectation", "%.3f").column("perception", "%.3f").column("gap", "%+.3f")
                .column("se", "%.3f").column(ci + "_lower", "%+.3f").column(ci + "_upper", "%+.3f");
        for (int i = 1; i <= report.instrument().items(); i++) {
            final int item = i;
            Estimate g = estimateOrNull(() -> report.itemGap(item));
            Interval in = g == null ? null : g.confidenceInterval(level);
            items.row(item, report.instrument().dimensionOf(item).name(),
                    RatingCommand.orNaN(() -> report.itemExpectation(item)),
                    RatingCommand.orNaN(() -> report.itemPerception(item)),
                    RatingCommand.orNaN(() -> report.itemGapMean(item)), g == null ? Double.NaN : g.standardError(),
                    in == null ? Double.NaN : in.lower(), in == null ? Double.NaN : in.upper());
        }
        boolean text = input.format == Table.Format.TEXT;
        if (text) {
            out.printf(Locale.ROOT, "SERVQUAL, %d respondents%n%n", report.respondents());
        }
        dims.print(input.format, out);
        if (text) {
            out.println();
            Table t = new Table("servqual_score").column("score", null).column("value", "%.3f");
            t.row("unweighted (mean of dimension gaps)", RatingCommand.orNaN(report::unweightedScore));
            if (withImportance) {
                t.row("importance-weighted", RatingCommand.orNaN(report::weightedScore));
            }
            t.row("SERVPERF (mean of dimension perceptions)", RatingCommand.orNaN(report::servperfScore));
            t.print(input.format, out);
            out.println();
        } else {
            scores.print(input.format, out);
        }
        items.print(input.format, out);
        if (withZone) {
            Table zone = new Table("servqual_zone").column("dimension", null).column("adequate", "%.3f")
                    .column("desired", "%.3f").column("perception", "%.3f").column("msa", "%+.3f").column("mss", "%+.3f")
                    .column("position", null);
            for (Dimension d : report.instrument().dimensions()) {
                String position;
                try {
                    position = report.zonePosition(d).name().toLowerCase(Locale.ROOT);
                } catch (IllegalStateException e) {
                    position = null;
                }
                zone.row(d.name(), RatingCommand.orNaN(() -> report.dimensionAdequateMean(d)),
                        RatingCommand.orNaN(() -> report.dimensionDesiredMean(d)),
                        RatingCommand.orNaN(() -> report.dimensionPerceptionMean(d)),
                        RatingCommand.orNaN(() -> report.dimensionMsa(d)), RatingCommand.orNaN(() -> report.dimensionMss(d)),
                        position);
            }
            if (text) {
                out.println();
                out.println("Zone of tolerance per dimension (adequate to desired; MSA = P − adequate, MSS = P − desired):");
            }
            zone.print(input.format, out);
        }
    }

    private static Estimate estimateOrNull(java.util.function.Supplier<Estimate> f) {
        try {
            return f.get();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
