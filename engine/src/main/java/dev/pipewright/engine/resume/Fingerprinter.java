package dev.pipewright.engine.resume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fingerprints a stage call from its evaluated arguments and the upstream values they read.
 *
 * <p>The call's inputs are written once, in canonical form ({@link CanonicalForm}): the format,
 * the stage type, its version, each argument by name, and each read by reference together with
 * the fingerprint of the stage that produced it. The fingerprint is one SHA-256 over the state
 * directory's salt and all of it. Each input also gets a digest of its own part, so a later run
 * can say which input changed: a MurmurHash3 128-bit hash for ordinary values (their preview is
 * kept beside it anyway; a collision could only make {@code explain} miss naming a change, never
 * make a call reuse a wrong result), and a salted SHA-256 for a value that holds a secret, which
 * gets no preview and is kept nowhere. Thread-safe.
 */
public final class Fingerprinter {

    /** The version of the canonical form and of the digests; a stored call of another one never matches. */
    static final int FORMAT = 2;

    /**
     * Previews longer than this are cut: they help a person spot a change (explain shows the part
     * around it), they are not the value.
     */
    static final int PREVIEW_LENGTH = 400;

    private final byte[] salt;
    private final UnaryOperator<String> masker;
    private final RunPlaceholders placeholders;

    /**
     * @param salt the state directory's salt ({@link FingerprintSalt})
     * @param masker returns a text with the run's secrets replaced; a value in which it changes
     *     any string holds a secret
     * @param placeholders what names the current run in strings
     */
    public Fingerprinter(byte[] salt, UnaryOperator<String> masker, RunPlaceholders placeholders) {
        this.salt = Objects.requireNonNull(salt, "salt is null").clone();
        this.masker = Objects.requireNonNull(masker, "masker is null");
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders is null");
    }

    /**
     * @param stageType the qualified stage type
     * @param typeVersion the version of the plugin that provides it; empty or null when unknown
     * @param arguments the evaluated arguments, defaults included
     * @param reads the upstream values the arguments read, by reference ({@code stages.build.id})
     */
    public FingerprintInputs inputs(
            String stageType, String typeVersion, Map<String, ?> arguments, Map<String, UpstreamValue> reads) {
        String version = typeVersion == null ? "" : typeVersion;
        CanonicalForm form = CanonicalForm.start(placeholders);
        // The format as a bare number: a name would add a compression block to most calls' SHA-256.
        form.value(FORMAT).text(stageType).text(version);
        List<FingerprintInputs.Input> argumentInputs = new ArrayList<>(arguments.size());
        for (String name : sorted(arguments.keySet())) {
            Object value = arguments.get(name);
            form.tag('a').text(name);
            int from = form.length();
            form.value(value);
            argumentInputs.add(input(name, form, from, value));
        }
        List<FingerprintInputs.Input> readInputs = new ArrayList<>(reads.size());
        for (String reference : sorted(reads.keySet())) {
            UpstreamValue read = reads.get(reference);
            form.tag('r').text(reference);
            int from = form.length();
            form.text(read.producer() == null ? null : read.producer().hex()).value(read.value());
            readInputs.add(input(reference, form, from, read.value()));
        }
        Fingerprint fingerprint = Fingerprint.of(form.sha256(salt, 0));
        return new FingerprintInputs(fingerprint, FORMAT, stageType, version, argumentInputs, readInputs);
    }

    /** The input whose canonical form was written from {@code from} to the form's end. */
    private FingerprintInputs.Input input(String name, CanonicalForm form, int from, Object shown) {
        if (holdsSecret(shown)) {
            return new FingerprintInputs.Input(name, Hex.of(form.sha256(salt, from)), true, null);
        }
        return new FingerprintInputs.Input(name, form.fastHash(from), false, preview(shown));
    }

    private static List<String> sorted(java.util.Set<String> names) {
        List<String> list = new ArrayList<>(names);
        if (list.size() > 1) {
            Collections.sort(list);
        }
        return list;
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
