package org.resnetode.cli;

import org.resnetode.claim.Ladder;
import picocli.CommandLine;

/** A depth ladder option ({@code --depths}): the forms of {@link Ladder#parse}. */
public record DepthLadder(int[] depths) {

    /** Picocli converter for options of type {@link DepthLadder}. */
    public static final class Converter implements CommandLine.ITypeConverter<DepthLadder> {
        @Override
        public DepthLadder convert(String value) {
            return new DepthLadder(parse(value));
        }
    }

    /** The ladder {@code value} names ({@link Ladder#parse}); a malformed one is a parameter error of its option. */
    public static int[] parse(String value) {
        try {
            return Ladder.parse(value);
        } catch (org.resnetode.checks.BadInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
