package org.resnetode.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.Parquet;

/** Rows written as CSV read back bit for bit; the Parquet file's frame (Spark SQL reads its content in the spark module). */
class SweepTableTest {
    private static final List<Parquet.Column> COLUMNS = List.of(new Parquet.Column("index", Parquet.Type.LONG),
            new Parquet.Column("key", Parquet.Type.STRING), new Parquet.Column("flag", Parquet.Type.BOOLEAN),
            new Parquet.Column("x", Parquet.Type.DOUBLE), new Parquet.Column("note", Parquet.Type.STRING));

    @Test
    void csvLinesReadBackBitForBit() {
        SweepTable t = new SweepTable(COLUMNS);
        List<SweepRow> rows = List.of(
                new SweepRow(0, "a,b", new Object[] {0L, "a,b", true, Double.NaN, "say \"no\", twice"}),
                new SweepRow(1, "c", new Object[] {1L, "c", false, -0.0, ""}),
                new SweepRow(2, "d", new Object[] {2L, "d", true, Math.nextUp(1.0), "line\nbreak"}),
                new SweepRow(3, "e", new Object[] {3L, "e", false, Double.NEGATIVE_INFINITY, "x"}));
        String csv = t.csv(rows);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("index,key,flag,x,note");
        assertThat(lines.get(1)).isEqualTo("0,\"a,b\",true,NaN,\"say \"\"no\"\", twice\"");
        for (int i = 0; i < rows.size(); i++) {
            SweepRow back = t.parse(lines.get(i + 1));
            Object[] expected = rows.get(i).values();
            expected[4] = ((String) expected[4]).replace('\n', ' ');
            assertThat(back.index()).isEqualTo(i);
            assertThat(back.values()).containsExactly(expected);
            assertThat(Double.doubleToRawLongBits((Double) back.values()[3]))
                    .isEqualTo(Double.doubleToRawLongBits((Double) expected[3]));
        }
    }

    @Test
    void malformedLinesAreBadInput() {
        SweepTable t = new SweepTable(COLUMNS);
        assertThatThrownBy(() -> t.parse("0,a,true")).isInstanceOf(BadInputException.class).hasMessageContaining("3 cells");
        assertThatThrownBy(() -> t.parse("0,a,yes,1.0,x")).isInstanceOf(BadInputException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> t.parse("0,a,true,1.0q,x")).isInstanceOf(BadInputException.class).hasMessageContaining("malformed number");
        assertThatThrownBy(() -> t.parse("0,\"a,true,1.0,x")).isInstanceOf(BadInputException.class).hasMessageContaining("quoted cell");
    }

    /**
     * The frame: PAR1 at both ends, the footer's length before the closing magic, and the first column's page right
     * after the opening magic holding its PLAIN values (little-endian longs) after the page header.
     */
    @Test
    void parquetFrame() {
        List<Object[]> rows = List.of(new Object[] {7L, "x", true, 1.5, ""}, new Object[] {9L, "yz", false, -2.0, "n"});
        byte[] file = Parquet.write(COLUMNS, rows);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(file, file.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        int footer = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(footer).isPositive().isLessThan(file.length - 12);
        String tail = new String(file, file.length - 8 - footer, footer, StandardCharsets.ISO_8859_1);
        assertThat(tail).contains("schema", "index", "key", "flag", "x", "note", "resnet-ode");
        byte[] sixteen = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7L).putLong(9L).array();
        assertThat(indexOf(file, sixteen)).isBetween(4, 40);
        byte[] doubles = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-2.0).array();
        assertThat(indexOf(file, doubles)).isPositive();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
