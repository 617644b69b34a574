package dev.pipewright.engine.events;

/**
 * Receives a run's events. The engine delivers them through one ordered channel per run: a
 * listener sees every event of the run in one total order, one at a time, never concurrently, so
 * it need not be thread-safe. A listener that throws is reported and detached; the run goes on.
 */
@FunctionalInterface
public interface RunListener {

    RunListener NOOP = event -> {
    };

    void onEvent(RunEvent event);

    /** Called once after the run's final event has been delivered; flush and release here. */
    default void close() {
    }
}
