package dev.pipewright.engine.resume;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Digests values in a canonical form: a salted SHA-256, hex. Two values that a pipeline cannot
 * tell apart digest alike: map keys are sorted, an {@code Integer} and a {@code Long} of the same
 * value are one {@code int}, a decimal is written without trailing zeros, a duration by its exact
 * length. Every value is typed, so {@code "1"}, {@code 1} and {@code 1s} differ.
 *
 * <p>The salt is the state directory's (see {@link FingerprintSalt}): a digest of a short secret
 * cannot be reversed by trying guesses without it. Thread-safe.
 */
public final class ValueDigester {

    private final byte[] salt;
    private final UnaryOperator<String> normalizer;

    /**
     * @param salt prefixed to every value before it is digested
     * @param normalizer applied to every string before it is digested; it replaces what differs
     *     from run to run but means the same, such as the run's own work directory (see
     *     {@link RunPlaceholders})
     */
    public ValueDigester(byte[] salt, UnaryOperator<String> normalizer) {
        this.salt = Objects.requireNonNull(salt, "salt is null").clone();
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer is null");
    }

    /** The hex digest of {@code value}'s canonical form. */
    public String digest(Object value) {
        TextDigest digest = TextDigest.start();
        append(value, digest.text());
        return hex(digest.digest(salt));
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * Lower-case hex, as {@code HexFormat.of().formatHex} writes it, by a plain loop: every stage
     * call turns several digests into hex, and {@code HexFormat} showed in profiles.
     */
    static String hex(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** The canonical form, without salt: for tests and for reading; never written anywhere. */
    String canonical(Object value) {
        StringBuilder canonical = new StringBuilder(64);
        append(value, canonical);
        return canonical.toString();
    }

    // Each value starts with a one-letter tag; strings carry their length, so no separator can be
    // forged by a value's content.
    private void append(Object value, StringBuilder out) {
        if (value == null) {
            out.append('n');
        } else if (value instanceof CharSequence text) {
            String s = normalizer.apply(text.toString());
            out.append('s').append(s.length()).append(':').append(s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "b1" : "b0");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append('i').append(value).append(';');
        } else if (value instanceof Number number) {
            out.append('r').append(decimal(number)).append(';');
        } else if (value instanceof Duration duration) {
            out.append('d').append(duration).append(';');
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(map.size());
            map.forEach((k, v) -> entries.add(Map.entry(String.valueOf(k), v == null ? NULL : v)));
            entries.sort(Map.Entry.comparingByKey());
            out.append('m').append(entries.size()).append(':');
            for (Map.Entry<String, Object> entry : entries) {
                append(entry.getKey(), out);
                append(entry.getValue() == NULL ? null : entry.getValue(), out);
            }
        } else if (value instanceof Iterable<?> iterable) {
            List<Object> items = new ArrayList<>();
            iterable.forEach(items::add);
            out.append('l').append(items.size()).append(':');
            for (Object item : items) {
                append(item, out);
            }
        } else {
            // Not a value type of the language (a Path, an enum): its text is what a stage sees.
            out.append('o').append(value.getClass().getSimpleName()).append(':');
            append(value.toString(), out);
        }
    }

    /** Map.entry rejects null values; this stands in for them while sorting. */
    private static final Object NULL = new Object();

    private static String decimal(Number number) {
        if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (number instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return f.toString();
        }
        BigDecimal exact = number instanceof BigDecimal b ? b : new BigDecimal(number.toString());
        return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
