package dev.pipewright.engine.resume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The SHA-256 of a text's UTF-8 bytes, made with buffers this thread keeps: every stage call
 * digests several texts (each argument, each read, the fingerprint itself), and a new
 * {@code StringBuilder}, {@code String} and byte array for each showed in allocation profiles of
 * runs of many small stages. The bytes digested are exactly {@code text.getBytes(UTF_8)}.
 *
 * <p>Use: {@code TextDigest d = TextDigest.start(); d.text().append(...); d.digest(prefix)}, with
 * nothing in between that digests too (not reentrant; one per thread).
 */
final class TextDigest {

    private static final ThreadLocal<TextDigest> OF_THREAD = ThreadLocal.withInitial(TextDigest::new);

    /** Beyond this, a text's buffer is not kept for the next one: one huge argument must not pin memory. */
    private static final int KEPT_CHARS = 1 << 16;

    private final MessageDigest sha256 = ValueDigester.sha256();
    private final byte[] bytes = new byte[4096];
    private StringBuilder text = new StringBuilder(256);

    private TextDigest() {
    }

    /** This thread's digest, empty. */
    static TextDigest start() {
        TextDigest digest = OF_THREAD.get();
        if (digest.text.capacity() > KEPT_CHARS) {
            digest.text = new StringBuilder(256);
        }
        digest.text.setLength(0);
        digest.sha256.reset();
        return digest;
    }

    /** Where the text to digest is written. */
    StringBuilder text() {
        return text;
    }

    /** The SHA-256 of {@code prefix} (none when null) followed by the text's UTF-8 bytes. */
    byte[] digest(byte[] prefix) {
        if (prefix != null) {
            sha256.update(prefix);
        }
        int length = text.length();
        int filled = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Not ASCII: what is left goes through the JDK's encoder (surrogates and all).
                sha256.update(bytes, 0, filled);
                sha256.update(text.substring(i).getBytes(StandardCharsets.UTF_8));
                return sha256.digest();
            }
            bytes[filled++] = (byte) c;
            if (filled == bytes.length) {
                sha256.update(bytes, 0, filled);
                filled = 0;
            }
        }
        sha256.update(bytes, 0, filled);
        return sha256.digest();
    }
}
