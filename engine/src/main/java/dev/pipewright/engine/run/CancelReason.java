package dev.pipewright.engine.run;

/**
 * Why a scope was cancelled.
 *
 * @param kind what happened
 * @param message for people: {@code timed out after 5s}, {@code stage `lint` failed}
 */
record CancelReason(Kind kind, String message) {

    enum Kind {
        /** The attempt's own {@code timeout} expired: a failure that may be retried. */
        STAGE_TIMEOUT,
        /** The pipeline's {@code timeout} expired: the run fails. */
        PIPELINE_TIMEOUT,
        /** A sibling in a {@code parallel} block or {@code for-each} failed. */
        SIBLING_FAILED,
        /** {@link RunHandle#cancel}: Ctrl-C, SIGTERM, a REPL command. */
        RUN_CANCELLED
    }
}
