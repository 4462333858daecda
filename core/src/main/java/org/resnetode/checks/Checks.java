package org.resnetode.checks;

/**
 * The one judge of input values: every config record and reader calls these at construction, so the command line, a
 * grid file, a Spark task and a Java caller get the same answer. Each check returns its value or throws
 * {@link BadInputException} naming {@code what} and the value it got.
 */
public final class Checks {
    private Checks() {
    }

    /** {@code value} if it is at least 1. */
    public static int positive(String what, int value) {
        return atLeast(what, value, 1);
    }

    /** {@code value} if it is at least {@code min}. */
    public static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new BadInputException(what + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} if it lies in {@code [min, max]}. */
    public static int inRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadInputException(what + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** {@code value} if it is a finite number. */
    public static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new BadInputException(what + " must be a finite number, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and greater than zero. */
    public static double positive(String what, double value) {
        if (!(finite(what, value) > 0)) {
            throw new BadInputException(what + " must be greater than 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it lies in the open interval {@code (lo, hi)}. */
    public static double openInterval(String what, double value, double lo, double hi) {
        if (!(finite(what, value) > lo && value < hi)) {
            throw new BadInputException(what + " must lie strictly between " + lo + " and " + hi + ", got " + value);
        }
        return value;
    }

    /** {@code values} if every entry is finite; the message names the first entry that is not, by index. */
    public static double[] finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException(what + " must be finite, but entry " + i + " is " + values[i]);
            }
        }
        return values;
    }

    /** {@code values} if it holds exactly {@code length} entries. */
    public static double[] length(String what, double[] values, int length) {
        if (values.length != length) {
            throw new BadInputException(what + " must have " + length + " entries, got " + values.length);
        }
        return values;
    }

    /** {@code name} if it is one of {@code names}. */
    public static String oneOf(String what, String name, java.util.List<String> names) {
        if (!names.contains(name)) {
            throw new BadInputException("unknown " + what + " '" + Printable.of(String.valueOf(name), 40)
                    + "' (expected one of " + names + ")");
        }
        return name;
    }

    /** Doubles one Java array can hold. */
    public static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

    /**
     * {@code depths} if it is a usable depth ladder: at least one depth, every depth at least {@code minimum}, no depth
     * twice (a repeated depth would give a rate fit a zero-width interval and a verdict on no new evidence).
     */
    public static int[] ladder(String what, int[] depths, int minimum) {
        if (depths.length == 0) {
            throw new BadInputException(what + " is empty");
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int n : depths) {
            if (n < minimum) {
                throw new BadInputException(what + ": depth " + n + " is below " + minimum + ", the smallest depth here");
            }
            if (!seen.add(n)) {
                throw new BadInputException(what + ": depth " + n + " appears twice " + java.util.Arrays.toString(depths));
            }
        }
        return depths;
    }

    /** {@code count} if that many doubles fit in one Java array ({@link #ARRAY_LIMIT}), naming {@code what} if not. */
    public static long arrayFits(String what, long count) {
        if (count < 0 || count > ARRAY_LIMIT) {
            throw new BadInputException(what + " needs " + (count < 0 ? "more than 2^63" : String.valueOf(count))
                    + " doubles in one array, more than the " + ARRAY_LIMIT + " a Java array holds");
        }
        return count;
    }

    /**
     * {@code file} if it is a regular file that can be read; otherwise the reason, after {@code what} (the option and
     * the path as the user gave them): no such file, a directory, or not readable.
     */
    public static java.nio.file.Path readableFile(String what, java.nio.file.Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new BadInputException(what + ": is a directory, not a file");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new BadInputException(what + ": no such file");
        }
        if (!java.nio.file.Files.isReadable(file)) {
            throw new BadInputException(what + ": cannot be read (permission denied)");
        }
        return file;
    }

    /** Throws when {@code condition} is false, with {@code message}. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new BadInputException(message);
        }
    }
}
