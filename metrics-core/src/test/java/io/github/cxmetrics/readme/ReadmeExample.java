package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two checks every README example test makes: that {@code main} prints what the README's comments
 * say, and that the README's code block is the test's {@code main}, line for line (indentation
 * ignored).
 */
final class ReadmeExample {

    private ReadmeExample() {
    }

    /** The lines {@code main} prints to standard output, in the root locale. */
    static List<String> output(Runnable main) {
        PrintStream original = System.out;
        Locale locale = Locale.getDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Locale.setDefault(Locale.ROOT);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.run();
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        return out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList());
    }

    /**
     * Asserts that the README holds {@code public class <name> {} whose {@code main} starts with the
     * body of the {@code main} in {@code testFile} (from {@code public static void main} to the line
     * before {@code endMarker}, less the closing braces of main and its class), and that its block
     * shows every output line as a {@code //} comment.
     */
    static void assertReadmeShows(String name, String testFile, String endMarker, String... output) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root").isNotNull();
        String readme = Files.readString(dir.resolve("README.md"));
        String start = "public class " + name + " {";
        assertThat(readme).contains(start);
        String block = readme.substring(readme.indexOf(start));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(dir.resolve("metrics-core/src/test/java/io/github/cxmetrics/readme/" + testFile));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf(endMarker)).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // main's "}"
        String readmeMain = block.substring(block.indexOf("public static void main"));
        assertThat(normalise(readmeMain)).startsWith(normalise(tested));
        for (String line : output) {
            assertThat(block).contains("// " + line);
        }
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
