package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Registering only the subcommand a command line names must not change what the user sees. */
class LazySubcommandsTest {
    @Test
    void aCommandLineNamingOneSubcommandRegistersOnlyThatOne() {
        assertThat(Main.needed(new String[] {"linear-train", "--dim", "4"})).containsExactly("linear-train");
        assertThat(Main.needed(new String[] {"symbolic", "bound"})).containsExactly("symbolic");
    }

    @Test
    void helpNoArgumentsOptionsFirstAndMisspeltNamesRegisterEverySubcommand() {
        List<String> all = new ArrayList<>(Main.tree().getSubcommands().keySet());
        assertThat(all).hasSize(14).startsWith("report", "distance").endsWith("roughness", "help");
        for (String[] args : new String[][] {{}, {"help", "distance"}, {"--help"}, {"--version"}, {"distanse"}, {"--version", "distance"}}) {
            assertThat(Main.needed(args)).as(String.join(" ", args)).containsExactlyElementsOf(all);
        }
    }

    @Test
    void everySubcommandShowsTheSameHelpAloneAsInTheWholeTree() {
        CommandLine whole = Main.tree();
        for (String name : whole.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CliTest.Run alone = CliTest.run(name, "--help");
            assertThat(alone.code()).as(name).isZero();
            assertThat(alone.out()).as(name).isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
        }
    }

    @Test
    void aMisspeltSubcommandIsStillRefusedByName() {
        CliTest.Run r = CliTest.run("distanse", "--depths", "8:16");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).isEqualTo("resnet-ode: Unmatched arguments from index 0: 'distanse', '--depths', '8:16' (see --help)\n");
    }
}
