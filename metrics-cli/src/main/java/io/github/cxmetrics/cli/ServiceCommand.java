package io.github.cxmetrics.cli;

import io.github.cxmetrics.service.Aht;
import io.github.cxmetrics.service.Asa;
import io.github.cxmetrics.service.ExactQuantiles;
import io.github.cxmetrics.service.Fcr;
import io.github.cxmetrics.service.QuantileType;
import io.github.cxmetrics.service.QueueCounts;
import io.github.cxmetrics.service.ResolutionTimes;
import io.github.cxmetrics.service.ServiceLevel;
import io.github.cxmetrics.stats.Interval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxm service}: contact-centre KPIs from a contact log, one row per contact. */
@Command(name = "service", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Contact-centre KPIs from a contact log, one row per contact. Each KPI is computed when"
                + " its columns are given, and its definition is named in the output:",
            "FCR by flag (--resolved-flag), by repeat contact and by W-day issue episodes (--customer,"
                + " --time, --window); AHT = (talk + hold + after-call work) / handled contacts; ASA; the"
                + " abandonment rate over queued contacts, with and without short abandons; the service level"
                + " in ICMI's five formulas and the short-abandons-excluded one (--wait, --abandoned);"
                + " exact percentiles of the response time (--response); Kaplan–Meier percentiles of the"
                + " resolution time (--resolved-at), with tickets still open at --as-of censored.",
            "Durations in the file are seconds; option durations take s, m, h or d. Timestamps: ISO-8601"
                + " (2026-11-02T09:15:00Z, or without offset, read as UTC; a space may replace the T), or"
                + " --time-format."},
        footer = {"", "Example:",
            "  cxm service contacts.csv --customer customer --time started --resolved-flag fcr \\",
            "      --wait wait_s --abandoned abandoned --talk talk_s --hold hold_s --acw acw_s \\",
            "      --response first_response_s --resolved-at resolved --window 7d --answer-within 20s"})
final class ServiceCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, one row per contact.")
    Path file;

    @Option(names = "--customer", paramLabel = "COL", description = "Customer id (FCR by repeat contact and episodes).")
    String customer;

    @Option(names = "--time", paramLabel = "COL",
            description = "Contact start timestamp (FCR windows; the opening time for --resolved-at).")
    String time;

    @Option(names = "--time-format", paramLabel = "PATTERN",
            description = "java.time pattern of the timestamps (a date-time, read as UTC), e.g. 'dd/MM/yyyy HH:mm'.")
    String timeFormat;

    @Option(names = "--resolved-flag", paramLabel = "COL",
            description = "1/0 resolved-on-first-contact flag from the agent or a survey (FCR by flag).")
    String resolvedFlag;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "7d",
            description = "W of FCR by repeat contact and by episodes (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--complete-windows",
            description = "FCR by repeat contact/episodes: leave out contacts less than W before --as-of (their"
                    + " repeat window is not over; counting them overstates FCR).")
    boolean completeWindows;

    @Option(names = "--wait", paramLabel = "COL", description = "Seconds in queue: to answer, or to abandon.")
    String wait;

    @Option(names = "--abandoned", paramLabel = "COL",
            description = "1/0: left the queue before an answer (callbacks are neither; leave them out).")
    String abandoned;

    @Option(names = "--answer-within", paramLabel = "DURATION", defaultValue = "20s",
            description = "Service-level threshold T: a wait <= T is within it (default: ${DEFAULT-VALUE}).")
    String answerWithin;

    @Option(names = "--short-abandon", paramLabel = "DURATION", defaultValue = "0s",
            description = "An abandon after less than this is short (default: ${DEFAULT-VALUE}, none).")
    String shortAbandon;

    @Option(names = "--talk", paramLabel = "COL", description = "Talk seconds (AHT; with --hold and --acw).")
    String talk;

    @Option(names = "--hold", paramLabel = "COL", description = "Hold seconds.")
    String hold;

    @Option(names = "--acw", paramLabel = "COL", description = "After-call work (wrap-up) seconds.")
    String acw;

    @Option(names = "--handle", paramLabel = "COL",
            description = "Handle seconds, talk + hold + after-call work summed (instead of the three).")
    String handle;

    @Option(names = "--response", paramLabel = "COL",
            description = "First-response seconds; empty cells (no response) are left out and counted.")
    String response;

    @Option(names = "--resolved-at", paramLabel = "COL",
            description = "Resolution timestamp; empty while the ticket is open. Needs --time.")
    String resolvedAt;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP",
            description = "Time of the data: tickets not resolved by then are censored at it. Default: the"
                    + " latest timestamp in the file.")
    String asOf;

    @Option(names = "--percentiles", paramLabel = "P", defaultValue = "0.5,0.9,0.95", split = ",",
            description = "Percentiles of response and resolution time, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double[] percentiles;

    @Option(names = "--quantile-type", paramLabel = "K", defaultValue = "7",
            description = "R quantile type of the response-time percentiles: 1 (nearest rank), 2, 6, 7"
                    + " (R and numpy default) or 8 (default: ${DEFAULT-VALUE}).")
    int quantileType;

    @Mixin
    ConfidenceLevel confidence;

    @Mixin
    InputOptions input;

    /** One contact as read; NaN / null where a column is not given or the cell is empty. */
    private record Row(String customer, Instant time, Boolean flag, double queueWait, Boolean abandoned, double talk,
            double hold, double acw, double handle, double response, Instant resolvedAt) {
    }

    @Override
    public Integer call() {
        return run(input.open(file), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        double level = confidence.value();
        QuantileType type = type(quantileType);
        for (double p : percentiles) {
            if (!(p > 0.0 && p < 1.0)) {
                throw new UsageException("--percentiles must be in (0, 1), was " + p);
            }
        }
        double windowS = Durations.seconds("--window", window);
        if (windowS == 0.0) {
            throw new UsageException("--window must be > 0, was '" + window + "'");
        }
        double t = Durations.seconds("--answer-within", answerWithin);
        double shortS = Durations.seconds("--short-abandon", shortAbandon);
        DateTimeFormatter formatter = null;
        if (timeFormat != null) {
            try {
                formatter = DateTimeFormatter.ofPattern(timeFormat, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--time-format '" + timeFormat + "': " + e.getMessage());
            }
        }
        Instant asOfTime = asOf == null ? null : usageTime("--as-of", asOf, formatter);
        if ((customer == null) != (time == null) && resolvedAt == null) {
            throw new UsageException("FCR by repeat contact needs both --customer and --time");
        }
        if (resolvedAt != null && time == null) {
            throw new UsageException("--resolved-at needs --time (the ticket's opening time)");
        }
        if ((wait == null) != (abandoned == null)) {
            throw new UsageException("--wait and --abandoned go together (service level, ASA, abandonment)");
        }
        boolean split = talk != null || hold != null || acw != null;
        if (split && (talk == null || hold == null || acw == null)) {
            throw new UsageException("--talk, --hold and --acw go together (or give --handle)");
        }
        if (split && handle != null) {
            throw new UsageException("give either --handle or --talk/--hold/--acw, not both");
        }
        if (customer == null && resolvedFlag == null && wait == null && !split && handle == null && response == null
                && resolvedAt == null) {
            throw new UsageException("name the columns of at least one KPI: --resolved-flag, --customer with --time,"
                    + " --wait with --abandoned, --talk/--hold/--acw or --handle, --response, --resolved-at");
        }
        int cc = col(source, customer, "--customer");
        int tc = col(source, time, "--time");
        int fc = col(source, resolvedFlag, "--resolved-flag");
        int wc = col(source, wait, "--wait");
        int ac = col(source, abandoned, "--abandoned");
        int tk = col(source, talk, "--talk");
        int hc = col(source, hold, "--hold");
        int wu = col(source, acw, "--acw");
        int hd = col(source, handle, "--handle");
        int rc = col(source, response, "--response");
        int rs = col(source, resolvedAt, "--resolved-at");
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        List<Row> rows = new ArrayList<>();
        long[] noResponse = {0};
        long[] read = {0};
        final DateTimeFormatter fmt = formatter;
        source.read(rejections, row -> {
            read[0]++;
            String id = null;
            if (cc >= 0) {
                id = row.field(cc).trim();
                if (id.isEmpty()) {
                    rejections.reject(row.line(), source.header().get(cc), id, "is not a customer id", "empty customer id");
                    return;
                }
            }
            Instant when = null;
            if (tc >= 0) {
                when = time(row.field(tc).trim(), fmt);
                if (when == null) {
                    rejections.reject(row.line(), source.header().get(tc), row.field(tc).trim(), "is not a timestamp",
                            "not a timestamp");
                    return;
                }
            }
            Boolean flag = fc < 0 ? null : flag(rejections, row, fc, source);
            if (fc >= 0 && flag == null) {
                return;
            }
            Boolean gone = ac < 0 ? null : flag(rejections, row, ac, source);
            if (ac >= 0 && gone == null) {
                return;
            }
            double w = seconds(rejections, row, wc, source);
            if (wc >= 0 && Double.isNaN(w)) {
                return;
            }
            boolean handled = gone == null || !gone;
            double[] h = new double[4];
            int[] hcols = {tk, hc, wu, hd};
            for (int k = 0; k < 4; k++) {
                h[k] = Double.NaN;
                if (hcols[k] >= 0) {
                    boolean optional = !handled; // abandoned contacts have no handle time
                    if (optional && row.field(hcols[k]).trim().isEmpty()) {
                        continue;
                    }
                    h[k] = seconds(rejections, row, hcols[k], source);
                    if (Double.isNaN(h[k])) {
                        return;
                    }
                }
            }
            double resp = Double.NaN;
            if (rc >= 0) {
                if (row.field(rc).trim().isEmpty()) {
                    noResponse[0]++;
                } else {
                    resp = seconds(rejections, row, rc, source);
                    if (Double.isNaN(resp)) {
                        return;
                    }
                }
            }
            Instant done = null;
            if (rs >= 0) {
                String raw = row.field(rs).trim();
                if (!raw.isEmpty()) {
                    done = time(raw, fmt);
                    if (done == null) {
                        rejections.reject(row.line(), source.header().get(rs), raw, "is not a timestamp",
                                "not a timestamp");
                        return;
                    }
                    if (done.isBefore(when)) {
                        rejections.reject(row.line(), source.header().get(rs), raw, "is before the contact's --time "
                                + when, "resolved before opened");
                        return;
                    }
                }
            }
            rows.add(new Row(id, when, flag, w, gone, h[0], h[1], h[2], h[3], resp, done));
        }, err);
        rejections.report(err, read[0]);
        if (rows.isEmpty()) {
            throw new DataException(source.name() + ": no contact to score");
        }
        if (asOfTime == null && tc >= 0) {
            asOfTime = Instant.MIN;
            for (Row r : rows) {
                asOfTime = max(asOfTime, max(r.time(), r.resolvedAt()));
            }
        }
        if (asOfTime != null && tc >= 0) {
            for (Row r : rows) {
                if (r.time().isAfter(asOfTime)) {
                    throw new DataException(source.name() + ": a contact at " + r.time() + " is after --as-of " + asOfTime);
                }
            }
        }

        String ci = confidence.columnPrefix();
        Table kpi = new Table("service_kpi").column("kpi", null).column("definition", null).column("value", "%.4f")
                .column(ci + "_lower", "%.4f").column(ci + "_upper", "%.4f").column("n", "%d");
        List<String> notes = new ArrayList<>();
        if (fc >= 0) {
            List<Fcr.Contact> contacts = new ArrayList<>();
            for (Row r : rows) {
                contacts.add(new Fcr.Contact(r.customer() == null ? "" : r.customer(),
                        r.time() == null ? Instant.EPOCH : r.time(), r.flag()));
            }
            Fcr f = Fcr.flagged(contacts);
            kpi.row("fcr_flag", "flagged / contacts", f.value(), lo(f.confidenceInterval(level)),
                    hi(f.confidenceInterval(level)), f.contacts());
        }
        if (cc >= 0 && tc >= 0) {
            List<Fcr.Contact> contacts = new ArrayList<>();
            long late = 0;
            Duration w = Duration.ofMillis(Math.round(windowS * 1000));
            for (Row r : rows) {
                contacts.add(new Fcr.Contact(r.customer(), r.time(), false));
                if (r.time().plus(w).isAfter(asOfTime)) {
                    late++;
                }
            }
            String ws = Durations.format(windowS);
            try {
                Fcr repeat = completeWindows ? Fcr.repeatContact(contacts, w, asOfTime) : Fcr.repeatContact(contacts, w);
                Fcr episodes = completeWindows ? Fcr.issueEpisodes(contacts, w, asOfTime) : Fcr.issueEpisodes(contacts, w);
                kpi.row("fcr_repeat_contact", "no repeat within " + ws, repeat.value(),
                        lo(repeat.confidenceInterval(level)), hi(repeat.confidenceInterval(level)), repeat.contacts());
                kpi.row("fcr_issue_episode", ws + " episodes: no repeat", episodes.value(),
                        lo(episodes.confidenceInterval(level)), hi(episodes.confidenceInterval(level)),
                        episodes.contacts());
            } catch (IllegalArgumentException e) {
                throw new DataException(source.name() + ": " + e.getMessage());
            }
            if (late > 0 && !completeWindows) {
                notes.add(String.format(Locale.ROOT, "FCR: %d contact%s within %s of the as-of time: repeat"
                        + " window not over (see --complete-windows)", late, late == 1 ? " is" : "s are", ws));
            }
        }
        if (split || hd >= 0) {
            List<Double> times = new ArrayList<>();
            for (Row r : rows) {
                if (r.abandoned() == null || !r.abandoned()) {
                    times.add(split ? r.talk() + r.hold() + r.acw() : r.handle());
                }
            }
            if (times.isEmpty()) {
                notes.add("AHT: no handled contact");
            } else {
                Aht aht = Aht.ofHandleTimes(times.stream().mapToDouble(Double::doubleValue).toArray());
                Interval i = aht.count() > 1 ? aht.confidenceInterval(level) : null;
                kpi.row("aht_s", split ? "(talk+hold+acw)/handled" : "handle/handled", aht.value(), lo(i), hi(i),
                        aht.count());
            }
        }
        if (wc >= 0) {
            int n = rows.size();
            double[] waits = new double[n];
            boolean[] answered = new boolean[n];
            List<Double> answeredWaits = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                waits[k] = rows.get(k).queueWait();
                answered[k] = !rows.get(k).abandoned();
                if (answered[k]) {
                    answeredWaits.add(waits[k]);
                }
            }
            QueueCounts q = QueueCounts.fromWaits(waits, answered, t, shortS);
            if (!answeredWaits.isEmpty()) {
                Asa asa = Asa.of(answeredWaits.stream().mapToDouble(Double::doubleValue).toArray());
                Interval i = asa.count() > 1 ? asa.confidenceInterval(level) : null;
                kpi.row("asa_s", "wait of answered", asa.value(), lo(i), hi(i), asa.count());
            }
            Interval ab = q.abandonmentRate().confidenceInterval(level);
            kpi.row("abandonment", "abandoned/queued", q.abandonmentRate().value(), ab.lower(), ab.upper(), q.queued());
            String ss = Durations.format(shortS);
            if (shortS > 0 && q.queued() > q.shortAbandoned()) {
                Interval abx = q.abandonmentRateExcludingShort().confidenceInterval(level);
                kpi.row("abandonment_excl_short", "short (<" + ss + ") left out",
                        q.abandonmentRateExcludingShort().value(), abx.lower(), abx.upper(),
                        q.queued() - q.shortAbandoned());
            }
            String ts = Durations.format(t);
            for (ServiceLevel.Formula formula : ServiceLevel.Formula.values()) {
                if (shortS == 0 && (formula == ServiceLevel.Formula.SHORT_ABANDONS_MET
                        || formula == ServiceLevel.Formula.SHORT_ABANDONS_EXCLUDED)) {
                    continue; // without --short-abandon these equal ALL_QUEUED
                }
                ServiceLevel sl;
                try {
                    sl = q.serviceLevel(formula);
                } catch (IllegalStateException e) {
                    continue;
                }
                Interval i = sl.confidenceInterval(level);
                kpi.row(slKey(formula), slText(formula) + " T=" + ts, sl.value(),
                        i.lower(), i.upper(), sl.denominator());
            }
        }

        Table times = new Table("service_times").column("measure", null).column("method", null).column("n", "%d")
                .column("open", "%d");
        for (double p : percentiles) {
            times.column(pName(p), "%g");
        }
        if (rc >= 0) {
            List<Double> rv = new ArrayList<>();
            for (Row r : rows) {
                if (!Double.isNaN(r.response())) {
                    rv.add(r.response());
                }
            }
            if (!rv.isEmpty()) {
                ExactQuantiles eq = ExactQuantiles.of(rv.stream().mapToDouble(Double::doubleValue).toArray());
                Object[] row = new Object[4 + percentiles.length];
                row[0] = "response_s";
                row[1] = "exact R type " + quantileType;
                row[2] = (long) eq.count();
                row[3] = null;
                for (int k = 0; k < percentiles.length; k++) {
                    row[4 + k] = eq.quantile(percentiles[k], type);
                }
                times.row(row);
            }
            if (noResponse[0] > 0) {
                notes.add(noResponse[0] + " contact" + (noResponse[0] == 1 ? " has" : "s have")
                        + " no response time; left out of the response percentiles");
            }
        }
        if (rs >= 0) {
            Instant[] opened = new Instant[rows.size()];
            Instant[] resolved = new Instant[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                opened[k] = rows.get(k).time();
                resolved[k] = rows.get(k).resolvedAt();
            }
            ResolutionTimes rt = ResolutionTimes.of(opened, resolved, asOfTime, Duration.ofHours(1));
            Object[] row = new Object[4 + percentiles.length];
            row[0] = "resolution_h";
            row[1] = "Kaplan–Meier";
            row[2] = rt.count();
            row[3] = rt.open();
            for (int k = 0; k < percentiles.length; k++) {
                OptionalDouble v = rt.quantile(percentiles[k]);
                row[4 + k] = v.isPresent() ? v.getAsDouble() : Double.NaN;
            }
            times.row(row);
            if (rt.open() > 0) {
                notes.add("resolution: " + rt.open() + " ticket" + (rt.open() == 1 ? " was" : "s were")
                        + " open at the as-of time, censored there (Kaplan–Meier); —: not reached");
            }
        }

        boolean text = input.format == Table.Format.TEXT;
        if (text) {
            out.printf(Locale.ROOT, "Customer service, %d contacts%s%s%n%n", rows.size(),
                    wc >= 0 ? String.format(Locale.ROOT, " (%d answered, %d abandoned)",
                            rows.stream().filter(r -> !r.abandoned()).count(),
                            rows.stream().filter(Row::abandoned).count()) : "",
                    asOfTime == null ? "" : ", as of " + asOfTime);
        }
        if (kpi.size() > 0) {
            kpi.print(input.format, out);
        }
        if (times.size() > 0) {
            if (text && kpi.size() > 0) {
                out.println();
            }
            times.print(input.format, out);
        }
        if (text && !notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
        out.flush();
        return Cxm.OK;
    }

    /** sl_icmi1 … sl_icmi5, sl_excl_short. */
    static String slKey(ServiceLevel.Formula f) {
        return f == ServiceLevel.Formula.SHORT_ABANDONS_EXCLUDED ? "sl_excl_short" : "sl_icmi" + (f.ordinal() + 1);
    }

    private static String slText(ServiceLevel.Formula f) {
        switch (f) {
            case ANSWERED_AND_ABANDONED_WITHIN:
                return "ICMI 1 (ANw+ABw)/(AN+AB)";
            case ANSWERED_ONLY:
                return "ICMI 2 ANw/AN";
            case ALL_QUEUED:
                return "ICMI 3 ANw/(AN+AB)";
            case ABANDONED_AFTER_COUNTED:
                return "ICMI 4 ANw/(AN+ABa)";
            case SHORT_ABANDONS_MET:
                return "ICMI 5 (ANw+ABs)/(AN+AB)";
            case SHORT_ABANDONS_EXCLUDED:
                return "ANw/(AN+AB-ABs)";
            default:
                throw new AssertionError(f);
        }
    }

    /** {@code p50}, {@code p90}, {@code p99_9}. */
    static String pName(double p) {
        return "p" + ConfidenceLevel.percent(p).replace('.', '_');
    }

    private static QuantileType type(int k) {
        switch (k) {
            case 1:
                return QuantileType.TYPE_1;
            case 2:
                return QuantileType.TYPE_2;
            case 6:
                return QuantileType.TYPE_6;
            case 7:
                return QuantileType.TYPE_7;
            case 8:
                return QuantileType.TYPE_8;
            default:
                throw new UsageException("--quantile-type must be 1, 2, 6, 7 or 8, was " + k);
        }
    }

    private static Double lo(Interval i) {
        return i == null ? null : i.lower();
    }

    private static Double hi(Interval i) {
        return i == null ? null : i.upper();
    }

    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static int col(CsvSource source, String name, String option) {
        return name == null ? -1 : source.column(name, option);
    }

    private static Boolean flag(Rejections rejections, CsvSource.Row row, int c, CsvSource source) {
        String raw = row.field(c).trim();
        Boolean f = Values.parseFlag(raw);
        if (f == null) {
            rejections.reject(row.line(), source.header().get(c), raw, "is not 1/0, true/false or yes/no",
                    "not 1/0, true/false or yes/no");
        }
        return f;
    }

    /** Seconds >= 0 from a cell; NaN after a rejection. */
    private static double seconds(Rejections rejections, CsvSource.Row row, int c, CsvSource source) {
        if (c < 0) {
            return Double.NaN;
        }
        String raw = row.field(c).trim();
        double v;
        try {
            v = Values.parseDecimal(raw);
        } catch (NumberFormatException e) {
            rejections.reject(row.line(), source.header().get(c), raw, "is not a number of seconds", "not a number");
            return Double.NaN;
        }
        if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
            rejections.reject(row.line(), source.header().get(c), raw, "is not a finite duration >= 0",
                    "not a finite duration >= 0");
            return Double.NaN;
        }
        return v;
    }

    private static Instant usageTime(String option, String text, DateTimeFormatter f) {
        Instant i = time(text.trim(), f);
        if (i == null) {
            throw new UsageException(option + " must be a timestamp such as 2026-11-02T09:15:00Z, was '" + text + "'");
        }
        return i;
    }

    /** A timestamp: ISO-8601 with offset, or a local date-time / date read as UTC; null if neither. */
    static Instant time(String text, DateTimeFormatter f) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (f != null) {
                return LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC);
            }
            String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                    : text;
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
