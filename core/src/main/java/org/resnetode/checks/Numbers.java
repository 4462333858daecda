package org.resnetode.checks;

import java.util.regex.Pattern;

/**
 * The one strict reader of numbers typed by a user or found in a text file: plain ASCII decimal notation only
 * ({@code 12}, {@code -0.5}, {@code 1e-3}, {@code .25}). Java's own extras ({@code 1f}, {@code 2d}, {@code 0x1p0},
 * {@code NaN}, {@code Infinity}, digits of other scripts, surrounding blanks) are refused, and so is a number too large
 * for its type; every refusal is a {@link BadInputException} naming {@code what} (when not empty) and the text.
 */
public final class Numbers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private Numbers() {
    }

    /** A whole number that fits an {@code int}. */
    public static int parseInt(String what, String text) {
        long v = parseLong(what, text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BadInputException(prefix(what) + quoted(text) + " is beyond the range of a whole number here ("
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }

    /** A whole number that fits a {@code long}. */
    public static long parseLong(String what, String text) {
        if (text == null || !INTEGER.matcher(text).matches()) {
            throw new BadInputException(prefix(what) + quoted(text) + " is not a whole number (digits 0-9, optional sign)");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(prefix(what) + quoted(text) + " is beyond the range of a whole number ("
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
    }

    /**
     * Whether {@code text} is written in plain decimal notation ({@code 12}, {@code -0.5}, {@code 1e-3}, {@code .25}):
     * not Java's own forms ({@code 1f}, {@code 0x1p0}, {@code NaN}, {@code Infinity}, digits of other scripts).
     */
    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /**
     * Whether a data file's cell is a number a reader may take: plain decimal notation, or {@code NaN} and
     * {@code Infinity} (signed), which the reader then refuses as not finite with a message of their own.
     */
    public static boolean isDataNumber(String text) {
        return isDecimal(text) || text != null && text.matches("[+-]?(NaN|Infinity)");
    }

    /**
     * A finite decimal number. A literal whose magnitude overflows a double (beyond about 1.8e308) is refused; one that
     * underflows reads as the nearest double (0 or a subnormal), as in any decimal-to-binary conversion.
     */
    public static double parseDouble(String what, String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new BadInputException(prefix(what) + quoted(text)
                    + " is not a decimal number (plain notation like 0.5, -2, 1e-3)");
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw new BadInputException(prefix(what) + quoted(text) + " overflows a double (largest about 1.8e308)");
        }
        return v;
    }

    private static String prefix(String what) {
        return what.isEmpty() ? "" : what + ": ";
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "'" + Printable.of(text, 40) + "'";
    }
}
