package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commands are registered only when needed (a command line that names one builds that one's
 * model only, for start-up time): every way of reaching a command's help gives the same text, and the
 * top-level help and errors still list every command in order.
 */
class CxmCommandsTest {

    static final List<String> COMMANDS = List.of("nps", "csat", "ces", "servqual", "clv", "retention", "drivers", "kano",
            "trend", "service", "erlang", "report", "demo", "help");

    @Test
    void helpViaTheHelpCommandEqualsTheCommandsOwnHelp() {
        for (String command : COMMANDS.subList(0, 7)) {
            CxmErrorsTest.Run own = CxmErrorsTest.cxm(command, "--help");
            CxmErrorsTest.Run viaHelp = CxmErrorsTest.cxm("help", command);
            assertThat(own.code()).as(command).isZero();
            assertThat(viaHelp.code()).as(command).isZero();
            assertThat(viaHelp.out()).as(command).isEqualTo(own.out()).startsWith("Usage: cxm " + command + " ");
        }
    }

    @Test
    void topLevelHelpAndErrorsListEveryCommandInOrder() {
        String help = CxmErrorsTest.cxm("--help").out();
        List<Integer> positions = new ArrayList<>();
        for (String command : COMMANDS) {
            positions.add(help.indexOf("\n  " + command + " "));
        }
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(CxmErrorsTest.cxm("npz").err())
                .startsWith("cxm: unknown command 'npz'; the commands are: " + String.join(", ", COMMANDS));
        assertThat(CxmErrorsTest.cxm().err()).contains("The commands are: " + String.join(", ", COMMANDS) + ".");
    }
}
