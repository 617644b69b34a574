package dev.pipewright.cli;

/**
 * A mistake in how the command was called (a missing file, a bad parameter): reported as one
 * sentence, never a stack trace, with exit code 2.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
