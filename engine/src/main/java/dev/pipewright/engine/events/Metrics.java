package dev.pipewright.engine.events;

import java.util.List;

/**
 * The run's tally, carried by the final event.
 *
 * @param stagesCompleted stages that succeeded
 * @param totalStages stages in the pipeline's body and finally block
 * @param errors the failures of optional stages (and of the failed stage, with optional false)
 */
public record Metrics(int stagesCompleted, int totalStages, List<StageError> errors) {
    public Metrics {
        errors = List.copyOf(errors);
    }

    /** One failed stage: its name, the error message, and whether it was optional. */
    public record StageError(String stage, String error, boolean optional) {
    }
}
