package org.resnetode.checks;

/** Text taken from an input, made safe for a one-line error message. */
public final class Printable {
    private Printable() {
    }

    /**
     * At most {@code max} characters of {@code s} (then "..."), with control and non-ASCII characters written as
     * {@code \xNN} (or {@code &#92;uNNNN} beyond U+00FF), so a message quoting a file's content stays one printable line.
     */
    public static String of(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : escape(c));
        }
        return s.length() > max ? sb + "..." : sb.toString();
    }

    /**
     * {@code s} as one visible line: every character that is not visible (controls such as line breaks, format
     * characters such as zero-width spaces and direction marks, separators other than the plain space, surrogate,
     * private-use and unassigned code units) is written as {@code \xNN} or {@code &#92;uNNNN}; printable non-ASCII text
     * (θ, ≈) stays as it is.
     */
    public static String line(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(visible(c) ? String.valueOf(c) : escape(c));
        }
        return sb.toString();
    }

    private static boolean visible(char c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED:
                return false;
            case Character.SPACE_SEPARATOR:
                return c == ' ';
            default:
                return true;
        }
    }

    private static String escape(char c) {
        return c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }
}
