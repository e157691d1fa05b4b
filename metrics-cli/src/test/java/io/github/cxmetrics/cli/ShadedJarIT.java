package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the shaded {@code cxm.jar} itself ({@code java -jar}, as a user does) on every case of
 * {@code shaded-jar-cases.tsv}: good inputs, bad inputs and bad usage. Each case states the exit
 * code the README documents (0 ok, 1 bad data, 2 usage), and no case may print a Java stack trace
 * or an exception's class name: every failure is one {@code cxm: …} line (plus a hint, and after any
 * notes on what was read).
 *
 * <p>The cases file has one case per line: the expected exit code, then the arguments, separated by
 * tabs; {@code {e2e}} stands for the directory of the end-to-end test files and {@code {demo}} for the
 * bundled demo samples, {@code {many-segments}} for a generated file of 400 000 segments, an
 * argument {@code -JOPTION} is passed to the JVM (after the default {@code -Xmx256m}, so it wins), and
 * an argument {@code <FILE} is not passed but feeds FILE to standard input. Blank lines and lines
 * starting with {@code #} are ignored.
 */
class ShadedJarIT {

    private static final Path RESOURCES = Path.of("src", "test", "resources");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String e2e = RESOURCES.resolve("e2e").toAbsolutePath().toString();
        String demo = Path.of("src", "main", "resources", "io", "github", "cxmetrics", "cli", "demo").toAbsolutePath()
                .toString();
        String many = manySegments().toString();
        for (String line : Files.readAllLines(RESOURCES.resolve("shaded-jar-cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            List<String> args = new ArrayList<>();
            for (int i = 1; i < fields.length; i++) {
                args.add(fields[i].replace("{e2e}", e2e).replace("{demo}", demo).replace("{many-segments}", many));
            }
            cases.add(Arguments.of(Integer.parseInt(fields[0]),
                    String.join(" ", args).replace(e2e, "e2e").replace(demo, "demo").replace(many, "many.csv"), args));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] exit {0}: cxm {1}")
    @MethodSource("cases")
    void theShadedJarExitsAsDocumentedWithoutAStackTrace(int expected, String shown, List<String> args)
            throws IOException, InterruptedException {
        String jar = System.getProperty("cxm.jar", Path.of("target", "cxm.jar").toString());
        assertThat(Path.of(jar)).as("the shaded jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar));
        java.io.File stdin = nullDevice();
        for (String arg : args) {
            if (arg.startsWith("-J")) {
                command.add(2, arg.substring(2)); // a JVM option, before -jar
            } else if (arg.startsWith("<")) {
                stdin = new java.io.File(arg.substring(1));
            } else {
                command.add(arg);
            }
        }
        Path out = Files.createTempFile("cxm-it", ".out");
        Path err = Files.createTempFile("cxm-it", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(stdin))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cxm %s finished within 60 s", shown).isTrue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            String both = stdout + stderr;
            assertThat(both).as("cxm %s printed a stack trace:%n%s", shown, stderr)
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Error:");
            assertThat(process.exitValue()).as("exit code of cxm %s; stderr:%n%s", shown, stderr).isEqualTo(expected);
            if (expected != 0) {
                // notes on what was read (skipped rows, ignored dates) may come first; the failure is one line
                assertThat(stderr.lines().filter(l -> l.startsWith("cxm: ")).count())
                        .as("cxm %s: the failure is one cxm: line; stderr:%n%s", shown, stderr).isEqualTo(1);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** 400 000 rows with as many segments: far more accumulators than a 16 MB heap holds. */
    private static Path manySegments() throws IOException {
        Path file = Files.createTempFile("cxm-it-many-segments", ".csv");
        file.toFile().deleteOnExit();
        StringBuilder text = new StringBuilder("recommend,region\n");
        for (int i = 0; i < 400_000; i++) {
            text.append(i % 11).append(",s").append(i).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
