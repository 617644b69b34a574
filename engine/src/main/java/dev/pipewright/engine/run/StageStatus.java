package dev.pipewright.engine.run;

import java.util.Locale;

/** What {@code stages.NAME.status} reads. */
enum StageStatus {
    PENDING, SUCCEEDED, FAILED, SKIPPED, CANCELLED;

    /** {@code succeeded}, as pipelines write it. */
    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the stage counts as ended for {@code progress}. */
    boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED;
    }
}
