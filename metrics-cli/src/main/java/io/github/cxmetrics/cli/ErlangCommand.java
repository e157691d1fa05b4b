package io.github.cxmetrics.cli;

import io.github.cxmetrics.service.ErlangC;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxm erlang}: Erlang C for a given staffing, or the staffing search for a target service level. */
@Command(name = "erlang", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Erlang C (M/M/N queue, no abandonment) for a forecast interval: the offered load"
                + " A = calls x AHT / interval, and for N agents the probability of waiting, the service level"
                + " (share answered within --answer-within), the average speed of answer over all calls and the"
                + " occupancy A/N. With --target-sl instead of --agents, the fewest agents that reach the target"
                + " (and keep occupancy at or below --max-occupancy), and the agents to schedule after"
                + " --shrinkage: ceil(N / (1 - shrinkage)).",
            "Durations take s, m, h or d; a plain number is seconds."},
        footer = {"", "Example:",
            "  cxm erlang --calls 250 --interval 30m --aht 240s --agents 38 --answer-within 20s",
            "  cxm erlang --calls 250 --interval 30m --aht 240s --target-sl 0.8 --answer-within 20s \\",
            "      --shrinkage 0.3 --max-occupancy 0.85"})
final class ErlangCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--calls", required = true, paramLabel = "N",
            description = "Calls (contacts) offered in the interval, > 0 (may be fractional: a forecast).")
    double calls;

    @Option(names = "--interval", required = true, paramLabel = "DURATION",
            description = "Length of the interval, e.g. 30m or 1h.")
    String interval;

    @Option(names = "--aht", required = true, paramLabel = "DURATION",
            description = "Average handling time (talk + hold + after-call work), e.g. 240s or 4m.")
    String aht;

    @Option(names = "--answer-within", paramLabel = "DURATION", defaultValue = "20s",
            description = "The service-level threshold T (default: ${DEFAULT-VALUE}).")
    String answerWithin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--agents", paramLabel = "N", description = "Evaluate this many agents (> the offered load).")
        Integer agents;

        @Option(names = "--target-sl", paramLabel = "SL",
                description = "Search the fewest agents whose service level reaches SL, in (0, 1).")
        Double targetSl;
    }

    @Option(names = "--shrinkage", paramLabel = "S", defaultValue = "0",
            description = "Share of scheduled time off the phones (breaks, training, absence), in [0, 1);"
                    + " scheduled = ceil(N / (1 - S)). Default: ${DEFAULT-VALUE}.")
    double shrinkage;

    @Option(names = "--max-occupancy", paramLabel = "OCC",
            description = "With --target-sl: the highest acceptable occupancy A/N, in (0, 1]. Default: 1.")
    Double maxOccupancy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (aligned table), json (one object per line) or csv. Default: ${DEFAULT-VALUE}.")
    Table.Format format;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut());
    }

    int run(PrintWriter out) {
        if (!(calls > 0.0 && calls < Double.POSITIVE_INFINITY)) {
            throw new UsageException("--calls must be a finite number > 0, was " + calls);
        }
        double intervalS = positive("--interval", interval);
        double ahtS = positive("--aht", aht);
        double t = Durations.seconds("--answer-within", answerWithin);
        if (!(shrinkage >= 0.0 && shrinkage < 1.0)) {
            throw new UsageException("--shrinkage must be in [0, 1), was " + shrinkage);
        }
        double load = ErlangC.offeredLoad(calls, intervalS, ahtS);
        ErlangC model;
        int scheduled;
        String goal;
        if (mode.agents != null) {
            if (maxOccupancy != null) {
                throw new UsageException("--max-occupancy needs --target-sl (it constrains the staffing search)");
            }
            int n = mode.agents;
            if (n < 1 || n <= load) {
                throw new UsageException("--agents must exceed the offered load " + Table.formatG(load)
                        + " Erlangs, was " + n + " (with fewer the queue grows without bound)");
            }
            model = ErlangC.of(load, n, ahtS);
            scheduled = ErlangC.scheduled(n, shrinkage);
            goal = null;
        } else {
            double target = mode.targetSl;
            if (!(target > 0.0 && target < 1.0)) {
                throw new UsageException("--target-sl must be in (0, 1), was " + target);
            }
            double occ = maxOccupancy == null ? 1.0 : maxOccupancy;
            if (!(occ > 0.0 && occ <= 1.0)) {
                throw new UsageException("--max-occupancy must be in (0, 1], was " + occ);
            }
            ErlangC.Staffing s = ErlangC.staff(load, ahtS, t, target, occ, shrinkage);
            model = s.model();
            scheduled = s.scheduled();
            goal = String.format(Locale.ROOT, "target service level %s within %s, max occupancy %s, shrinkage %s",
                    Table.formatG(target), Durations.format(t), Table.formatG(occ), Table.formatG(shrinkage));
        }
        Table table = new Table("erlang_c").column("agents", "%d").column("scheduled", "%d")
                .column("p_wait", "%.4f").column("service_level", "%.4f").column("asa_s", "%.2f")
                .column("occupancy", "%.4f").column("offered_load", "%.4f").column("answer_within_s", "%g");
        table.row(model.agents(), scheduled, model.probabilityOfWaiting(), model.serviceLevel(t),
                model.averageSpeedOfAnswer(), model.occupancy(), load, t);
        if (format == Table.Format.TEXT) {
            out.printf(Locale.ROOT, "Erlang C: %s calls per %s, AHT %s, offered load %s Erlangs; SL = answered"
                    + " within %s%n", Table.formatG(calls), Durations.format(intervalS), Durations.format(ahtS),
                    Table.formatG(Math.round(load * 1e4) / 1e4), Durations.format(t));
            if (goal != null) {
                out.println("Staffing for " + goal);
            }
            out.println();
        }
        table.print(format, out);
        out.flush();
        return Cxm.OK;
    }

    private static double positive(String option, String text) {
        double s = Durations.seconds(option, text);
        if (s == 0.0) {
            throw new UsageException(option + " must be > 0, was '" + text + "'");
        }
        return s;
    }
}
