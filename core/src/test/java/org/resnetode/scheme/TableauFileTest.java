package org.resnetode.scheme;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tableau file read from disk, through {@link TableauFile#read} and through {@link Scheme#byName}. */
class TableauFileTest {

    /** Ralston's tableau written by hand: the file must give the built-in's exact entries and a scheme that runs. */
    @Test
    void aFileNamedOnTheCommandLineIsTheSchemeItDescribes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ralston.json");
        Files.writeString(file, "{\"name\": \"my-ralston\", \"A\": [[], [\"2/3\"]], \"b\": [\"1/4\", \"3/4\"], \"order\": 2}");
        Scheme s = Scheme.byName(file.toString());
        assertThat(s.name()).isEqualTo("my-ralston");
        assertThat(s.tableau().order()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(s.tableau().exactB(i)).isEqualTo(ButcherTableau.RALSTON.exactB(i));
            assertThat(s.tableau().exactC(i)).isEqualTo(ButcherTableau.RALSTON.exactC(i));
        }
        assertThat(s.tableau().exactA(1, 0)).isEqualTo(ButcherTableau.RALSTON.exactA(1, 0));
        Path upper = Files.copy(file, dir.resolve("RALSTON.JSON"));
        assertThat(Scheme.byName(upper.toString()).tableau().stages()).isEqualTo(2);
    }

    @Test
    void unreadableAndMalformedFilesAreOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> Scheme.byName(missing.toString()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("tableau file " + missing + ": cannot be read");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"A\": [[]], ");
        assertThatThrownBy(() -> TableauFile.read(broken))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("tableau file " + broken + ": malformed JSON");
        assertThatThrownBy(() -> Scheme.byName("bad\0name.json"))
                .isInstanceOf(BadInputException.class).hasMessage("tableau file bad\\x00name.json: not a valid path");
        assertThatThrownBy(() -> Scheme.byName("rk5"))
                .hasMessageContaining("unknown scheme 'rk5'").hasMessageContaining("or a tableau file ending in .json");
    }

    /** Text quoted from the file is made printable, so a rejection stays one line whatever the file holds. */
    @Test
    void quotedFileContentStaysOneLine(@TempDir Path dir) throws Exception {
        String[] bodies = {
                "{\"A\": [[]], \"b\": [\"1\"], \"x\\ny\": 1}",
                "{\"A\": [[]], \"b\": [\"x\\ny\"]}",
                "{\"A\": [[]], \"b\": [\"1\"], \"order\": \"a\\nb\"}",
                "{\"A\": [[]], \"b\": [true]}",
                "{\"A\": [[]], \"b\": [\"1\"], \"name\": \"a\\nb\"}"};
        String[] expected = {"unknown key 'x\\x0ay'", "'x\\x0ay' is not a rational number", "got a\\x0ab", "got true",
                "name: expected 1 to 40 letters"};
        for (int i = 0; i < bodies.length; i++) {
            Path file = dir.resolve("t" + i + ".json");
            Files.writeString(file, bodies[i]);
            assertThatThrownBy(() -> TableauFile.read(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(expected[i])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    /** Exact entries are fine as rationals, but the numeric scheme needs them as doubles: 1e400 is refused. */
    @Test
    void entriesBeyondTheDoubleRangeAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.json");
        Files.writeString(file, "{\"A\": [[], [\"0\"], [\"1e400\", \"-1e400\"]], \"b\": [\"1e400\", \"-1e400\", \"1\"]}");
        assertThatThrownBy(() -> TableauFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage("tableau file " + file + ": tableau tableau: row 0 of A or b[0] is beyond the range of a double "
                        + "(|entry| < 1.8e308 is required)");
        Files.writeString(file, "{\"A\": [[], [\"0\"], [\"1e300\", \"-1e300\"]], \"b\": [\"1e300\", \"-1e300\", \"1\"]}");
        assertThat(TableauFile.read(file).b()).containsExactly(1e300, -1e300, 1);
    }
}
