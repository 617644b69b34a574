package dev.pipewright.engine.events;

import java.time.Instant;
import java.util.Objects;

/**
 * What every event carries: when it happened, in which run of which pipeline.
 *
 * @param parent null for the run's own events; for the events of a sub-pipeline run by
 *     {@code core.pipeline}, the calling stage's name (nested calls join names with {@code /}), so
 *     they appear nested under that stage and never end the run themselves
 */
public record EventHeader(Instant time, String run, String pipeline, String parent) {
    public EventHeader {
        Objects.requireNonNull(time, "time is null");
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
    }

    public boolean nested() {
        return parent != null;
    }
}
