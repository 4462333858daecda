package org.resnetode.checks;

/** Text taken from an input file, made safe for a one-line error message. */
public final class Printable {
    private Printable() {
    }

    /**
     * At most {@code max} characters of {@code s} (then "..."), with control and non-ASCII characters written as
     * {@code \xNN}, so a message quoting a file's content stays one printable line.
     */
    public static String of(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xff));
        }
        return s.length() > max ? sb + "..." : sb.toString();
    }
}
