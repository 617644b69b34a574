package dev.pipewright.engine.state;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;

/**
 * The state of a running run, kept up to date by its events and read by queries from other
 * threads. The projection is the one used for stored runs, so both answer alike.
 */
public final class LiveRunState implements RunListener {

    private final RunProjection projection = new RunProjection();

    @Override
    public synchronized void onEvent(RunEvent event) {
        projection.apply(event);
    }

    /** The run as of the last event delivered; null before the first event. */
    public synchronized RunState snapshot() {
        return projection.eventCount() == 0 ? null : projection.snapshot();
    }

    public synchronized boolean ended() {
        return projection.ended();
    }
}
