package dev.pipewright.spi;

/**
 * A failed attempt, with a message written for the person who reads the console: what went
 * wrong, with which input, and what to check. The engine prints the message as it is, never a
 * stack trace, so the message must stand on its own.
 *
 * <p>{@link #retryable()} says whether another attempt may help: a refused connection or a
 * timeout from a remote service may pass, a missing file or a syntax error in a Dockerfile will
 * not. The engine retries only retryable failures, and only as often as the stage's
 * {@code retry} setting allows. Any other exception thrown by a stage type counts as a retryable
 * failure with the exception's message.
 */
public class StageFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public StageFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A failure that another attempt may overcome. */
    public static StageFailure retryable(String message) {
        return new StageFailure(message, true, null);
    }

    /** A failure that another attempt may overcome, caused by {@code cause}. */
    public static StageFailure retryable(String message, Throwable cause) {
        return new StageFailure(message, true, cause);
    }

    /** A failure that no further attempt can fix; the engine does not retry it. */
    public static StageFailure permanent(String message) {
        return new StageFailure(message, false, null);
    }

    /** A failure that no further attempt can fix, caused by {@code cause}. */
    public static StageFailure permanent(String message, Throwable cause) {
        return new StageFailure(message, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }
}
