package dev.pipewright.engine.resume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stage call's {@link Fingerprint} and what it is made of, kept beside it so that a later run
 * can say which input changed. It holds digests, never a secret: an argument that contains a
 * secret has a digest and no preview.
 *
 * @param fingerprint the fingerprint
 * @param format the version of the canonical form it was made with ({@link Fingerprinter#FORMAT});
 *     digests of different formats are never compared
 * @param stageType the qualified stage type, {@code docker.build}
 * @param typeVersion the version of the plugin that provides it; empty when unknown
 * @param arguments the evaluated arguments, sorted by name
 * @param reads the upstream values the arguments read ({@code stages.build.id}), sorted by reference
 */
public record FingerprintInputs(Fingerprint fingerprint, int format, String stageType, String typeVersion,
        List<Input> arguments, List<Input> reads) {

    public FingerprintInputs {
        Objects.requireNonNull(fingerprint, "fingerprint is null");
        Objects.requireNonNull(stageType, "stageType is null");
        typeVersion = typeVersion == null ? "" : typeVersion;
        arguments = sorted(arguments);
        reads = sorted(reads);
    }

    /**
     * One digested input.
     *
     * @param name the argument's name, or the reference read ({@code stages.build.id})
     * @param digest a digest of its canonical form: MurmurHash3 x64 128-bit (32 hex digits), or for a secret a
     *     salted SHA-256 (64)
     * @param secret whether the value holds a secret
     * @param preview the value as a pipeline would write it, shortened; null for secrets
     */
    public record Input(String name, String digest, boolean secret, String preview) {
        public Input {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(digest, "digest is null");
            if (secret && preview != null) {
                throw new IllegalArgumentException("a secret input has no preview: " + name);
            }
        }

        /** The preview, or {@code ***} for a secret. */
        public String shown() {
            return secret ? "***" : preview;
        }
    }

    /**
     * What differs between {@code earlier} and these inputs, most telling first: the stage type,
     * its version, then each upstream value and each argument whose digest differs; only that the
     * format changed when it did. Empty when both have the same fingerprint.
     */
    public List<Reason> changesSince(FingerprintInputs earlier) {
        List<Reason> changes = new ArrayList<>();
        if (format != earlier.format) {
            changes.add(new Reason.FingerprintFormatChanged(earlier.format, format));
            return changes;
        }
        if (!stageType.equals(earlier.stageType)) {
            changes.add(new Reason.StageTypeChanged(earlier.stageType, stageType));
            return changes;
        }
        if (!typeVersion.equals(earlier.typeVersion)) {
            changes.add(new Reason.TypeVersionChanged(stageType, earlier.typeVersion, typeVersion));
        }
        // Upstream first: an argument that interpolates an upstream value changes with it, and
        // the upstream change is the cause a person looks for.
        compare(earlier.reads, reads, (name, before, after) ->
                changes.add(new Reason.UpstreamChanged(name, before, after)));
        compare(earlier.arguments, arguments, (name, before, after) ->
                changes.add(new Reason.ArgumentChanged(name, before, after)));
        return changes;
    }

    private interface Change {
        void found(String name, Input before, Input after);
    }

    private static void compare(List<Input> before, List<Input> after, Change change) {
        Map<String, Input> old = byName(before);
        Map<String, Input> now = byName(after);
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            Input was = old.get(name);
            Input is = now.get(name);
            if (was == null || is == null || !was.digest().equals(is.digest())) {
                change.found(name, was, is);
            }
        }
    }

    private static Map<String, Input> byName(List<Input> inputs) {
        return inputs.stream().collect(Collectors.toMap(Input::name, Function.identity(), (a, b) -> b, TreeMap::new));
    }

    private static List<Input> sorted(List<Input> inputs) {
        List<Input> copy = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
        if (!isSorted(copy)) {
            copy = new ArrayList<>(copy);
            copy.sort(Comparator.comparing(Input::name));
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).name().equals(copy.get(i - 1).name())) {
                throw new IllegalArgumentException("input `" + copy.get(i).name() + "` appears twice");
            }
        }
        return List.copyOf(copy);
    }

    // The fingerprinter gives them sorted; checking is cheaper than sorting again at every call.
    private static boolean isSorted(List<Input> inputs) {
        for (int i = 1; i < inputs.size(); i++) {
            if (inputs.get(i - 1).name().compareTo(inputs.get(i).name()) > 0) {
                return false;
            }
        }
        return true;
    }
}
