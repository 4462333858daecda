package org.resnetode.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Parquet file of one row group with required (non-null) columns, PLAIN-encoded and uncompressed: what Spark, pandas
 * and DuckDB read, without a Hadoop dependency in the main jar. Layout: {@code PAR1}, one data page per column (a
 * Thrift page header, then the values), the Thrift footer (schema, row group, column offsets), its length, {@code PAR1}.
 * Doubles and longs are little-endian 8-byte values, booleans bit-packed (least significant bit first), strings a
 * little-endian 4-byte length and their UTF-8 bytes; NaN is written as NaN (the column is required).
 */
public final class Parquet {
    /** A column's physical type (Parquet's {@code Type} enum value) and, for strings, the UTF8 annotation. */
    public enum Type {
        BOOLEAN(0), LONG(2), DOUBLE(5), STRING(6);

        final int physical;

        Type(int physical) {
            this.physical = physical;
        }
    }

    /** A named column of one type. */
    public record Column(String name, Type type) {
    }

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int DATA_PAGE = 0;
    private static final int REQUIRED = 0;
    private static final int UTF8 = 0;

    private Parquet() {
    }

    /**
     * The bytes of a Parquet file holding {@code rows} (each row's values in column order: Boolean, Long/Integer,
     * Double, String) under {@code columns}.
     */
    public static byte[] write(List<Column> columns, List<Object[]> rows) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(MAGIC);
        long[] offsets = new long[columns.size()];
        long[] sizes = new long[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            byte[] values = values(columns.get(c), c, rows);
            byte[] header = new ThriftCompact()
                    .i32(1, DATA_PAGE).i32(2, values.length).i32(3, values.length)
                    .struct(5).i32(1, rows.size()).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).end()
                    .end().toByteArray();
            offsets[c] = file.size();
            sizes[c] = header.length + values.length;
            file.writeBytes(header);
            file.writeBytes(values);
        }
        byte[] footer = footer(columns, rows.size(), offsets, sizes);
        file.writeBytes(footer);
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length).array());
        file.writeBytes(MAGIC);
        return file.toByteArray();
    }

    /** Column {@code c}'s values, PLAIN-encoded. */
    private static byte[] values(Column column, int c, List<Object[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        int bits = 0;
        int packed = 0;
        for (Object[] row : rows) {
            Object v = row[c];
            switch (column.type()) {
                case BOOLEAN -> {
                    packed |= ((Boolean) v ? 1 : 0) << bits;
                    if (++bits == 8) {
                        out.write(packed);
                        bits = 0;
                        packed = 0;
                    }
                }
                case LONG -> out.writeBytes(eight.clear().putLong(((Number) v).longValue()).array());
                case DOUBLE -> out.writeBytes(eight.clear().putDouble(((Number) v).doubleValue()).array());
                case STRING -> {
                    byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(s.length).array());
                    out.writeBytes(s);
                }
            }
        }
        if (bits > 0) {
            out.write(packed);
        }
        return out.toByteArray();
    }

    /** FileMetaData: version 1, the schema (a root with one required leaf per column), one row group. */
    private static byte[] footer(List<Column> columns, int rowCount, long[] offsets, long[] sizes) {
        ThriftCompact t = new ThriftCompact().i32(1, 1).list(2, ThriftCompact.STRUCT, columns.size() + 1);
        t.begin().string(4, "schema").i32(5, columns.size()).end();
        for (Column col : columns) {
            t.begin().i32(1, col.type().physical).i32(3, REQUIRED).string(4, col.name());
            if (col.type() == Type.STRING) {
                t.i32(6, UTF8);
            }
            t.end();
        }
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        t.i64(3, rowCount).list(4, ThriftCompact.STRUCT, 1).begin().list(1, ThriftCompact.STRUCT, columns.size());
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            t.begin().i64(2, offsets[c]).struct(3)
                    .i32(1, col.type().physical)
                    .list(2, ThriftCompact.I32, 2).element(PLAIN).element(RLE)
                    .list(3, ThriftCompact.BINARY, 1).element(col.name())
                    .i32(4, 0).i64(5, rowCount).i64(6, sizes[c]).i64(7, sizes[c]).i64(9, offsets[c])
                    .end().end();
        }
        t.i64(2, total).i64(3, rowCount).end();
        t.string(6, "resnet-ode");
        return t.end().toByteArray();
    }
}
