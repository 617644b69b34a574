package dev.pipewright.engine.resume;

import java.util.Objects;

/**
 * Whether a run may reuse the results of an earlier one.
 *
 * @param mode how
 * @param run with {@link Mode#RESUME}, the id of the run to resume; null for the latest earlier
 *     run of the same pipeline
 */
public record ResumeOptions(Mode mode, String run) {

    public enum Mode {
        /** Reuse nothing (fingerprints are still recorded, so a later run may resume this one). */
        OFF,
        /** Reuse across runs only what {@code cache = true} or a pure stage type allows: the default. */
        CACHE,
        /** {@code --resume}: reuse every stage whose fingerprint matches, unless it says {@code cache = false}. */
        RESUME
    }

    /** A normal run: pure stages and stages with {@code cache = true} are reused. */
    public static final ResumeOptions CACHE = new ResumeOptions(Mode.CACHE, null);

    /** Nothing is reused. */
    public static final ResumeOptions OFF = new ResumeOptions(Mode.OFF, null);

    public ResumeOptions {
        Objects.requireNonNull(mode, "mode is null");
        if (run != null && mode != Mode.RESUME) {
            throw new IllegalArgumentException("only a resuming run names the run it resumes");
        }
    }

    /** Resumes {@code run}, or the latest earlier run of the same pipeline when it is null. */
    public static ResumeOptions resume(String run) {
        return new ResumeOptions(Mode.RESUME, run);
    }

    public boolean resuming() {
        return mode == Mode.RESUME;
    }
}
