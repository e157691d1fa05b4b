package io.github.cxmetrics.cli;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.GammaGamma;
import io.github.cxmetrics.clv.RfmSummary;
import io.github.cxmetrics.clv.Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxm clv}: BG/NBD + Gamma–Gamma on a transaction log, and a residual CLV per customer. */
@Command(name = "clv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Customer lifetime value of non-contractual customers: fits the BG/NBD purchase model"
                + " (Fader, Hardie & Lee 2005) and the Gamma–Gamma spend model to the transactions up to --end,"
                + " prints the parameters with standard errors, and writes per customer P(alive), the expected"
                + " purchases and the residual CLV over --horizon periods.",
            "Purchases on the same day count as one (amounts summed). Memory grows with the number of"
                + " customer purchase days, not with the file."},
        footer = {"", "Example:", "  cxm clv orders.csv --customer id --date date --amount total --end 1997-09-30"
            + " --period week --horizon 52 --discount 0.0019 --output clv.csv"})
final class ClvCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRANSACTIONS", description = "The CSV file, one row per purchase.")
    Path file;

    @Option(names = "--customer", required = true, paramLabel = "COL", description = "Customer id column.")
    String customer;

    @Option(names = "--date", required = true, paramLabel = "COL", description = "Purchase date column.")
    String date;

    @Option(names = "--amount", required = true, paramLabel = "COL", description = "Amount column (>= 0).")
    String amount;

    @Option(names = "--end", required = true, paramLabel = "DATE",
            description = "Last day of observation, yyyy-mm-dd; later purchases are ignored.")
    String end;

    @Option(names = "--date-format", paramLabel = "PATTERN", defaultValue = "yyyy-MM-dd",
            description = "java.time pattern of the date column (default: ${DEFAULT-VALUE}; e.g. yyyyMMdd).")
    String dateFormat;

    @Option(names = "--period", paramLabel = "UNIT", defaultValue = "week",
            description = "Time unit of the model: day, week, month or year (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--horizon", paramLabel = "N", defaultValue = "52",
            description = "Periods ahead for expected purchases and CLV (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--discount", paramLabel = "D", defaultValue = "0",
            description = "Discount rate per period (default: ${DEFAULT-VALUE}).")
    double discount;

    @Option(names = "--margin", paramLabel = "M", defaultValue = "1",
            description = "Margin as a fraction of spend, 0..1 (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the per-customer table to this CSV file instead of standard output.")
    Path output;

    @Option(names = "--top", paramLabel = "N",
            description = "Show only the N customers with the highest CLV (all are written to --output).")
    Integer top;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        return run(input.open(file), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private ChronoUnit unit() {
        switch (period.toLowerCase(Locale.ROOT)) {
            case "day":
            case "days":
                return ChronoUnit.DAYS;
            case "week":
            case "weeks":
                return ChronoUnit.WEEKS;
            case "month":
            case "months":
                return ChronoUnit.MONTHS;
            case "year":
            case "years":
                return ChronoUnit.YEARS;
            default:
                throw new UsageException("--period must be day, week, month or year, was '" + period + "'");
        }
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        ChronoUnit unit = unit();
        LocalDate endDate;
        try {
            endDate = LocalDate.parse(end);
        } catch (DateTimeParseException e) {
            throw new UsageException("--end must be a date yyyy-mm-dd, was '" + end + "'");
        }
        DateTimeFormatter format;
        try {
            format = DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--date-format '" + dateFormat + "': " + e.getMessage());
        }
        if (horizon < 0) {
            throw new UsageException("--horizon must be >= 0, was " + horizon);
        }
        if (!(discount > -1.0 && Double.isFinite(discount))) {
            throw new UsageException("--discount must be > -1, was " + discount);
        }
        if (!(margin >= 0.0 && margin <= 1.0)) {
            throw new UsageException("--margin must be in 0..1, was " + margin);
        }
        int c = source.column(customer, "--customer");
        int d = source.column(date, "--date");
        int a = source.column(amount, "--amount");
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        // One entry per customer purchase day: the same-day collapse of RfmSummary.fromTransactions.
        Map<String, Map<LocalDate, double[]>> days = new LinkedHashMap<>();
        source.read(rejections, row -> {
            String id = row.field(c).trim();
            if (id.isEmpty()) {
                rejections.reject(row.line(), source.header().get(c), id, "is not a customer id", "empty customer id");
                return;
            }
            String rawDate = row.field(d).trim();
            LocalDate day;
            try {
                day = LocalDate.parse(rawDate, format);
            } catch (DateTimeParseException e) {
                rejections.reject(row.line(), source.header().get(d), rawDate, "is not a date " + dateFormat,
                        "not a date " + dateFormat);
                return;
            }
            String rawAmount = row.field(a).trim();
            double value;
            try {
                value = Double.parseDouble(rawAmount);
            } catch (NumberFormatException e) {
                rejections.reject(row.line(), source.header().get(a), rawAmount, "is not a number", "not a number");
                return;
            }
            if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
                rejections.reject(row.line(), source.header().get(a), rawAmount, "is not a finite amount >= 0",
                        "not a finite amount >= 0");
                return;
            }
            days.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(day, k -> new double[1])[0] += value;
        }, err);
        List<Transaction> collapsed = new ArrayList<>();
        days.forEach((id, byDay) -> byDay.forEach((day, sum) -> collapsed.add(new Transaction(id, day, sum[0]))));
        days.clear();
        Map<String, RfmSummary> customers;
        try {
            customers = RfmSummary.fromTransactions(collapsed, endDate, unit);
        } catch (IllegalArgumentException e) {
            throw new DataException(source.name() + ": " + e.getMessage());
        }
        collapsed.clear();
        if (customers.size() < 4) {
            throw new DataException(source.name() + ": " + customers.size() + " customers with a purchase by " + endDate
                    + "; the models need more");
        }
        BetaGeometricNbd purchases;
        GammaGamma spend;
        double[] purchaseErrors;
        double[] spendErrors;
        try {
            purchases = BetaGeometricNbd.fit(customers.values());
            spend = GammaGamma.fit(customers.values());
            purchaseErrors = purchases.standardErrors();
            spendErrors = spend.standardErrors();
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new DataException(source.name() + ": the models cannot be fitted: " + e.getMessage());
        }
        printParameters(purchases, purchaseErrors, spend, spendErrors, customers.size(), unit, out);

        List<Object[]> perCustomer = new ArrayList<>();
        for (Map.Entry<String, RfmSummary> e : customers.entrySet()) {
            RfmSummary s = e.getValue();
            double alive;
            double expected;
            double clv;
            try {
                alive = purchases.probabilityAlive(s.frequency(), s.recency(), s.age());
                expected = purchases.conditionalExpectedPurchases(horizon, s);
                clv = spend.residualClv(purchases, s, horizon, 1.0, discount, margin);
            } catch (IllegalArgumentException | ArithmeticException ex) {
                throw new DataException(source.name() + ": customer " + e.getKey() + " over --horizon " + horizon
                        + " with --discount " + discount + ": " + ex.getMessage());
            }
            perCustomer.add(new Object[] {e.getKey(), s.frequency(), s.recency(), s.age(),
                s.hasMonetaryValue() ? s.monetaryValue() : Double.NaN, alive, expected, clv});
        }
        Table table = new Table("clv_customer").column("customer", null).column("x", "%d").column("t_x", "%.2f")
                .column("T", "%.2f").column("mean_spend", "%.2f").column("p_alive", "%.3f")
                .column("expected_purchases", "%.3f").column("clv", "%.2f");
        if (output != null) {
            for (Object[] r : perCustomer) {
                table.row(r);
            }
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                table.print(Table.Format.CSV, file);
            } catch (IOException e) {
                throw new UsageException("cannot write --output " + output + ": " + e.getMessage());
            }
            err.printf(Locale.ROOT, "wrote %d customers to %s%n", perCustomer.size(), output);
            table = new Table("clv_customer").column("customer", null).column("x", "%d").column("t_x", "%.2f")
                    .column("T", "%.2f").column("mean_spend", "%.2f").column("p_alive", "%.3f")
                    .column("expected_purchases", "%.3f").column("clv", "%.2f");
            if (top == null) {
                return Cxm.OK;
            }
        }
        if (top != null) {
            perCustomer.sort(Comparator.comparingDouble((Object[] r) -> (Double) r[7]).reversed());
        }
        int shown = top == null ? perCustomer.size() : Math.min(top, perCustomer.size());
        for (int i = 0; i < shown; i++) {
            table.row(perCustomer.get(i));
        }
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%nPer customer (%s over %d %ss%s, discount %s per period, margin %s):%n",
                    top == null ? "all" : "top " + shown + " by CLV", horizon, period.replaceAll("s$", ""),
                    "", discount, margin);
        }
        table.print(input.format, out);
        return Cxm.OK;
    }

    private void printParameters(BetaGeometricNbd p, double[] se, GammaGamma g, double[] gse, int n, ChronoUnit unit,
            PrintWriter out) {
        Table t = new Table("clv_parameter").column("model", null).column("parameter", null).column("estimate", "%.4f")
                .column("se", "%.4f");
        t.row("BG/NBD", "r", p.r(), se[0]);
        t.row("BG/NBD", "alpha", p.alpha(), se[1]);
        t.row("BG/NBD", "a", p.a(), se[2]);
        t.row("BG/NBD", "b", p.b(), se[3]);
        t.row("BG/NBD", "log-likelihood", p.logLikelihood(), Double.NaN);
        t.row("Gamma-Gamma", "p", g.p(), gse[0]);
        t.row("Gamma-Gamma", "q", g.q(), gse[1]);
        t.row("Gamma-Gamma", "gamma", g.gamma(), gse[2]);
        t.row("Gamma-Gamma", "mean spend", g.meanSpend(), Double.NaN);
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%d customers, time in %s up to %s%n%n", n, unit.toString().toLowerCase(Locale.ROOT),
                    end);
        }
        t.print(input.format, out);
    }
}
