package dev.pipewright.engine.resume;

import java.util.Objects;

/**
 * One line of a run's {@code fingerprints.jsonl}: a stage call's fingerprint, what it was made
 * of, and what resuming decided for it. Written before the call runs, so even a call that then
 * failed or never ended is explained.
 *
 * @param key the stage call
 * @param inputs its fingerprint and what it is made of
 * @param explanation the decision as {@code pipewright explain} states it ({@link Decision#explain()})
 * @param reusedFrom the call whose outputs were reused; null unless it was reused
 */
public record CallRecord(
        StageKey key, FingerprintInputs inputs, String explanation, Reused reusedFrom) {

    public CallRecord {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(inputs, "inputs is null");
        Objects.requireNonNull(explanation, "explanation is null");
    }

    /** The call's fingerprint. */
    public Fingerprint fingerprint() {
        return inputs.fingerprint();
    }

    /** Where reused outputs came from. */
    public record Reused(String run, StageKey stage) {
    }

    /** The record of a decision just taken. */
    public static CallRecord of(StageKey key, FingerprintInputs inputs, Decision decision) {
        Reused from = decision instanceof Decision.Reuse reuse
                ? new Reused(reuse.source().run(), reuse.source().key())
                : null;
        return new CallRecord(key, inputs, decision.explain(), from);
    }
}
