package dev.pipewright.engine.resume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Makes the {@link FingerprintInputs} of a stage call from its evaluated arguments and the
 * upstream values they read. Secret values reach only the salted digest: an input that holds
 * one gets no preview, and the secret itself is kept nowhere. Thread-safe.
 */
public final class Fingerprinter {

    /**
     * Previews longer than this are cut: they help a person spot a change (explain shows the part
     * around it), they are not the value.
     */
    static final int PREVIEW_LENGTH = 400;

    private final ValueDigester digester;
    private final UnaryOperator<String> masker;
    private final RunPlaceholders placeholders;

    /**
     * @param salt the state directory's salt ({@link FingerprintSalt})
     * @param masker returns a text with the run's secrets replaced; a value in which it changes
     *     any string holds a secret
     * @param placeholders what names the current run in strings
     */
    public Fingerprinter(byte[] salt, UnaryOperator<String> masker, RunPlaceholders placeholders) {
        this.masker = Objects.requireNonNull(masker, "masker is null");
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders is null");
        this.digester = new ValueDigester(salt, placeholders);
    }

    /**
     * @param stageType the qualified stage type
     * @param typeVersion the version of the plugin that provides it; empty or null when unknown
     * @param arguments the evaluated arguments, defaults included
     * @param reads the upstream values the arguments read, by reference ({@code stages.build.id})
     */
    public FingerprintInputs inputs(
            String stageType, String typeVersion, Map<String, ?> arguments, Map<String, UpstreamValue> reads) {
        List<FingerprintInputs.Input> argumentInputs = new ArrayList<>(arguments.size());
        arguments.forEach((name, value) -> argumentInputs.add(input(name, value, value)));
        List<FingerprintInputs.Input> readInputs = new ArrayList<>(reads.size());
        reads.forEach((reference, read) -> {
            String producer = read.producer() == null ? null : read.producer().hex();
            readInputs.add(input(reference, Arrays.asList(producer, read.value()), read.value()));
        });
        return new FingerprintInputs(stageType, typeVersion, argumentInputs, readInputs);
    }

    private FingerprintInputs.Input input(String name, Object digested, Object shown) {
        boolean secret = holdsSecret(shown);
        return new FingerprintInputs.Input(name, digester.digest(digested), secret, secret ? null : preview(shown));
    }

    /** Whether masking would change {@code value}: a string in it (a map key too) holds a secret. */
    boolean holdsSecret(Object value) {
        if (value instanceof String s) {
            return !masker.apply(s).equals(s);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (holdsSecret(String.valueOf(entry.getKey())) || holdsSecret(entry.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Iterable<?> list) {
            for (Object item : list) {
                if (holdsSecret(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value as a pipeline would write it, with the run's placeholders, cut to a readable length. */
    String preview(Object value) {
        StringBuilder out = new StringBuilder();
        appendPreview(value, out);
        if (out.length() > PREVIEW_LENGTH) {
            out.setLength(PREVIEW_LENGTH - 1);
            out.append('…');
        }
        return out.toString();
    }

    private void appendPreview(Object value, StringBuilder out) {
        if (out.length() > PREVIEW_LENGTH) {
            return;
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            String text = placeholders.apply(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            out.append('"').append(text).append('"');
        } else if (value instanceof Duration d) {
            out.append(d.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                appendPreview(it.next(), out);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = " ";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator).append(entry.getKey()).append(" = ");
                appendPreview(entry.getValue(), out);
                separator = ", ";
            }
            out.append(map.isEmpty() ? "}" : " }");
        } else {
            out.append(value);
        }
    }
}
