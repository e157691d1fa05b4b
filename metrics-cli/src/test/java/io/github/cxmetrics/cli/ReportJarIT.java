package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code cxm.jar} carries of the ECharts WebJar only what {@code cxm report} inlines (the
 * minified library, its LICENSE, NOTICE and the d3 licence), and names it in its third-party notices.
 */
class ReportJarIT {

    @Test
    void theJarHasEchartsMinifiedWithItsNoticeAndNothingElseOfTheWebJar() throws IOException {
        String jar = System.getProperty("cxm.jar", Path.of("target", "cxm.jar").toString());
        try (JarFile j = new JarFile(jar)) {
            String dir = "META-INF/resources/webjars/echarts/" + ReportCommand.ECHARTS_VERSION + "/";
            List<String> files = j.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/resources/"))
                    .filter(n -> !n.endsWith("/")).sorted().toList();
            assertThat(files).containsExactly(dir + "LICENSE", dir + "NOTICE", dir + "dist/echarts.min.js",
                    dir + "licenses/LICENSE-d3");
            String notices = new String(j.getInputStream(j.getEntry("META-INF/THIRD-PARTY-NOTICES.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String notice = new String(j.getInputStream(j.getEntry(dir + "NOTICE")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(notices).contains("Apache ECharts " + ReportCommand.ECHARTS_VERSION).contains(notice.strip());
        }
    }
}
