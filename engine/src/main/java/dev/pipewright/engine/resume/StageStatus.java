package dev.pipewright.engine.resume;

/** How a stage call ended in an earlier run, as far as resuming cares. */
public enum StageStatus {
    /** It succeeded (or was itself reused), so its outputs may be reused. */
    SUCCEEDED,
    /** It failed, also as an optional stage. */
    FAILED,
    /** Its {@code when} was false. */
    SKIPPED,
    /** It was stopped by a timeout, a failing sibling or Ctrl-C. */
    CANCELLED,
    /** It started and never ended: the process died. */
    RUNNING,
    /** It never started: the run ended before it. */
    NOT_RUN
}
