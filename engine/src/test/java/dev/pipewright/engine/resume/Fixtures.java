package dev.pipewright.engine.resume;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small builders shared by the resume tests. */
final class Fixtures {

    static final byte[] SALT = "a salt for tests, 32 bytes long!".getBytes();

    private Fixtures() {
    }

    /** A fingerprinter of run {@code runId} whose masker knows {@code secrets}. */
    static Fingerprinter fingerprinter(String runId, String... secrets) {
        UnaryOperator<String> masker = text -> {
            String masked = text;
            for (String secret : secrets) {
                masked = masked.replace(secret, "***");
            }
            return masked;
        };
        return new Fingerprinter(SALT, masker, RunPlaceholders.of(Path.of("/state/.pipewright/runs/" + runId + "/work"),
                runId));
    }

    static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A succeeded call of {@code run} with these inputs and outputs. */
    static StageRecord succeeded(String run, StageKey key, FingerprintInputs inputs, Map<String, Object> outputs) {
        return new StageRecord(run, key, StageStatus.SUCCEEDED, inputs.fingerprint(), inputs, outputs, true,
                Duration.ofSeconds(3));
    }

    static StageRecord ended(String run, StageKey key, StageStatus status, FingerprintInputs inputs) {
        return new StageRecord(run, key, status, inputs.fingerprint(), inputs, Map.of(), true, Duration.ofSeconds(1));
    }

    static PreviousRun previous(String run, StageRecord... records) {
        return new PreviousRun(run, List.of(records));
    }
}
