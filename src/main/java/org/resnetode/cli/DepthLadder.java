package org.resnetode.cli;

import org.resnetode.claim.Ladder;
import picocli.CommandLine;

/**
 * Parses a depth ladder: {@code LOW:HIGH} is the geometric ladder LOW, 2 LOW, 4 LOW, ... up to HIGH
 * (HIGH itself appended when the doubling skips it), {@code LOW:HIGH:FACTOR} uses another integer ratio,
 * and {@code 10,20,40} is an explicit list.
 */
public record DepthLadder(int[] depths) {

    /** Picocli converter for options of type {@link DepthLadder}. */
    public static final class Converter implements CommandLine.ITypeConverter<DepthLadder> {
        @Override
        public DepthLadder convert(String value) {
            return new DepthLadder(parse(value));
        }
    }

    public static int[] parse(String value) {
        String v = value.trim();
        try {
            if (v.contains(":")) {
                String[] parts = v.split(":", -1);
                if (parts.length < 2 || parts.length > 3) {
                    throw malformed(value, "expected LOW:HIGH or LOW:HIGH:FACTOR");
                }
                long low = Long.parseLong(parts[0].trim());
                long high = Long.parseLong(parts[1].trim());
                long factor = parts.length == 3 ? Long.parseLong(parts[2].trim()) : 2;
                if (low < 1 || high < low || factor < 2 || high > Integer.MAX_VALUE) {
                    throw malformed(value, "need 1 <= LOW <= HIGH <= " + Integer.MAX_VALUE + " and FACTOR >= 2");
                }
                return Ladder.geometric(low, high, factor);
            }
            String[] parts = v.split(",", -1);
            int[] depths = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                depths[i] = Integer.parseInt(parts[i].trim());
                if (depths[i] < 1) {
                    throw malformed(value, "depth " + depths[i] + " is below 1");
                }
            }
            return depths;
        } catch (NumberFormatException e) {
            throw malformed(value, "'" + e.getMessage().replace("For input string: ", "").replace("\"", "")
                    + "' is not a whole number");
        }
    }

    private static CommandLine.TypeConversionException malformed(String value, String why) {
        return new CommandLine.TypeConversionException("malformed depth ladder '" + value + "': " + why
                + " (examples: 8:4096, 1000:1000000:10, 10,20,40)");
    }
}
