package dev.pipewright.engine.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run ended; the same facts as its final event. Messages are already masked.
 *
 * @param status succeeded, failed or cancelled
 * @param error what failed (null when it succeeded); for a cancelled run, the reason
 * @param failedStage the stage whose failure failed the run, or null
 * @param duration from the first event to the last
 */
public record RunOutcome(String runId, RunStatus status, String error, String failedStage, Duration duration) {
    public RunOutcome {
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(duration, "duration is null");
    }

    /** 0, 1 or 130. */
    public int exitCode() {
        return status.exitCode();
    }
}
