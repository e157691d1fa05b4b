package io.github.cxmetrics.cli;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.ModifiedBetaGeometricNbd;
import io.github.cxmetrics.clv.ParetoNbd;
import io.github.cxmetrics.clv.CalibrationHoldout;
import io.github.cxmetrics.clv.GammaGamma;
import io.github.cxmetrics.clv.HoldoutTable;
import io.github.cxmetrics.clv.ModelComparison;
import io.github.cxmetrics.clv.PurchaseModel;
import io.github.cxmetrics.clv.RfmSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cxm clv}: a purchase model (BG/NBD by default, {@code --model}) + Gamma–Gamma on a transaction
 * log, and a residual CLV per customer; with {@code --holdout-from}, the calibration/holdout validation
 * of the purchase model instead.
 */
@Command(name = "clv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Customer lifetime value of non-contractual customers: fits a purchase model (--model;"
                + " default BG/NBD, Fader, Hardie & Lee 2005) and the Gamma–Gamma spend model to the transactions up"
                + " to --end,"
                + " prints the parameters with standard errors, and writes per customer P(alive), the expected"
                + " purchases and the residual CLV over --horizon periods.",
            "Purchases on the same day count as one (amounts summed). Rows with an empty customer id are not"
                + " scored and are counted; so are rows dated after --end and, with --invoice, cancellations."
                + " Memory grows with the number of customer purchase days (16 bytes each) and customers, not"
                + " with the file.",
            "With --holdout-from DATE the command checks instead whether the purchase model predicts: it is fitted"
                + " to the purchases before DATE (calibration), and each customer's predicted repeat purchases in"
                + " DATE..--end (holdout; default: to the last purchase in the file) are compared with her actual"
                + " purchase days, by calibration frequency (Fader, Hardie & Lee 2005, Figure 4), with the model's"
                + " log-likelihood, AIC, BIC and the MAE/RMSE of the per-customer predictions. Customers first seen"
                + " in the holdout are excluded and counted."},
        footer = {"", "Example:", "  cxm clv orders.csv --customer id --date date --amount total --end 1997-09-30 \\",
            "      --period week --horizon 52 --discount 0.0019 --output clv.csv", "",
            "Example, invoice lines as in the UCI Online Retail export (cancellations excluded and counted):",
            "  cxm clv online_retail.csv --customer CustomerID --date InvoiceDate --date-format 'M/d/yyyy H:mm' \\",
            "      --amount 'Quantity*UnitPrice' --invoice InvoiceNo --end 2011-12-09 --output clv.csv", "",
            "Example, does the model predict? Calibrate to 1997-09-30, compare with 1997-10-01..1998-06-30:",
            "  cxm clv orders.csv --customer id --date date --amount total --holdout-from 1997-10-01 \\",
            "      --end 1998-06-30 --period week --model bgnbd"})
final class ClvCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRANSACTIONS", description = "The CSV file, one row per purchase.")
    Path file;

    @Option(names = "--customer", required = true, paramLabel = "COL", description = "Customer id column.")
    String customer;

    @Option(names = "--date", required = true, paramLabel = "COL", description = "Purchase date column.")
    String date;

    @Option(names = "--amount", required = true, paramLabel = "COL[*COL]",
            description = "Amount column (>= 0), or the product of two columns, e.g. 'Quantity*UnitPrice' for"
                    + " invoice lines. Numbers are plain decimals (2.55, -6, 1e3).")
    String amount;

    @Option(names = "--invoice", paramLabel = "COL",
            description = "Invoice-number column. With it, a row whose invoice starts with --cancel-prefix, or whose"
                    + " amount is negative (a return: negative quantity), is a cancellation: excluded and counted"
                    + " in the summary. Without it a negative amount is an error.")
    String invoice;

    @Option(names = "--cancel-prefix", paramLabel = "TEXT", defaultValue = "C",
            description = "Invoice numbers of cancellations start with this (default: ${DEFAULT-VALUE}, as in the"
                    + " UCI Online Retail export); used with --invoice.")
    String cancelPrefix;

    @Option(names = "--end", paramLabel = "DATE",
            description = "Last day of observation, yyyy-mm-dd; later purchases are ignored. Required unless"
                    + " --holdout-from is given (then it ends the holdout; default: the last purchase date).")
    String end;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "bgnbd",
            description = "Purchase model: bgnbd (BG/NBD), pnbd (Pareto/NBD) or mbgnbd (MBG/NBD) (default:"
                    + " ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--holdout-from", paramLabel = "DATE",
            description = "Validate the purchase model: calibrate on the purchases before DATE (yyyy-mm-dd), and"
                    + " compare its predictions with the purchases from DATE to --end.")
    String holdoutFrom;

    @Option(names = "--censor", paramLabel = "N", defaultValue = "7",
            description = "With --holdout-from: the last row of the table gathers calibration frequencies >= N"
                    + " (default: ${DEFAULT-VALUE}).")
    int censor;

    @Option(names = "--date-format", paramLabel = "PATTERN", defaultValue = "yyyy-MM-dd",
            description = "java.time pattern of the date column (default: ${DEFAULT-VALUE}; e.g. yyyyMMdd, or"
                    + " M/d/yyyy H:mm for a date with a time of day, which is ignored).")
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

    /** A number as analysts' exports write it: no hex, no {@code d}/{@code f} suffix, no NaN or Infinity. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Rows per chunk when the per-customer table is written (the table is never held whole). */
    private static final int CHUNK = 8192;

    /**
     * A purchase model the command can fit, for {@code --model}. Everything the command prints of it,
     * the parameter table included, comes through {@link PurchaseModel}.
     */
    record Choice(Function<List<RfmSummary>, PurchaseModel> fit) {

        Fitted fitTo(List<RfmSummary> customers) {
            PurchaseModel m = fit.apply(customers);
            return new Fitted(m, m.parameters(), m.parameterNames());
        }
    }

    /** A fitted purchase model with its parameter estimates and their names. */
    record Fitted(PurchaseModel model, double[] estimates, List<String> parameters) {
    }

    /** The purchase models by {@code --model} name: wiring a model is one line. */
    static Choice choice(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "bgnbd":
                return new Choice(BetaGeometricNbd::fit);
            case "mbgnbd":
                return new Choice(ModifiedBetaGeometricNbd::fit);
            case "pnbd":
                return new Choice(ParetoNbd::fit);
            default:
                throw new UsageException("--model must be bgnbd, pnbd or mbgnbd, was '" + name + "'");
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " must be a date yyyy-mm-dd, was '" + value + "'");
        }
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        ChronoUnit unit = unit();
        if (end == null && holdoutFrom == null) {
            throw new UsageException("Missing required option: '--end=DATE' (or --holdout-from DATE)");
        }
        LocalDate endDate = end == null ? null : date("--end", end);
        LocalDate holdoutDate = holdoutFrom == null ? null : date("--holdout-from", holdoutFrom);
        Choice purchaseModel = choice(model);
        if (holdoutDate != null) {
            if (endDate != null && endDate.isBefore(holdoutDate)) {
                throw new UsageException("--end " + end + " must not be before --holdout-from " + holdoutFrom);
            }
            if (censor < 1) {
                throw new UsageException("--censor must be >= 1, was " + censor);
            }
            if (output != null || top != null) {
                throw new UsageException("--output and --top score customers; --holdout-from validates the model:"
                        + " use one or the other");
            }
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
        if (cancelPrefix.isEmpty()) {
            throw new UsageException("--cancel-prefix must not be empty");
        }
        if (holdoutDate != null) {
            return validate(source, format, purchaseModel, holdoutDate, endDate, unit, out, err);
        }
        Purchases purchaseDays = read(source, format, endDate.toEpochDay(), err);
        RfmSummary[] customers = summarise(purchaseDays, source.name(), endDate.toEpochDay(), daysPer(unit));
        String[] ids = purchaseDays.ids.names;
        purchaseDays = null; // the purchase days are no longer needed: let the fit have the memory
        if (customers.length < 4) {
            throw new DataException(source.name() + ": " + customers.length + " customer"
                    + (customers.length == 1 ? "" : "s") + " with a purchase by " + endDate + "; the models need more");
        }
        List<RfmSummary> all = Arrays.asList(customers);
        Fitted fitted;
        GammaGamma spend;
        double[] purchaseErrors;
        double[] spendErrors;
        try {
            fitted = purchaseModel.fitTo(all);
            spend = GammaGamma.fit(all);
            purchaseErrors = fitted.model().standardErrors();
            spendErrors = spend.standardErrors();
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new DataException(source.name() + ": the models cannot be fitted: " + e.getMessage());
        }
        PurchaseModel purchases = fitted.model();
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%d customers, time in %s up to %s%n%n", customers.length,
                    unit.toString().toLowerCase(Locale.ROOT), end);
        }
        printParameters(fitted, purchaseErrors, spend, spendErrors, out);

        int n = customers.length;
        double[] alive = new double[n];
        double[] expected = new double[n];
        double[] clv = new double[n];
        for (int k = 0; k < n; k++) {
            RfmSummary s = customers[k];
            try {
                alive[k] = purchases.probabilityAlive(s);
                expected[k] = purchases.conditionalExpectedPurchases(horizon, s);
                clv[k] = spend.residualClv(purchases, s, horizon, 1.0, discount, margin);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException ex) {
                throw new DataException(source.name() + ": customer " + ids[k] + " over --horizon " + horizon
                        + " with --discount " + discount + ": " + ex.getMessage());
            }
        }
        IntFunction<Object[]> row = k -> {
            RfmSummary s = customers[k];
            return new Object[] {ids[k], s.frequency(), s.recency(), s.age(),
                s.hasMonetaryValue() ? s.monetaryValue() : Double.NaN, alive[k], expected[k], clv[k]};
        };
        if (output != null) {
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                printChunked(n, k -> k, row, Table.Format.CSV, file);
                if (file.checkError()) {
                    throw new UsageException("cannot write --output " + output);
                }
            } catch (IOException e) {
                throw new UsageException("cannot write --output " + output + ": " + e.getMessage());
            }
            err.printf(Locale.ROOT, "wrote %d customers to %s%n", n, output);
            if (top == null) {
                return Cxm.OK;
            }
        }
        IntUnaryOperator order = k -> k;
        int shown = n;
        if (top != null) {
            shown = Math.max(0, Math.min(top, n));
            Integer[] byClv = new Integer[n];
            for (int k = 0; k < n; k++) {
                byClv[k] = k;
            }
            Arrays.sort(byClv, Comparator.comparingDouble((Integer k) -> clv[k]).reversed()); // stable
            int[] first = new int[shown];
            for (int k = 0; k < shown; k++) {
                first[k] = byClv[k];
            }
            order = k -> first[k];
        }
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%nPer customer (%s over %d %ss, discount %s per period, margin %s):%n",
                    top == null ? "all" : "top " + shown + " by CLV", horizon, period.replaceAll("s$", ""),
                    discount, margin);
        }
        printChunked(shown, order, row, input.format, out);
        return Cxm.OK;
    }

    private static Table customerTable() {
        return new Table("clv_customer").column("customer", null).column("x", "%d").column("t_x", "%.2f")
                .column("T", "%.2f").column("mean_spend", "%.2f").column("p_alive", "%.3f")
                .column("expected_purchases", "%.3f").column("clv", "%.2f");
    }

    /**
     * Prints rows {@code order(0..count-1)} of the per-customer table in chunks, so that no more than
     * {@link #CHUNK} rows of boxed cells exist at a time. CSV repeats no header; JSON lines have none; text is
     * printed as one table so that its columns align.
     */
    private static void printChunked(int count, IntUnaryOperator order, IntFunction<Object[]> row,
            Table.Format format, PrintWriter out) {
        int chunk = format == Table.Format.TEXT ? Math.max(count, 1) : CHUNK;
        for (int from = 0; from < count || from == 0; from += chunk) {
            Table t = customerTable();
            for (int k = from; k < Math.min(count, from + chunk); k++) {
                t.row(row.apply(order.applyAsInt(k)));
            }
            if (from == 0 || format != Table.Format.CSV) {
                t.print(format, out);
            } else {
                StringWriter buffer = new StringWriter();
                t.print(format, new PrintWriter(buffer));
                String s = buffer.toString();
                out.write(s, s.indexOf('\n') + 1, s.length() - s.indexOf('\n') - 1);
                out.flush();
            }
            if (count == 0) {
                break;
            }
        }
    }

    /** The columns whose product is the amount: one, or two for {@code A*B}. */
    private int[] amountColumns(CsvSource source) {
        List<String> h = source.header();
        int star = amount.indexOf('*');
        boolean isColumn = h.contains(amount) || h.stream().anyMatch(x -> x.trim().equalsIgnoreCase(amount.trim()));
        if (star < 0 || isColumn) {
            return new int[] {source.column(amount, "--amount")};
        }
        String left = amount.substring(0, star).trim();
        String right = amount.substring(star + 1).trim();
        if (left.isEmpty() || right.isEmpty() || right.indexOf('*') >= 0) {
            throw new UsageException("--amount must be a column or the product of two columns such as"
                    + " 'Quantity*UnitPrice', was '" + amount + "'");
        }
        return new int[] {source.column(left, "--amount"), source.column(right, "--amount")};
    }

    /** Reads the rows: one entry per customer purchase day (same-day amounts are summed). */
    private Purchases read(CsvSource source, DateTimeFormatter format, long endDay, PrintWriter err) {
        int c = source.column(customer, "--customer");
        int d = source.column(date, "--date");
        int[] a = amountColumns(source);
        int inv = invoice == null ? -1 : source.column(invoice, "--invoice");
        String amountName = a.length == 1 ? source.header().get(a[0]) : amount;
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        Purchases purchases = new Purchases();
        long[] cancelled = {0};
        long[] late = {0};
        String[] lastDate = {null};
        long[] lastDay = {0};
        String[] lastId = {null};
        int[] lastIndex = {-1};
        source.read(rejections, row -> {
            String id = row.field(c).trim();
            if (id.isEmpty()) {
                rejections.emptyAnswer(source.header().get(c));
                return;
            }
            if (inv >= 0 && row.field(inv).trim().startsWith(cancelPrefix)) {
                cancelled[0]++;
                return;
            }
            String rawDate = row.field(d).trim();
            long day;
            if (rawDate.equals(lastDate[0])) {
                day = lastDay[0];
            } else {
                try {
                    day = LocalDate.parse(rawDate, format).toEpochDay();
                } catch (DateTimeParseException e) {
                    day = Long.MIN_VALUE;
                }
                if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
                    rejections.reject(row.line(), source.header().get(d), rawDate, "is not a date " + dateFormat,
                            "not a date " + dateFormat);
                    return;
                }
                lastDate[0] = rawDate;
                lastDay[0] = day;
            }
            double value = 1.0;
            for (int col : a) {
                String raw = row.field(col).trim();
                if (!NUMBER.matcher(raw).matches()) {
                    rejections.reject(row.line(), source.header().get(col), raw, "is not a number", "not a number");
                    return;
                }
                value *= Double.parseDouble(raw);
            }
            if (value < 0.0 && inv >= 0) {
                cancelled[0]++;
                return;
            }
            if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
                rejections.reject(row.line(), amountName, a.length == 1 ? row.field(a[0]).trim()
                        : row.field(a[0]).trim() + "*" + row.field(a[1]).trim(), "is not a finite amount >= 0",
                        "not a finite amount >= 0");
                return;
            }
            if (day > endDay) {
                late[0]++;
                return;
            }
            int index;
            if (id.equals(lastId[0])) {
                index = lastIndex[0];
            } else {
                index = purchases.ids.intern(id);
                lastId[0] = id;
                lastIndex[0] = index;
            }
            purchases.add(index, (int) day, value);
        }, err);
        if (cancelled[0] > 0) {
            err.printf(Locale.ROOT, "%s: excluded %d cancellation %s (--invoice %s starting with '%s', or a negative"
                    + " amount)%n", source.name(), cancelled[0], cancelled[0] == 1 ? "row" : "rows", invoice,
                    cancelPrefix);
        }
        if (late[0] > 0) {
            err.printf(Locale.ROOT, "%s: ignored %d %s dated after --end %s%n", source.name(), late[0],
                    late[0] == 1 ? "row" : "rows", end);
        }
        err.flush();
        return purchases;
    }

    private static double daysPer(ChronoUnit unit) {
        switch (unit) {
            case DAYS:
                return 1.0;
            case WEEKS:
                return 7.0;
            case MONTHS:
                return 365.2425 / 12.0;
            default:
                return 365.2425;
        }
    }

    /**
     * One summary per customer, by first appearance, with the arithmetic of
     * {@link RfmSummary#fromTransactions}: x = purchase days − 1, recency and age from the first
     * purchase day, monetary value = the mean of the repeat purchase days summed in date order.
     */
    private static RfmSummary[] summarise(Purchases p, String file, long endDay, double daysPerUnit) {
        p.sortAndMerge();
        RfmSummary[] out = new RfmSummary[p.ids.size];
        int size = p.size;
        int i = 0;
        while (i < size) {
            int cust = p.customer(i);
            int j = i + 1;
            while (j < size && p.customer(j) == cust) {
                j++;
            }
            out[cust] = summary(p, i, j, p.ids.names[cust], file, endDay, daysPerUnit);
            i = j;
            p.releaseBelow(i); // the summaries take the place of the blocks already read
        }
        return out;
    }

    /** One customer's summary from her purchase days {@code i..j-1} (sorted, merged), observed to {@code endDay}. */
    private static RfmSummary summary(Purchases p, int i, int j, String id, String file, long endDay,
            double daysPerUnit) {
        for (int k = i; k < j; k++) {
            if (!Double.isFinite(p.amount(k))) {
                throw new DataException(file + ": customer " + id + ": the amounts on "
                        + LocalDate.ofEpochDay(p.day(k)) + " sum to " + p.amount(k)
                        + ", beyond the range of a double");
            }
        }
        long first = p.day(i);
        long x = j - i - 1L;
        double recency = (p.day(j - 1) - first) / daysPerUnit;
        double age = (endDay - first) / daysPerUnit;
        if (x == 0) {
            return RfmSummary.of(0, 0.0, age);
        }
        double sum = 0.0;
        for (int k = i + 1; k < j; k++) {
            sum += p.amount(k);
        }
        double mean = sum / x;
        if (!Double.isFinite(sum)) {
            mean = 0.0;
            for (int k = i + 1; k < j; k++) {
                mean += p.amount(k) / x;
            }
        }
        if (!(mean > 0.0 && mean < Double.POSITIVE_INFINITY)) {
            throw new DataException(file + ": customer " + id + ": the mean amount of its " + x
                    + " repeat purchase day(s) must be finite and > 0, was " + mean);
        }
        return RfmSummary.of(x, recency, age, mean);
    }

    /**
     * {@code --holdout-from}: the calibration summaries (purchase days before the holdout date), each
     * calibration customer's holdout purchase days, the fit on the calibration data, and the holdout table and
     * model comparison of {@link CalibrationHoldout}. Customers first seen in the holdout are excluded and
     * counted.
     */
    private int validate(CsvSource source, DateTimeFormatter format, Choice purchaseModel, LocalDate holdoutDate,
            LocalDate endDate, ChronoUnit unit, PrintWriter out, PrintWriter err) {
        long endDay = endDate == null ? Integer.MAX_VALUE : endDate.toEpochDay();
        long calEndDay = holdoutDate.toEpochDay() - 1;
        double daysPerUnit = daysPer(unit);
        Purchases p = read(source, format, endDay, err);
        p.sortAndMerge();
        Map<String, RfmSummary> calibration = new LinkedHashMap<>();
        Map<String, Long> holdout = new LinkedHashMap<>();
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        long newCustomers = 0;
        long newDays = 0;
        int size = p.size;
        int i = 0;
        while (i < size) {
            int cust = p.customer(i);
            int j = i + 1;
            while (j < size && p.customer(j) == cust) {
                j++;
            }
            int c = i; // end of the calibration days
            while (c < j && p.day(c) <= calEndDay) {
                c++;
            }
            firstDay = Math.min(firstDay, p.day(i));
            lastDay = Math.max(lastDay, p.day(j - 1));
            if (c == i) {
                newCustomers++;
                newDays += j - i;
            } else {
                String id = p.ids.names[cust];
                calibration.put(id, summary(p, i, c, id, source.name(), calEndDay, daysPerUnit));
                holdout.put(id, (long) (j - c));
            }
            i = j;
        }
        if (size == 0) {
            throw new DataException(source.name() + ": no purchases" + (endDate == null ? "" : " by " + endDate));
        }
        if (firstDay > calEndDay) {
            throw new DataException(source.name() + ": --holdout-from " + holdoutDate + " is on or before the first"
                    + " purchase (" + LocalDate.ofEpochDay(firstDay) + "): no customer to calibrate on");
        }
        if (lastDay <= calEndDay) {
            throw new DataException(source.name() + ": --holdout-from " + holdoutDate + " is after the last purchase ("
                    + LocalDate.ofEpochDay(lastDay) + (endDate == null ? "" : " by --end " + endDate)
                    + "): the holdout has no data");
        }
        LocalDate holdoutEnd = endDate == null ? LocalDate.ofEpochDay(lastDay) : endDate;
        if (newCustomers > 0) {
            err.printf(Locale.ROOT, "%s: excluded %d %s first seen in the holdout (%d purchase %s from %s)%n",
                    source.name(), newCustomers, newCustomers == 1 ? "customer" : "customers", newDays,
                    newDays == 1 ? "day" : "days", holdoutDate);
            err.flush();
        }
        if (calibration.size() < 4) {
            throw new DataException(source.name() + ": " + calibration.size() + " customer"
                    + (calibration.size() == 1 ? "" : "s") + " with a purchase before --holdout-from " + holdoutDate
                    + "; the model needs more");
        }
        double length = (holdoutEnd.toEpochDay() - calEndDay) / daysPerUnit;
        CalibrationHoldout split = CalibrationHoldout.of(calibration, holdout, length);
        Fitted fitted;
        double[] errors;
        HoldoutTable table;
        ModelComparison.Entry e;
        try {
            fitted = purchaseModel.fitTo(split.calibration());
            errors = fitted.model().standardErrors();
            table = split.table(fitted.model(), censor);
            e = split.compare(fitted.model()).entries().get(0);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException ex) {
            throw new DataException(source.name() + ": the model cannot be fitted and validated: " + ex.getMessage());
        }
        String units = unit.toString().toLowerCase(Locale.ROOT);
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%d customers, time in %s: calibration to %s, holdout %s..%s (%s %s)%n",
                    split.customers(), units, LocalDate.ofEpochDay(calEndDay), holdoutDate, holdoutEnd,
                    Table.formatG(length), units);
            if (newCustomers > 0) {
                out.printf(Locale.ROOT, "%d %s first seen in the holdout excluded%n", newCustomers,
                        newCustomers == 1 ? "customer" : "customers");
            }
            out.println();
        }
        printParameters(fitted, errors, null, null, out);
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%nHoldout repeat purchases per customer by calibration frequency x, actual vs"
                    + " predicted by %s:%n", fitted.model().name());
        }
        Table t = new Table("clv_holdout").column("x", null).column("customers", "%d").column("actual", "%.4f")
                .column("predicted", "%.4f").column("actual_total", "%d").column("predicted_total", "%.2f");
        for (HoldoutTable.Bin b : table.bins()) {
            t.row(b.label(), b.customers(), b.meanActual(), b.meanPredicted(), b.actualTotal(), b.predictedTotal());
        }
        t.row("total", table.customers(), (double) table.actualTotal() / table.customers(),
                table.predictedTotal() / table.customers(), table.actualTotal(), table.predictedTotal());
        t.print(input.format, out);
        if (input.format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "%nFit and holdout error (error: total predicted vs actual):%n");
        }
        Table c = new Table("clv_comparison").column("model", null).column("k", "%d").column("log_likelihood", "%.4f")
                .column("aic", "%.4f").column("bic", "%.4f").column("mae", "%.4f").column("rmse", "%.4f")
                .column("predicted", "%.2f").column("actual", "%d").column("error_pct", "%+.2f");
        c.row(e.model(), e.parameters(), e.logLikelihood(), e.aic(), e.bic(), e.meanAbsoluteError(),
                e.rootMeanSquaredError(), e.predictedTotal(), e.actualTotal(),
                e.actualTotal() == 0 ? Double.NaN : 100.0 * e.relativeAggregateError());
        c.print(input.format, out);
        return Cxm.OK;
    }

    /** Customer ids interned to 0, 1, 2, … in order of first appearance (open addressing, no boxing). */
    static final class Ids {
        String[] names = new String[16];
        int size;
        private int[] slots = new int[64]; // index + 1; 0 is empty

        int intern(String id) {
            int mask = slots.length - 1;
            int i = mix(id.hashCode()) & mask;
            for (int s = slots[i]; s != 0; s = slots[i]) {
                if (names[s - 1].equals(id)) {
                    return s - 1;
                }
                i = (i + 1) & mask;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size + (size >> 1) + 1);
            }
            names[size++] = id;
            slots[i] = size;
            if (2L * size > slots.length) {
                rehash();
            }
            return size - 1;
        }

        private void rehash() {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            for (int s : slots) {
                if (s != 0) {
                    int i = mix(names[s - 1].hashCode()) & mask;
                    while (bigger[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    bigger[i] = s;
                }
            }
            slots = bigger;
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /**
     * Purchase days as (customer, day) keys and amounts in blocks of primitive arrays: 16 bytes an entry,
     * no copy when it grows (a new block is added; the list of blocks grows by 1.5×). Consecutive rows of
     * the same customer and day (the lines of one invoice) share one entry.
     */
    static final class Purchases {
        private static final int SHIFT = 14;
        private static final int BLOCK = 1 << SHIFT;
        private static final int MASK = BLOCK - 1;

        final Ids ids = new Ids();
        int size;
        private long[][] keys = new long[4][];
        private double[][] amounts = new double[4][];
        private int released; // blocks below this are freed

        private static long key(int customer, int day) {
            return ((long) customer << 32) | ((day ^ 0x80000000L) & 0xFFFFFFFFL);
        }

        void add(int customer, int day, double amount) {
            long k = key(customer, day);
            if (size > 0 && key(size - 1) == k) {
                amounts[(size - 1) >>> SHIFT][(size - 1) & MASK] += amount;
                return;
            }
            if (size == Integer.MAX_VALUE - 1) {
                throw new DataException("more than " + size + " customer purchase days");
            }
            int b = size >>> SHIFT;
            if (b == keys.length) {
                int grown = b + (b >> 1) + 1;
                keys = Arrays.copyOf(keys, grown);
                amounts = Arrays.copyOf(amounts, grown);
            }
            if (keys[b] == null) {
                keys[b] = new long[BLOCK];
                amounts[b] = new double[BLOCK];
            }
            keys[b][size & MASK] = k;
            amounts[b][size & MASK] = amount;
            size++;
        }

        long key(int i) {
            return keys[i >>> SHIFT][i & MASK];
        }

        double amount(int i) {
            return amounts[i >>> SHIFT][i & MASK];
        }

        int customer(int i) {
            return (int) (key(i) >>> 32);
        }

        long day(int i) {
            return (int) (key(i) ^ 0x80000000L);
        }

        /** Frees the blocks that hold only entries below {@code index}; those are not read again. */
        void releaseBelow(int index) {
            for (; released < (index >>> SHIFT); released++) {
                keys[released] = null;
                amounts[released] = null;
            }
        }

        private void set(int i, long k, double v) {
            keys[i >>> SHIFT][i & MASK] = k;
            amounts[i >>> SHIFT][i & MASK] = v;
        }

        /** Sorts by customer, then day (heapsort: in place, n log n), and merges entries of the same day. */
        void sortAndMerge() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = key(i - 1) <= key(i);
            }
            if (!sorted) {
                for (int i = size / 2 - 1; i >= 0; i--) {
                    siftDown(i, size);
                }
                for (int last = size - 1; last > 0; last--) {
                    long k = key(0);
                    double v = amount(0);
                    set(0, key(last), amount(last));
                    set(last, k, v);
                    siftDown(0, last);
                }
            }
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (w > 0 && key(w - 1) == key(r)) {
                    amounts[(w - 1) >>> SHIFT][(w - 1) & MASK] += amount(r);
                } else {
                    set(w++, key(r), amount(r));
                }
            }
            size = w;
        }

        private void siftDown(int i, int n) {
            long k = key(i);
            double v = amount(i);
            while (true) {
                long child = 2L * i + 1;
                if (child >= n) {
                    break;
                }
                int ch = (int) child;
                if (ch + 1 < n && key(ch + 1) > key(ch)) {
                    ch++;
                }
                if (key(ch) <= k) {
                    break;
                }
                set(i, key(ch), amount(ch));
                i = ch;
            }
            set(i, k, v);
        }
    }

    /** The parameter table: the purchase model's estimates and log-likelihood, then Gamma–Gamma's (if fitted). */
    private void printParameters(Fitted p, double[] se, GammaGamma g, double[] gse, PrintWriter out) {
        Table t = new Table("clv_parameter").column("model", null).column("parameter", null).column("estimate", "%.4f")
                .column("se", "%.4f");
        String name = p.model().name();
        for (int i = 0; i < p.parameters().size(); i++) {
            t.row(name, p.parameters().get(i), p.estimates()[i], se[i]);
        }
        t.row(name, "log-likelihood", p.model().logLikelihood(), Double.NaN);
        if (g != null) {
            t.row("Gamma-Gamma", "p", g.p(), gse[0]);
            t.row("Gamma-Gamma", "q", g.q(), gse[1]);
            t.row("Gamma-Gamma", "gamma", g.gamma(), gse[2]);
            t.row("Gamma-Gamma", "mean spend", g.meanSpend(), Double.NaN);
        }
        t.print(input.format, out);
    }
}
