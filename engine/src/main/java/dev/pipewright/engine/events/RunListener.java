package dev.pipewright.engine.events;

/**
 * Receives a run's events. The engine delivers them through one ordered channel per run: a
 * listener sees every event of the run in one total order, one at a time, never concurrently, so
 * it need not be thread-safe. A listener that throws is reported and detached; the run goes on.
 *
 * <p>The channel delivers events in batches (whatever was published while the previous batch was
 * being delivered): every event of a batch to one listener, then {@link #endOfBatch()}, then the
 * same to the next listener. A listener that buffers output flushes it in {@code endOfBatch}.
 */
@FunctionalInterface
public interface RunListener {

    RunListener NOOP = event -> {
    };

    void onEvent(RunEvent event);

    /**
     * Called after the events of a batch were delivered: no further event follows at once, so
     * buffered output should reach its destination now.
     */
    default void endOfBatch() {
    }

    /** Called once after the run's final event has been delivered; flush and release here. */
    default void close() {
    }
}
