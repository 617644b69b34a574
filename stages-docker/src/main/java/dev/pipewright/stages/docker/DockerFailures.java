package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import dev.pipewright.spi.StageFailure;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what docker-java throws into one sentence for the console: what was being done, what the
 * engine said, and for an engine that does not answer, where it was looked for and what to check.
 */
public final class DockerFailures {

    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final DockerEndpoint endpoint;

    DockerFailures(DockerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * A failure for {@code e}, thrown while trying to {@code doing} ("start a container from local/app:1").
     * The engine's 4xx answers (no such image, a conflict, a bad request) are permanent; an engine
     * that does not answer or answers 5xx may do better on the next attempt.
     */
    public StageFailure failure(RuntimeException e, String doing) {
        if (e instanceof LocalFileException) {
            return StageFailure.permanent("Could not " + doing + ": " + rootMessage(e) + ".", e);
        }
        boolean retryable = isUnreachable(e)
                || (e instanceof DockerException d && d.getHttpStatus() >= 500);
        return new StageFailure(describe(e, doing), retryable, e);
    }

    /** The sentence {@link #failure} uses. */
    public String describe(RuntimeException e, String doing) {
        if (e instanceof DockerEngine.DockerUnreachableException) {
            return e.getMessage();
        }
        if (isUnreachable(e)) {
            return "Cannot reach the Docker engine at " + endpoint.describe() + " (" + rootMessage(e) + "); "
                    + endpoint.advice() + ".";
        }
        if (e instanceof DockerException d) {
            return "Could not " + doing + ": the Docker engine answered " + engineMessage(d) + ".";
        }
        if (e instanceof DockerClientException) {
            return "Could not " + doing + ": " + e.getMessage() + ".";
        }
        return "Could not " + doing + ": " + rootMessage(e) + ".";
    }

    /** Whether {@code e} says the engine could not be reached at all (no socket, refused, reset, TLS). */
    static boolean isUnreachable(Throwable e) {
        if (e instanceof DockerEngine.DockerUnreachableException) {
            return true;
        }
        if (e instanceof DockerException || e instanceof LocalFileException) {
            return false; // the engine answered with an HTTP status, or the problem is on this side
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's own message from a {@code Status 404: {"message":"No such image: x"}} answer. */
    static String engineMessage(DockerException e) {
        return "\"" + engineText(e) + "\" (HTTP " + e.getHttpStatus() + ")";
    }

    /** What the engine said, without the HTTP wrapping. */
    static String engineText(DockerException e) {
        String raw = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = JSON_MESSAGE.matcher(raw);
        String message = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", " ") : raw;
        return message.replaceFirst("^Status \\d+:\\s*", "").strip();
    }

    /** The innermost message, which for I/O problems is the useful one ("Connection refused"). */
    static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // Wrapped exceptions repeat their cause as "java.io.IOException: message".
        return message.replaceAll("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*:\\s*", "").strip();
    }

    /** A problem with a file on this machine during an engine call; never means the engine is unreachable. */
    static final class LocalFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LocalFileException(java.io.IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
