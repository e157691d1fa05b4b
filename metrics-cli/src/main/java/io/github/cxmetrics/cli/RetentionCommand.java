package io.github.cxmetrics.cli;

import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.stats.Interval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxm retention}: the Kaplan–Meier survival table and median lifetime. */
@Command(name = "retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Kaplan–Meier estimate of customer survival from right-censored lifetimes: one row per"
                + " event time with the number at risk, churned, censored, S(t), Greenwood's standard error and a"
                + " log-log interval; then the median lifetime (R's survfit convention).",
            "Lifetimes are kept as two primitive arrays (12 bytes per customer)."},
        footer = {"", "Example:", "  cxm retention customers.csv --duration tenure_months --churned churned"})
final class RetentionCommand implements Callable<Integer> {

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
        int dc = source.column(duration, "--duration");
        int cc = source.column(churned, "--churned");
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        double[][] durations = {new double[1024]};
        boolean[][] events = {new boolean[1024]};
        int[] n = {0};
        source.read(rejections, row -> {
            String rawD = row.field(dc).trim();
            double t;
            try {
                t = Double.parseDouble(rawD);
            } catch (NumberFormatException e) {
                rejections.reject(row.line(), source.header().get(dc), rawD, "is not a number", "not a number");
                return;
            }
            if (!(t >= 0.0 && t < Double.POSITIVE_INFINITY)) {
                rejections.reject(row.line(), source.header().get(dc), rawD, "is not a finite duration >= 0",
                        "not a finite duration >= 0");
                return;
            }
            String rawC = row.field(cc).trim();
            Boolean flag = Values.parseFlag(rawC);
            if (flag == null) {
                rejections.reject(row.line(), source.header().get(cc), rawC, "is not 1/0, true/false or yes/no",
                        "not 1/0, true/false or yes/no");
                return;
            }
            if (n[0] == durations[0].length) {
                durations[0] = Arrays.copyOf(durations[0], n[0] * 2);
                events[0] = Arrays.copyOf(events[0], n[0] * 2);
            }
            durations[0][n[0]] = t;
            events[0][n[0]] = flag;
            n[0]++;
        }, err);
        if (n[0] == 0) {
            throw new DataException(source.name() + ": no lifetime to estimate from");
        }
        KaplanMeier km = KaplanMeier.fit(Arrays.copyOf(durations[0], n[0]), Arrays.copyOf(events[0], n[0]));
        String ci = confidence.columnPrefix();
        Table t = new Table("kaplan_meier").column("time", "%g").column("at_risk", "%d").column("churned", "%d")
                .column("censored", "%d").column("survival", "%.4f").column("se", "%.4f")
                .column(ci + "_lower", "%.4f").column(ci + "_upper", "%.4f");
        for (KaplanMeier.Step s : km.steps()) {
            Interval i = km.confidenceInterval(s.time(), level);
            t.row(s.time(), s.atRisk(), s.events(), s.censored(), s.survival(), s.standardError(), i.lower(),
                    i.upper());
        }
        OptionalDouble median = km.medianSurvival();
        boolean text = input.format == Table.Format.TEXT;
        if (text) {
            out.printf(Locale.ROOT, "Kaplan–Meier, %d customers, %d churned%n%n", km.count(), km.events());
        }
        t.print(input.format, out);
        Table m = new Table("median_lifetime").column("customers", "%d").column("churned", "%d")
                .column("median_lifetime", "%g");
        m.row(km.count(), km.events(), median.isPresent() ? median.getAsDouble() : Double.NaN);
        if (text) {
            out.println();
            out.println(median.isPresent()
                    ? "median lifetime: " + Table.formatG(median.getAsDouble())
                    : "median lifetime: not reached (survival stays above 1/2)");
        } else {
            m.print(input.format, out);
        }
        return Cxm.OK;
    }
}
