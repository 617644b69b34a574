package dev.pipewright.engine.state;

import java.util.Locale;

/** The state of a stage: LANGUAGE.md's statuses plus {@code running} while an attempt is under way. */
public enum StageStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this != PENDING && this != RUNNING;
    }
}
