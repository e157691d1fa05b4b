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
        subcommands = {RatingCommand.Nps.class, RatingCommand.Csat.class, RatingCommand.Ces.class,
            ServqualCommand.class, ClvCommand.class, RetentionCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad data, 2 bad usage.", "",
            "Example:", "  cxm nps survey.csv --column recommend --by region --compare North,South"})
public final class Cxm implements Runnable {

    /** Success. */
    static final int OK = 0;
    /** Bad data: a value that cannot be scored, an empty file. */
    static final int BAD_DATA = 1;
    /** Bad usage: unknown option or column, bad option value. */
    static final int BAD_USAGE = 2;

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
        System.exit(run(out, err, args));
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
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
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
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
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
