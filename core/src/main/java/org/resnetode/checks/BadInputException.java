package org.resnetode.checks;

/**
 * Input a user (command line, grid file, data or network file, Java caller) got wrong: a value out of its range, a
 * shape that does not fit, a malformed file. The command line maps it to exit code 2 with its message on one line;
 * every other exception, {@link IllegalArgumentException} from inside the numerics included, is an internal error
 * (exit 3). The message names the problem and, where there is one, the option or file it came from.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
