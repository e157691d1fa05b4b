package io.github.cxmetrics.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** What every in-process CLI test does: run {@link Cxm#run} with captured output, and find a test file. */
final class Cli {

    /** Builds a test's own result type from the exit code and the captured output. */
    interface Result<R> {
        R of(int code, String out, String err);
    }

    private Cli() {
    }

    /** Runs a command line in-process and returns its exit code, standard output and standard error. */
    static <R> R run(Result<R> result, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cxm.run(new PrintWriter(out), new PrintWriter(err), args);
        return result.of(code, out.toString(), err.toString());
    }

    /** The path of a test resource, e.g. {@code /e2e/input/plain.csv}. */
    static String resource(String name) {
        try {
            return Path.of(Cli.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
