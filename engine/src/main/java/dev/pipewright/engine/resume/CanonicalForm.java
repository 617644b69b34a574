package dev.pipewright.engine.resume;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The canonical bytes of a stage call's inputs, and digests of them. Two values that a pipeline
 * cannot tell apart are written alike: map keys are sorted, an {@code Integer} and a {@code Long}
 * of the same value are one {@code int}, a decimal is written without trailing zeros, a duration
 * by its exact length. Every value is typed, so {@code "1"}, {@code 1} and {@code 1s} differ.
 * Each value starts with a one-letter tag and strings carry their length in bytes, so no
 * content can forge a boundary.
 *
 * <p>A call writes all its inputs into one buffer: the fingerprint is one SHA-256 over all of
 * it, and each input's own digest is taken over its part of the buffer. The buffer belongs to
 * the thread (every stage call writes one; a new one each time showed in allocation profiles of
 * runs of many small stages). Use: {@code CanonicalForm form = CanonicalForm.start(normalizer)},
 * then write, then digest, with nothing in between that starts another (not reentrant).
 */
final class CanonicalForm {

    private static final ThreadLocal<CanonicalForm> OF_THREAD = ThreadLocal.withInitial(CanonicalForm::new);

    /** Beyond this, a buffer is not kept for the next call: one huge argument must not pin memory. */
    private static final int KEPT_BYTES = 1 << 16;

    /**
     * MurmurHash3 x64 128-bit: of hash4j's 128-bit hashes, the one with the least code to compile
     * (XXH3's took 50 ms of a fresh JVM's C1 time), and as fast on the short values of most calls.
     */
    private static final Hasher128 FAST = Hashing.murmur3_128();

    private final MessageDigest sha256 = sha256();
    private byte[] bytes = new byte[512];
    private int length;
    private UnaryOperator<String> normalizer;

    private CanonicalForm() {
    }

    /**
     * This thread's form, empty.
     *
     * @param normalizer applied to every string value before it is written; it replaces what
     *     differs from run to run but means the same, such as the run's own work directory (see
     *     {@link RunPlaceholders})
     */
    static CanonicalForm start(UnaryOperator<String> normalizer) {
        CanonicalForm form = OF_THREAD.get();
        if (form.bytes.length > KEPT_BYTES) {
            form.bytes = new byte[512];
        }
        form.length = 0;
        form.normalizer = normalizer;
        return form;
    }

    /** How many bytes are written so far: where the next value starts. */
    int length() {
        return length;
    }

    /** Writes a one-letter tag. */
    CanonicalForm tag(char tag) {
        ensure(1);
        bytes[length++] = (byte) tag;
        return this;
    }

    /** Writes a name or other text of the engine's own, as it is (not normalized). */
    CanonicalForm text(String text) {
        if (text == null) {
            return tag('n');
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        tag('s').ascii(Integer.toString(utf8.length)).tag(':');
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /** Writes a value of the language (or any other object, by its type and text). */
    CanonicalForm value(Object value) {
        if (value == null) {
            tag('n');
        } else if (value instanceof CharSequence text) {
            text(normalizer.apply(text.toString()));
        } else if (value instanceof Boolean b) {
            tag('b').tag(b ? '1' : '0');
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            tag('i').ascii(value.toString()).tag(';');
        } else if (value instanceof Number number) {
            tag('r').ascii(decimal(number)).tag(';');
        } else if (value instanceof Duration duration) {
            tag('d').ascii(duration.toString()).tag(';');
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(map.size());
            map.forEach((k, v) -> entries.add(Map.entry(String.valueOf(k), v == null ? NULL : v)));
            entries.sort(Map.Entry.comparingByKey());
            tag('m').ascii(Integer.toString(entries.size())).tag(':');
            for (Map.Entry<String, Object> entry : entries) {
                value(entry.getKey());
                value(entry.getValue() == NULL ? null : entry.getValue());
            }
        } else if (value instanceof Iterable<?> iterable) {
            List<Object> items = new ArrayList<>();
            iterable.forEach(items::add);
            tag('l').ascii(Integer.toString(items.size())).tag(':');
            for (Object item : items) {
                value(item);
            }
        } else {
            // Not a value type of the language (a Path, an enum): its text is what a stage sees.
            tag('o').text(value.getClass().getSimpleName());
            value(value.toString());
        }
        return this;
    }

    /** The SHA-256 of {@code prefix} followed by the bytes from {@code from} to the end. */
    byte[] sha256(byte[] prefix, int from) {
        sha256.reset();
        sha256.update(prefix);
        sha256.update(bytes, from, length - from);
        return sha256.digest();
    }

    /** A fast 128-bit hash, not cryptographic, hex, of the bytes from {@code from} to the end. */
    String fastHash(int from) {
        HashValue128 hash = FAST.hashBytesTo128Bits(bytes, from, length - from);
        return Hex.of(hash.getMostSignificantBits(), hash.getLeastSignificantBits());
    }

    /** The bytes written, for tests. */
    byte[] written() {
        return Arrays.copyOf(bytes, length);
    }

    private CanonicalForm ascii(String text) {
        int size = text.length();
        ensure(size);
        for (int i = 0; i < size; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
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
