package dev.pipewright.engine.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stage of a run as its events tell it.
 *
 * @param name the stage's name; a stage of a sub-pipeline is named {@code caller/stage}
 * @param type the stage type ({@code docker.pull}) when the events name it, else null
 * @param attempts attempts started so far
 * @param progress the fraction the stage last reported, 0..1, or null when it reports none
 * @param started the first attempt's start
 * @param duration the engine's figure for an ended stage; null while it runs
 * @param outputs the outputs of a succeeded stage (secrets already masked), else empty
 * @param logs the stage's last lines of output, oldest first
 */
public record StageState(
        String name,
        String type,
        StageStatus status,
        int attempts,
        Double progress,
        Instant started,
        Instant finished,
        Duration duration,
        String error,
        Map<String, Object> outputs,
        List<LogLine> logs) {

    public StageState {
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        logs = List.copyOf(logs);
    }

    /** The duration so far for a running stage, the recorded one for an ended stage. */
    public Duration durationAt(Instant now) {
        if (duration != null) {
            return duration;
        }
        if (started == null) {
            return null;
        }
        return Duration.between(started, finished != null ? finished : now);
    }
}
