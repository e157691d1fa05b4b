package io.github.cxmetrics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxm demo}: every command on the sample data bundled in the jar. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs every command on sample data bundled in the jar: a survey export (NPS, CSAT, CES by"
                + " region, and which of satisfaction and ease drives recommendation), a SERVQUAL questionnaire,"
                + " customer lifetimes, the CDNOW transaction log (the data of Fader, Hardie & Lee 2005), a Kano"
                + " questionnaire, eight weeks of NPS tracking, a contact-centre log, and an Erlang C staffing."
                + " Each command line is printed before its output, so it can be"
                + " copied and pointed at your own files."},
        footer = {"", "Example:", "  cxm demo --extract samples/   # also keep the sample files",
            "  cxm demo --report demo.html   # the HTML report of the samples, charts and tables"})
final class DemoCommand implements Callable<Integer> {

    static final String[] FILES = {"survey.csv", "servqual.csv", "customers.csv", "cdnow_transactions.csv",
        "kano.csv", "tracking.csv", "contacts.csv"};

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--extract", paramLabel = "DIR", description = "Write the sample files to DIR and keep them.")
    Path extract;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Instead of printing, write the HTML report of the samples (cxm report) to FILE.")
    Path report;

    /**
     * The sections of {@code cxm demo --report}: the demo's charted commands (retention by plan), ordered
     * so that the top of the page shows one of each kind of chart, then the CLV holdout check.
     */
    static List<String[]> reportCommands() {
        List<String> order = List.of("nps", "trend", "retention", "drivers", "servqual", "csat", "ces", "clv");
        List<String[]> c = new ArrayList<>();
        for (String name : order) {
            for (String[] command : commands()) {
                if (!command[0].equals(name)) {
                    continue;
                }
                if (name.equals("retention")) {
                    c.add(new String[] {"retention", "customers.csv", "--duration", "tenure_months", "--churned",
                        "churned", "--by", "plan"});
                } else if (name.equals("nps") || name.equals("csat") || name.equals("ces")) {
                    String[] withDistribution = java.util.Arrays.copyOf(command, command.length + 1);
                    withDistribution[command.length] = "--distribution";
                    c.add(withDistribution);
                } else {
                    c.add(command);
                }
            }
        }
        // and the purchase model's calibration/holdout check on the CDNOW sample (FHL 2005's table)
        c.add(new String[] {"clv", "cdnow_transactions.csv", "--customer", "customer", "--date", "date", "--amount",
            "amount", "--holdout-from", "1997-10-01", "--end", "1998-06-30"});
        return c;
    }

    /** The demo's command lines, with the sample file names relative to the sample directory. */
    static List<String[]> commands() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"nps", "survey.csv", "--column", "recommend", "--by", "region", "--weight", "weight",
            "--compare", "North,South"});
        c.add(new String[] {"csat", "survey.csv", "--column", "satisfaction", "--by", "channel"});
        c.add(new String[] {"ces", "survey.csv", "--column", "ease", "--by", "channel", "--compare", "phone,chat"});
        c.add(new String[] {"servqual", "servqual.csv", "--scale", "1..7"});
        c.add(new String[] {"retention", "customers.csv", "--duration", "tenure_months", "--churned", "churned"});
        c.add(new String[] {"clv", "cdnow_transactions.csv", "--customer", "customer", "--date", "date", "--amount",
            "amount", "--end", "1997-09-30", "--period", "week", "--horizon", "52", "--discount", "0.0019", "--top",
            "10"});
        c.add(new String[] {"drivers", "survey.csv", "--overall", "recommend", "--items", "satisfaction,ease",
            "--weight", "weight", "--bootstrap", "200"});
        c.add(new String[] {"kano", "kano.csv"});
        c.add(new String[] {"trend", "tracking.csv", "--date", "answered", "--period", "week", "--column", "recommend"});
        c.add(new String[] {"service", "contacts.csv", "--customer", "customer", "--time", "started", "--resolved-flag",
            "fcr", "--wait", "wait_s", "--abandoned", "abandoned", "--talk", "talk_s", "--hold", "hold_s", "--acw",
            "acw_s", "--response", "first_response_s", "--resolved-at", "resolved", "--short-abandon", "5s"});
        c.add(new String[] {"erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--target-sl", "0.8",
            "--answer-within", "20s", "--shrinkage", "0.3", "--max-occupancy", "0.85"});
        return c;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir;
        boolean temporary = extract == null;
        try {
            dir = temporary ? Files.createTempDirectory("cxm-demo") : Files.createDirectories(extract);
            for (String f : FILES) {
                try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("sample file " + f + " is missing from the jar");
                    }
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot write the sample files: " + e.getMessage());
        }
        if (report != null) {
            try {
                List<String[]> sections = new ArrayList<>();
                for (String[] command : reportCommands()) {
                    String[] args = command.clone();
                    args[1] = dir.resolve(args[1]).toString();
                    sections.add(args);
                }
                ReportCommand.write(report, "cxm demo: the bundled samples", sections, err, dir);
                out.println("wrote " + report + " (" + reportCommands().size() + " sections)");
                return Cxm.OK;
            } finally {
                if (temporary) {
                    deleteQuietly(dir);
                }
            }
        }
        try {
            int worst = Cxm.OK;
            for (String[] command : commands()) {
                out.println("$ cxm " + String.join(" ", command));
                out.println();
                String[] args = command.clone();
                if (java.util.Arrays.asList(FILES).contains(args[1])) {
                    args[1] = dir.resolve(args[1]).toString(); // erlang reads no file
                }
                int code = Cxm.run(out, err, args);
                worst = Math.max(worst, code);
                out.println();
            }
            if (!temporary) {
                out.println("The sample files are in " + dir.toAbsolutePath() + ".");
            }
            return worst;
        } finally {
            if (temporary) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
