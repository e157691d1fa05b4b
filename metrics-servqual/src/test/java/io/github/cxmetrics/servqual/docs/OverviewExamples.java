package io.github.cxmetrics.servqual.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares the code blocks of a Javadoc overview page with example methods of a test class (a copy
 * of the class of the same name in metrics-core's tests; the modules share no test code).
 *
 * <p>A block is {@code <pre>{@code …}</pre>}; its last lines that start with {@code // } are the
 * output the example prints, the lines before them its code. The code must equal the body of the
 * example method of the same position (lines compared after stripping indentation, blank lines
 * ignored), and running the method must print exactly the output lines.
 */
final class OverviewExamples {

    private static final Pattern BLOCK = Pattern.compile("<pre>\\{@code\\s*\\n(.*?)\\n\\s*}</pre>", Pattern.DOTALL);

    private OverviewExamples() {
    }

    static Path moduleRoot(String module) {
        Path dir = Path.of("").toAbsolutePath();
        if (Files.isDirectory(dir.resolve(module))) {
            return dir.resolve(module);
        }
        assertThat(dir.getFileName().toString()).as("working directory").isEqualTo(module);
        return dir;
    }

    static void check(Path overview, Path testSource, List<String> names, List<Runnable> examples)
            throws IOException {
        String html = Files.readString(overview);
        String source = Files.readString(testSource);
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(html);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("code blocks of " + overview).hasSameSizeAs(names);
        for (int i = 0; i < names.size(); i++) {
            List<String> lines = normalise(blocks.get(i));
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).startsWith("// ")) {
                end--;
            }
            List<String> code = lines.subList(0, end);
            List<String> expected = lines.subList(end, lines.size()).stream()
                    .map(l -> l.substring(3)).collect(Collectors.toList());
            assertThat(code).as("block %d of the overview is the body of %s()", i + 1, names.get(i))
                    .isEqualTo(normalise(body(source, names.get(i))));
            assertThat(expected).as("block %d of the overview shows its output", i + 1).isNotEmpty();
            assertThat(run(examples.get(i))).as("output of %s()", names.get(i)).isEqualTo(expected);
        }
    }

    private static String body(String source, String name) {
        String start = "static void " + name + "() {\n";
        int from = source.indexOf(start);
        assertThat(from).as("example method %s()", name).isNotNegative();
        from += start.length();
        int to = source.indexOf("\n    }\n", from);
        return source.substring(from, to);
    }

    private static List<String> normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    private static List<String> run(Runnable example) {
        PrintStream original = System.out;
        Locale locale = Locale.getDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Locale.setDefault(Locale.ROOT);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            example.run();
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        return out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }
}
