package dev.pipewright.engine.resume;

/**
 * A value a stage's arguments read from an earlier stage ({@code stages.build.id}), with the
 * fingerprint of the call that produced it. A stage that ran with other inputs thus changes the
 * fingerprint of every stage that reads it, even when its outputs happen to be the same.
 *
 * @param value the value as read
 * @param producer the fingerprint of the stage that produced it (for a {@code for-each} stage,
 *     of all its elements); null when there is none, as for a skipped stage
 */
public record UpstreamValue(Object value, Fingerprint producer) {
}
