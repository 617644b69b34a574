package dev.pipewright.stages.git;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks credentials in every text a stage hands out: log lines, progress messages, failure
 * messages. The engine masks {@code secret.*} values too, but a password written into a URL is
 * not a secret value the engine knows about, and JGit quotes URLs in its own messages.
 */
record Redactor(List<String> secrets) {

    static final String MASK = "***";

    Redactor {
        secrets = List.copyOf(secrets);
    }

    /** Masks {@code secrets} as written, URL-encoded and URL-decoded (a URL may carry either form). */
    static Redactor of(String... secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            try {
                forms.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // a secret with a stray '%' has no decoded form
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        return new Redactor(forms.stream().sorted((a, b) -> b.length() - a.length()).toList());
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
