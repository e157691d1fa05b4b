package io.github.cxmetrics.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cxm}: customer-experience metrics from CSV files. Exit codes: 0 success, 1 bad data, 2 bad
 * usage.
 */
@Command(name = "cxm", mixinStandardHelpOptions = true, versionProvider = Cxm.Version.class,
        description = "Customer-experience metrics with their uncertainty, from CSV exports.",
        footer = {"", "Exit codes: 0 success, 1 bad data, 2 bad usage.", "",
            "Example:", "  cxm nps survey.csv --column recommend --by region --compare North,South"})
public final class Cxm implements Runnable {

    /** Success. */
    static final int OK = 0;
    /** Bad data: a value that cannot be scored, an empty file. */
    static final int BAD_DATA = 1;
    /** Bad usage: unknown option or column, bad option value. */
    static final int BAD_USAGE = 2;

    /**
     * The commands, in the order of {@code cxm --help}. They are registered in {@link #run}, not in the
     * {@code @Command} annotation, so that a command line that names one builds the picocli model of
     * that one only: building all of them took about 0.25 s of CPU, half of a small file's run.
     */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(RatingCommand.Nps.class,
            RatingCommand.Csat.class, RatingCommand.Ces.class, ServqualCommand.class, ClvCommand.class,
            RetentionCommand.class, DriversCommand.class, KanoCommand.class, TrendCommand.class, ServiceCommand.class,
            ErlangCommand.class, ReportCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * The entry point.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(out, err, args);
        } catch (OutOfMemoryError e) {
            // so short of memory that even the message of run() failed: a constant line
            System.err.println(OUT_OF_MEMORY);
            code = BAD_DATA;
        }
        System.exit(code);
    }

    /**
     * Runs a command line with the given output streams.
     *
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cxm());
        Class<?> named = args.length == 0 ? null : command(args[0]);
        for (Class<?> command : COMMANDS) {
            // "help", options and unknown words get every command (help lists them, errors name them)
            if (named == null || named == CommandLine.HelpCommand.class || command == named) {
                cl.addSubcommand(command);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler(Cxm::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof DataException) {
                err.println("cxm: " + ex.getMessage());
                return BAD_DATA;
            }
            if (ex instanceof UsageException) {
                err.println("cxm: " + ex.getMessage());
                err.println("Try 'cxm " + commandLine.getCommandName() + " --help'.");
                return BAD_USAGE;
            }
            // Anything else the library throws on data it cannot score: one line, never a stack trace.
            err.println("cxm: " + describe(ex));
            return BAD_DATA;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err);
        } catch (RuntimeException e) {
            // picocli rethrows what its handlers do not take; nothing gets out as a stack trace
            err.println("cxm: " + describe(e));
            code = BAD_DATA;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The command class of that name, or null. */
    private static Class<?> command(String name) {
        for (Class<?> command : COMMANDS) {
            if (command.getAnnotation(Command.class).name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    /**
     * Picocli's usage errors as one {@code cxm:} line: an unknown command lists the commands, an unknown
     * option keeps picocli's suggestions.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        boolean top = cl.getParent() == null;
        if (top && ex instanceof CommandLine.UnmatchedArgumentException) {
            java.util.List<String> unmatched = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (!first.startsWith("-")) {
                err.println("cxm: unknown command '" + first + "'; the commands are: "
                        + String.join(", ", cl.getSubcommands().keySet()));
                err.println("Try 'cxm --help'.");
                err.flush();
                return BAD_USAGE;
            }
        }
        err.println("cxm: " + oneLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            java.util.List<String> suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
            }
        }
        if (top && "a command is required".equals(ex.getMessage())) {
            err.println("The commands are: " + String.join(", ", cl.getSubcommands().keySet()) + ".");
        }
        err.println("Try 'cxm" + (top ? "" : " " + cl.getCommandName()) + " --help'.");
        err.flush();
        return BAD_USAGE;
    }

    /** A library exception as text for one line: its message, or its kind when it has none. */
    static String describe(Throwable ex) {
        Throwable t = ex;
        if (t instanceof java.io.UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (m == null || m.isBlank()) {
            return "internal error (" + t.getClass().getSimpleName() + "); please report it with the command line";
        }
        return oneLine(m);
    }

    private static String oneLine(String m) {
        return m == null ? "" : m.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    private static final String OUT_OF_MEMORY =
            "cxm: needs more memory than -Xmx allows; run it with a larger -Xmx, e.g. java -Xmx1g -jar cxm.jar …";

    /** The out-of-memory message, with the heap limit; exit 1. */
    static int outOfMemory(PrintWriter err) {
        try {
            outOfMemoryMessage(err);
        } catch (OutOfMemoryError again) {
            err.println(OUT_OF_MEMORY);
            err.flush();
        }
        return BAD_DATA;
    }

    private static void outOfMemoryMessage(PrintWriter err) {
        long max = Runtime.getRuntime().maxMemory();
        String heap = max == Long.MAX_VALUE ? "unlimited" : (max >> 20) + " MB";
        // the extrapolated need plus a quarter for the JVM's own headroom, or four times the heap
        long needed = CsvSource.neededMegabytes(max);
        long suggest = needed > 0 ? Math.max(needed + needed / 4, (max >> 20) + 1) : 4 * Math.max(16, max >> 20);
        String larger = max == Long.MAX_VALUE ? "" : ", e.g. java -Xmx" + suggest + "m -jar cxm.jar …";
        err.println("cxm: needs more memory than -Xmx allows (max heap " + heap + ")" + CsvSource.memoryEstimate(max)
                + "; run it with a larger -Xmx" + larger);
        err.flush();
    }

    /** The version from the jar manifest, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cxm.class.getPackage().getImplementationVersion();
            return new String[] {"cxm " + (v == null ? "(development build)" : v)};
        }
    }
}
