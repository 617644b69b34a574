package dev.pipewright.stages.git;

import dev.pipewright.spi.StageFailure;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A remote repository as the stages use it: its URL with any password taken out (safe to show,
 * and what is stored in the clone's {@code .git/config}), the credentials to send, and a redactor
 * for the password.
 *
 * @param url the URL without its password
 * @param credentials what to answer when the server asks; null when nothing was given
 * @param redactor masks the password wherever it might surface
 */
record Remote(String url, CredentialsProvider credentials, Redactor redactor) {

    private static final Pattern USER_INFO = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*:([^/]*)@");

    /**
     * @param url as the pipeline wrote it, perhaps {@code https://user:password@host/repo.git}
     * @param username overrides the URL's user name; may be null
     * @param password overrides the URL's password; may be null
     */
    static Remote of(String url, String username, String password) {
        URIish parsed = parse(url);
        String user = username != null ? username : parsed == null ? null : parsed.getUser();
        String urlPassword = parsed == null ? rawPassword(url) : parsed.getPass();
        String pass = password != null ? password : urlPassword;
        Redactor redactor = Redactor.of(password, urlPassword);
        String safe;
        if (parsed == null) {
            safe = redactor.mask(url);
        } else if ("git".equals(parsed.getScheme())) {
            // The git protocol has no authentication, and JGit refuses git:// URLs with a user in them.
            safe = parsed.setUser(null).setPass(null).toString();
        } else {
            safe = parsed.setPass(null).toString();
        }
        CredentialsProvider credentials = user == null && pass == null
                ? null
                : new UsernamePasswordCredentialsProvider(user == null ? "" : user, pass == null ? "" : pass);
        return new Remote(safe, credentials, redactor);
    }

    /**
     * Fails for SSH URLs ({@code ssh://host/repo}, {@code git@host:repo}): the plugin ships no SSH
     * client, and JGit would otherwise report a confusing transport error that looks retryable.
     */
    Remote requireSupported(String ref) throws StageFailure {
        URIish parsed = parse(url);
        boolean ssh = parsed != null && parsed.getHost() != null
                && (parsed.getScheme() == null || parsed.getScheme().startsWith("ssh") || parsed.getScheme().endsWith("+ssh"));
        if (ssh) {
            throw StageFailure.permanent("cannot use " + url + " (" + GitFailures.refPhrase(ref)
                    + "): SSH URLs are not supported; use the https:// URL with `username` and `password = secret.NAME`");
        }
        return this;
    }

    /** The password of a URL that URIish cannot read (a stray '%', say): still a password to mask. */
    private static String rawPassword(String url) {
        Matcher userInfo = USER_INFO.matcher(url);
        return userInfo.find() ? userInfo.group(1) : null;
    }

    private static URIish parse(String url) {
        try {
            return new URIish(url);
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }
}
