package dev.pipewright.engine.resume;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one stage call went in an earlier run: what resuming may reuse, or compare with.
 *
 * @param run the id of that run
 * @param key the stage call
 * @param status how it ended
 * @param fingerprint its fingerprint; null when it never got as far as computing one
 * @param inputs what the fingerprint was made of; null with {@code fingerprint}
 * @param outputs its outputs as recorded, when it succeeded
 * @param outputsStored false when its outputs held a secret: they were masked in the log, so the
 *     recorded ones are not the real ones
 * @param duration how long it took (for a reused call, how long the original took): the time a
 *     reuse saves
 */
public record StageRecord(
        String run,
        StageKey key,
        StageStatus status,
        Fingerprint fingerprint,
        FingerprintInputs inputs,
        Map<String, Object> outputs,
        boolean outputsStored,
        Duration duration) {

    public StageRecord {
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(status, "status is null");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs == null ? Map.of() : outputs));
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** Whether a call with {@code fingerprint} may take this record's outputs, validity aside. */
    public boolean reusableFor(Fingerprint wanted) {
        return status == StageStatus.SUCCEEDED && wanted.equals(fingerprint) && outputsStored;
    }
}
