package dev.pipewright.stages.git;

import dev.pipewright.spi.StageFailure;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.transport.URIish;

/**
 * Turns what JGit throws into one sentence a person can act on, naming the URL (without its
 * password) and the ref. Not-found, authentication and ref errors are permanent: another attempt
 * would fail the same way. Network errors are retryable.
 */
final class GitFailures {

    private GitFailures() {
    }

    /** A failure talking to {@code url} about {@code ref} (null: the default branch). */
    static StageFailure remote(Throwable error, String url, String ref, Redactor redactor) {
        String at = refPhrase(ref);
        String reason = redactor.mask(rootMessage(error));
        String lower = chainText(error).toLowerCase(Locale.ROOT);
        StageFailure failure;
        if (has(error, UnknownHostException.class) || lower.contains("unknown host")) {
            failure = StageFailure.permanent("unknown host `" + host(url) + "` in " + url + " (" + at
                    + "); check the host name in the URL", error);
        } else if (lower.contains("not authorized") || lower.contains("authentication")) {
            failure = StageFailure.permanent("authentication failed for " + url + " (" + at
                    + "); check `username` and `password` (pass the password as secret.NAME)", error);
        } else if (has(error, NoRemoteRepositoryException.class) || lower.contains("not found")
                || lower.contains("not exported") || lower.contains("does not appear to be a git repository")) {
            failure = StageFailure.permanent("repository " + url + " not found (" + at
                    + "); check the URL and that the repository exists", error);
        } else if (has(error, NotSupportedException.class) || lower.contains("uri not supported")) {
            failure = StageFailure.permanent("cannot use " + url + " (" + at
                    + "): the URL is not supported; use https://, http://, git://, file:// or a local path", error);
        } else {
            failure = StageFailure.retryable("cannot reach " + url + " (" + at + "): " + reason, error);
        }
        return failure;
    }

    /** The ref was given but the repository has no branch, tag or commit of that name. */
    static StageFailure refNotFound(String url, String ref) {
        return StageFailure.permanent("ref `" + ref + "` not found in " + url
                + "; give an existing branch, tag or commit");
    }

    static String refPhrase(String ref) {
        return ref == null ? "default branch" : "ref `" + ref + "`";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String chainText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** The innermost message, which says what actually happened ("Connection refused"). */
    private static String rootMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private static String host(String url) {
        try {
            String host = new URIish(url).getHost();
            return host == null ? url : host;
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
