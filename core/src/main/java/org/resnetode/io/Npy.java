package org.resnetode.io;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of NumPy's {@code .npy} format (versions 1 to 3): the magic {@code \x93NUMPY}, a version, a header
 * length (2 bytes in version 1, 4 after), a Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (2, 3), }}, then the raw data. Numeric dtypes only: floats of 4 or 8 bytes, signed integers of 1 to 8
 * bytes, unsigned of 1 to 4, each in either byte order. Every malformed input ends in one
 * {@link org.resnetode.checks.BadInputException} naming the source and what was expected; nothing else is thrown.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The largest header NumPy writes is far below this; a larger one is a corrupt file, not an array. */
    private static final int MAX_HEADER = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d{1,2})'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Parses one {@code .npy} file held in {@code bytes}; {@code source} names it in error messages. */
    public static NpyArray read(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw error(source, "not a NumPy .npy file (expected the magic bytes \\x93NUMPY at the start)");
            }
        }
        if (bytes.length < 10) {
            throw error(source, "truncated before the header length");
        }
        int major = bytes[6];
        if (major < 1 || major > 3) {
            throw error(source, "unsupported .npy format version " + major + " (expected 1, 2 or 3)");
        }
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = in.getShort(8) & 0xffff;
            start = 10;
        } else {
            if (bytes.length < 12) {
                throw error(source, "truncated before the header length");
            }
            headerLength = in.getInt(8) & 0xffffffffL;
            start = 12;
        }
        if (headerLength > MAX_HEADER || start + headerLength > bytes.length) {
            throw error(source, "header of " + headerLength + " bytes does not fit in the file of " + bytes.length + " bytes");
        }
        String header = new String(bytes, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = find(DESCR, header, source, "'descr' of a numeric dtype such as '<f8', '<f4' or '<i8'");
        Matcher fortran = find(FORTRAN, header, source, "'fortran_order': True or False");
        Matcher shapeMatch = find(SHAPE, header, source, "'shape' as a tuple of non-negative integers");
        int[] shape = shape(shapeMatch.group(1), source);
        char order = descr.group(1).charAt(0);
        char kind = descr.group(2).charAt(0);
        int width = Integer.parseInt(descr.group(3));
        if (!(kind == 'f' && (width == 4 || width == 8)) && !(kind == 'i' && (width == 1 || width == 2 || width == 4 || width == 8))
                && !(kind == 'u' && (width == 1 || width == 2 || width == 4))) {
            throw error(source, "unsupported dtype '" + descr.group(1) + kind + descr.group(3)
                    + "' (expected float 4 or 8 bytes, int 1..8 bytes, uint 1..4 bytes)");
        }
        long count = 1;
        for (int s : shape) {
            count *= s;
            if (count > Integer.MAX_VALUE - 8) {
                throw error(source, "an array of more than " + (Integer.MAX_VALUE - 8) + " values is not supported");
            }
        }
        long dataStart = start + headerLength;
        if (bytes.length - dataStart != count * width) {
            throw error(source, "shape and dtype need " + count * width + " data bytes, the file has " + (bytes.length - dataStart));
        }
        in.order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) count];
        for (int i = 0; i < data.length; i++) {
            data[i] = value(in, (int) dataStart + i * width, kind, width);
        }
        boolean fortranOrder = fortran.group(1).equals("True");
        return new NpyArray(shape, fortranOrder ? toRowMajor(data, shape) : data);
    }

    private static double value(ByteBuffer in, int at, char kind, int width) {
        if (kind == 'f') {
            return width == 8 ? in.getDouble(at) : in.getFloat(at);
        }
        long v;
        switch (width) {
            case 1: v = in.get(at); break;
            case 2: v = in.getShort(at); break;
            case 4: v = in.getInt(at); break;
            default: v = in.getLong(at); break;
        }
        if (kind == 'u') {
            v &= width == 1 ? 0xffL : width == 2 ? 0xffffL : 0xffffffffL;
        }
        return v;
    }

    /** Entries stored column-major (first index fastest) rearranged to row-major (last index fastest). */
    private static double[] toRowMajor(double[] columnMajor, int[] shape) {
        double[] out = new double[columnMajor.length];
        int[] index = new int[shape.length];
        for (int f = 0; f < columnMajor.length; f++) {
            int c = 0;
            for (int axis = 0; axis < shape.length; axis++) {
                c = c * shape[axis] + index[axis];
            }
            out[c] = columnMajor[f];
            for (int axis = 0; axis < shape.length; axis++) {
                if (++index[axis] < shape[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return out;
    }

    private static int[] shape(String tuple, String source) {
        List<Integer> dims = new ArrayList<>();
        for (String part : tuple.split(",")) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.matches("\\d{1,9}L?")) {
                throw error(source, "shape entry '" + Printable.of(t, 80) + "' is not a non-negative integer");
            }
            dims.add(Integer.parseInt(t.replace("L", "")));
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Matcher find(Pattern p, String header, String source, String expected) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw error(source, "header " + Printable.of(header.strip(), 80) + " has no " + expected);
        }
        return m;
    }

    private static BadInputException error(String source, String what) {
        return new BadInputException(source + ": " + what);
    }
}
