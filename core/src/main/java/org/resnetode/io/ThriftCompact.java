package org.resnetode.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Thrift compact protocol's encoding, as far as Parquet's page headers and file footer need it: structs of i32,
 * i64, binary, list and struct fields. Field headers carry the id delta from the previous field of the same struct
 * (ids here always ascend by 1..15), integers are zigzag varints.
 */
final class ThriftCompact {
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int[] lastField = new int[16];
    private int depth;

    /** A field header: {@code (id - last id) << 4 | type}. */
    ThriftCompact field(int id, int type) {
        int delta = id - lastField[depth];
        if (delta < 1 || delta > 15) {
            throw new IllegalStateException("field ids must ascend by 1..15, got " + id + " after " + lastField[depth]);
        }
        out.write(delta << 4 | type);
        lastField[depth] = id;
        return this;
    }

    ThriftCompact i32(int id, int value) {
        return field(id, I32).varint(zigzag(value));
    }

    ThriftCompact i64(int id, long value) {
        return field(id, I64).varint(zigzag(value));
    }

    ThriftCompact string(int id, String value) {
        field(id, BINARY);
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a struct-valued field; close it with {@link #end()}. */
    ThriftCompact struct(int id) {
        field(id, STRUCT);
        return begin();
    }

    /** A list field header of {@code size} elements of {@code elementType}; elements follow with the element writers. */
    ThriftCompact list(int id, int elementType, int size) {
        field(id, LIST);
        return listHeader(elementType, size);
    }

    /** A list element that is a struct: close it with {@link #end()}. */
    ThriftCompact begin() {
        depth++;
        lastField[depth] = 0;
        return this;
    }

    /** The stop byte closing the current struct. */
    ThriftCompact end() {
        out.write(0);
        depth--;
        return this;
    }

    /** A list element that is an i32 (enums). */
    ThriftCompact element(int value) {
        return varint(zigzag(value));
    }

    /** A list element that is a string. */
    ThriftCompact element(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private ThriftCompact listHeader(int elementType, int size) {
        if (size < 15) {
            out.write(size << 4 | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    private ThriftCompact bytes(byte[] b) {
        varint(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    private ThriftCompact varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
