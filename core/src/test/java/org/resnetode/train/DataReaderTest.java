package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data readers: the bundled digits, CSV files, and every malformed input as one clear message. */
class DataReaderTest {
    @TempDir
    Path dir;

    static Dataset parse(String text, int classes, int targets) throws IOException {
        return DataReader.read("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), classes, targets, 1);
    }

    @Test
    void digitsAreTheBundledFileScaledBySixteen() throws IOException {
        Dataset d = DataReader.digits();
        assertThat(d.rows()).isEqualTo(1797);
        assertThat(d.features()).isEqualTo(64);
        assertThat(d.outputs()).isEqualTo(10);
        // the first line of the raw file, read here independently of the reader
        String first;
        try (InputStream in = new GZIPInputStream(DataReader.class.getResourceAsStream("/data/digits.csv.gz"))) {
            first = new String(in.readNBytes(400), StandardCharsets.US_ASCII).lines().findFirst().orElseThrow();
        }
        String[] cells = first.split(",");
        for (int j = 0; j < 64; j++) {
            assertThat(d.inputs()[j]).isEqualTo(Integer.parseInt(cells[j]) / 16.0);
        }
        assertThat(d.labels()[0]).isEqualTo(Integer.parseInt(cells[64]));
        assertThat(java.util.Arrays.stream(d.inputs()).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        int[] counts = new int[10];
        for (int l : d.labels()) {
            counts[l]++;
        }
        assertThat(java.util.Arrays.stream(counts).min().getAsInt()).isGreaterThan(150);
        Dataset.Split s = d.split(DataReader.DIGITS_TEST_ROWS);
        assertThat(s.train().rows()).isEqualTo(1437);
        assertThat(s.test().rows()).isEqualTo(360);
        assertThat(s.test().labels()[359]).isEqualTo(d.labels()[1796]);
        assertThat(s.test().inputs()[0]).isEqualTo(d.inputs()[1437 * 64]);
    }

    @Test
    void labelsAndRealTargets() throws IOException {
        Dataset c = parse("1,2,0\n\n3.5,-4,1\n", 2, 0);
        assertThat(c.classification()).isTrue();
        assertThat(c.rows()).isEqualTo(2);
        assertThat(c.inputs()).containsExactly(1, 2, 3.5, -4);
        assertThat(c.labels()).containsExactly(0, 1);
        Dataset r = parse("1, 2, 0.5, -1\n3,4,1e-3,2\n", 0, 2);
        assertThat(r.classification()).isFalse();
        assertThat(r.features()).isEqualTo(2);
        assertThat(r.targets()).containsExactly(0.5, -1, 1e-3, 2);
        assertThat(r.slice(1, 2).targets()).containsExactly(1e-3, 2);
        assertThat(r.slice(1, 2).inputs()).containsExactly(3, 4);
        assertThat(r.outputs()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1,2,0;1,x,1|f.csv line 2, column 2: expected a number, found 'x'",
            "1,2,0;1,2|f.csv line 2 has 2 columns, expected 3 as on line 1",
            "1,2,0;1,2,3,0|f.csv line 2 has 4 columns, expected 3 as on line 1",
            "1,2,10|f.csv line 1, column 3: label 10 is outside the classes 0..9",
            "1,2,-1|f.csv line 1, column 3: label -1 is outside the classes 0..9",
            "1,2,1.5|f.csv line 1, column 3: label 1.5 is outside the classes 0..9",
            "1,2,1e20|f.csv line 1, column 3: label 1.0E20 is outside the classes 0..9",
            "1,2,123456789012345678901|f.csv line 1, column 3: label 1.2345678901234568E20 is outside the classes 0..9",
            "1,abcdefghijklmnopqrstu,1|f.csv line 1, column 2: expected a number, found 'abcdefghijklmnopqrst...'",
            "1,abcdefghijklmnopqrst,1|f.csv line 1, column 2: expected a number, found 'abcdefghijklmnopqrst'",
            "NaN,2,1|f.csv line 1, column 1: expected a finite number, found 'NaN'",
            "1,Infinity,1|f.csv line 1, column 2: expected a finite number, found 'Infinity'",
            "1,1e400,1|f.csv line 1, column 2: expected a finite number, found '1e400'",
            "1,,1|f.csv line 1, column 2: expected a number, found ''",
            "1f,2,1|f.csv line 1, column 1: expected a number, found '1f'",
            "1,0x1p0,1|f.csv line 1, column 2: expected a number, found '0x1p0'",
            "3|f.csv line 1 has 1 columns: expected at least one feature then the label",
            "pixel0,label;1,2|f.csv line 1, column 1: expected a number, found 'pixel0'"})
    void malformedFilesNameTheLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> parse(text.replace(';', '\n'), 10, 0)).isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }

    @Test
    void emptyFilesAndBadSettingsAreRefused() {
        assertThatThrownBy(() -> parse("\n\n", 10, 0)).hasMessage("f.csv has no data rows");
        assertThatThrownBy(() -> parse("1,2\n", 1, 0)).hasMessageContaining("at least 2 classes or at least 1 real target");
        assertThatThrownBy(() -> parse("1,2\n", 10, -1)).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> parse("1,2\n", 0, 2)).hasMessage("f.csv line 1 has 2 columns: expected at least one feature then 2 targets");
    }

    @Test
    void filesPlainAndGzipAndMissing() throws IOException {
        Path plain = dir.resolve("a.csv");
        Files.writeString(plain, "0.5,1\n0.25,0\n");
        assertThat(DataReader.file(plain, 2, 0).labels()).containsExactly(1, 0);
        Path gz = dir.resolve("a.csv.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("0.5,1\n0.25,0\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(DataReader.file(gz, 2, 0).inputs()).containsExactly(0.5, 0.25);
        assertThatThrownBy(() -> DataReader.file(dir.resolve("none.csv"), 2, 0)).hasMessageContaining("does not exist");
        Path notGzip = dir.resolve("b.csv.gz");
        Files.writeString(notGzip, "1,0\n");
        assertThatThrownBy(() -> DataReader.file(notGzip, 2, 0)).hasMessageContaining("cannot read data file");
    }

    @Test
    void splitsAndSlicesCheckTheirBounds() throws IOException {
        Dataset d = parse("1,0\n2,1\n3,0\n", 2, 0);
        assertThatThrownBy(() -> d.split(3)).hasMessageContaining("must leave at least one training row");
        assertThatThrownBy(() -> d.split(0)).hasMessageContaining("keep at least one test row");
        assertThatThrownBy(() -> d.slice(2, 2)).hasMessageContaining("rows 2..2 are not a non-empty part");
        assertThat(d.split(1).test().inputs()).containsExactly(3);
        assertThat(d.slice(1, 3).labels()).containsExactly(1, 0);
        assertThatThrownBy(() -> new Dataset("x", 2, 2, new double[3], new int[2], null, 2)).hasMessageContaining("need 4 values");
        assertThatThrownBy(() -> new Dataset("x", 1, 1, new double[1], null, null, 2)).hasMessageContaining("either labels or real targets");
    }
}
