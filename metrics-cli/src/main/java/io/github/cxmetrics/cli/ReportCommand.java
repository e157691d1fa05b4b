package io.github.cxmetrics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxm report}: one self-contained HTML page with a chart (and the table of numbers behind it) per
 * section. A section is a {@code cxm} command line; the report runs it with {@code --format json} and
 * the page draws what that JSON says, so the page shows exactly the numbers the command prints and
 * computes none itself. Apache ECharts (the WebJar's {@code dist/echarts.min.js}, on the classpath) is
 * inlined, with its licence notice; the page makes no network request (its Content-Security-Policy
 * forbids any).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page (works offline, e.g. as an e-mail attachment) with"
                + " a chart and the table of numbers behind it for each --section. A section is a cxm command"
                + " line, quoted, exactly as you would type it after 'cxm': nps, csat, ces (score per segment"
                + " with its 95%% interval, significant differences from the overall marked), trend (per period"
                + " with intervals; EWMA control chart), retention (Kaplan-Meier curves with 95%% bands per"
                + " segment; log-rank test), drivers (importance with intervals; importance-performance"
                + " quadrants), servqual (gap per dimension with its interval; expectation and perception) and"
                + " clv (BG/NBD parameters; P(alive) and expected purchases of the customers listed)."
                + " The report runs each with --format json; the page only displays those numbers.",
            "The charts are drawn by Apache ECharts " + ReportCommand.ECHARTS_VERSION + " (Apache-2.0),"
                + " inlined in the page with its notice; the page is about 1.1 MB."},
        footer = {"", "Example:",
            "  cxm report --out report.html --section \"nps survey.csv --column recommend --by region\" \\",
            "      --section \"trend tracking.csv --date answered --period week --column recommend\"",
            "  cxm demo --report demo.html   # the page for the bundled samples"})
final class ReportCommand implements Callable<Integer> {

    /** The ECharts WebJar version of metrics-cli/pom.xml ({@code echarts.version}). */
    static final String ECHARTS_VERSION = "5.3.1";

    private static final String WEBJAR = "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/";

    /** The commands a section may run: the ones the page has charts for. */
    static final Set<String> CHARTED = Set.of("nps", "csat", "ces", "trend", "retention", "drivers", "servqual",
            "clv");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path out;

    @Option(names = "--section", required = true, paramLabel = "COMMAND",
            description = "A cxm command line, quoted (e.g. \"nps survey.csv --column recommend --by region\");"
                    + " repeat for more sections, shown in that order. Quote a value with spaces inside it with"
                    + " single or double quotes.")
    List<String> sections;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Customer-experience report",
            description = "The page's title. Default: ${DEFAULT-VALUE}.")
    String title;

    @Override
    public Integer call() {
        List<String[]> commands = new ArrayList<>();
        for (String s : sections) {
            commands.add(split(s));
        }
        write(out, title, commands, spec.commandLine().getErr(), null);
        spec.commandLine().getOut().println("wrote " + out + " (" + sizeOf(out) + ", " + commands.size()
                + (commands.size() == 1 ? " section)" : " sections)"));
        return Cxm.OK;
    }

    private static String sizeOf(Path file) {
        try {
            long bytes = Files.size(file);
            return String.format(java.util.Locale.ROOT, "%.2f MB", bytes / 1e6);
        } catch (IOException e) {
            return "size unknown";
        }
    }

    /**
     * Runs each command with {@code --format json} and writes the page.
     *
     * @param file the HTML file to write
     * @param title the page title
     * @param commands the sections' command lines (without {@code cxm}, without {@code --format})
     * @param err where the commands' notes are echoed
     * @param shownRelativeTo a directory whose path the page leaves out of file names, or null
     */
    static void write(Path file, String title, List<String[]> commands, PrintWriter err, Path shownRelativeTo) {
        java.util.function.UnaryOperator<String> shown = shownRelativeTo == null ? t -> t
                : t -> t.replace(shownRelativeTo.toString() + java.io.File.separator, "");
        StringBuilder data = new StringBuilder("[");
        for (int i = 0; i < commands.size(); i++) {
            String[] command = commands.get(i);
            if (command.length == 0) {
                throw new UsageException("--section " + (i + 1) + " is empty; give a cxm command line");
            }
            if (!CHARTED.contains(command[0])) {
                throw new UsageException("--section '" + String.join(" ", command) + "': report has no chart for '"
                        + command[0] + "'; it charts: " + String.join(", ", new java.util.TreeSet<>(CHARTED)));
            }
            for (String a : command) {
                if (a.equals("--format") || a.startsWith("--format=")) {
                    throw new UsageException("--section '" + String.join(" ", command)
                            + "': leave out --format; report runs every section with --format json");
                }
            }
            String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--format";
            args[command.length + 1] = "json";
            StringWriter json = new StringWriter();
            StringWriter notes = new StringWriter();
            int code = Cxm.run(new PrintWriter(json), new PrintWriter(notes), args);
            String noteText = notes.toString().strip();
            if (code != Cxm.OK) {
                String message = "--section '" + String.join(" ", command) + "' failed: "
                        + noteText.replaceFirst("^cxm: ", "").replaceAll("\\s*[\\r\\n]+\\s*", "; ");
                throw code == Cxm.BAD_USAGE ? new UsageException(message) : new DataException(message);
            }
            if (!noteText.isEmpty()) {
                err.println(noteText);
            }
            noteText = shown.apply(noteText);
            if (i > 0) {
                data.append(',');
            }
            data.append("{\"command\":").append(jsonString(shown.apply("cxm " + String.join(" ", command))))
                    .append(",\"name\":").append(jsonString(command[0]))
                    .append(",\"notes\":").append(jsonArray(noteText.isEmpty() ? List.of() : noteText.lines().toList()))
                    .append(",\"rows\":[");
            List<String> lines = json.toString().lines().filter(l -> !l.isBlank()).toList();
            data.append(String.join(",", lines)).append("]}");
        }
        data.append(']');
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("TITLE", html(title));
        values.put("STYLE", resource("report/report.css"));
        values.put("NOTICE", html(webjar("NOTICE")));
        values.put("LICENSE", html(webjar("LICENSE") + "\n\n--- licenses/LICENSE-d3 ---\n\n" + webjar("licenses/LICENSE-d3")));
        values.put("ECHARTS_VERSION", ECHARTS_VERSION);
        values.put("DATA", scriptSafe(data.toString()));
        values.put("REPORT_JS", scriptSafe(resource("report/report.js")));
        values.put("ECHARTS", scriptSafe(webjar("dist/echarts.min.js")));
        String page = fill(resource("report/report.html"), values);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write --out " + file + ": " + e.getMessage());
        }
    }

    /** The template with each {@code @NAME@} replaced by its value, in one pass (values are not searched). */
    private static String fill(String template, java.util.Map<String, String> values) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@([A-Z_]+)@").matcher(template);
        StringBuilder b = new StringBuilder(template.length() + (1 << 20));
        int from = 0;
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v != null) {
                b.append(template, from, m.start()).append(v);
                from = m.end();
            }
        }
        return b.append(template, from, template.length()).toString();
    }

    /** A text of the ECharts WebJar. */
    static String webjar(String name) {
        return read(WEBJAR + name);
    }

    private static String resource(String name) {
        return read("/io/github/cxmetrics/cli/" + name);
    }

    private static String read(String path) {
        try (InputStream in = ReportCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path + ": " + e.getMessage(), e);
        }
    }

    /** Text inside a {@code <script>} element: {@code </} cannot end it early. */
    private static String scriptSafe(String s) {
        return s.replace("</", "<\\/");
    }

    /** Text as HTML character data. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String jsonArray(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ",").append(jsonString(items.get(i)));
        }
        return b.append(']').toString();
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Splits a command line at white space; single or double quotes keep a value with spaces together
     * (as a POSIX shell does, without escapes or variables).
     *
     * @param line the command line
     * @return its words
     * @throws UsageException if a quote is not closed
     */
    static String[] split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new UsageException("--section '" + line + "': a " + quote + " quote is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty() && words.get(0).equals("cxm")) {
            words.remove(0); // "cxm nps ..." as pasted from a terminal
        }
        return words.toArray(new String[0]);
    }
}
