package dev.pipewright.engine.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine says, as immutable records: the console, the event log, the run store and
 * the REPL all listen to these and nothing else. The {@link #type()} names are LANGUAGE.md's.
 * Values in {@code params} and {@code outputs} are already masked where they hold secrets.
 */
public sealed interface RunEvent {

    EventHeader header();

    /** The type name, e.g. {@code stage:complete}. */
    String type();

    default Instant time() {
        return header().time();
    }

    default String run() {
        return header().run();
    }

    default String pipeline() {
        return header().pipeline();
    }

    /** The events of one stage. */
    sealed interface StageEvent extends RunEvent {
        String stage();
    }

    /** The events that end a run: exactly one per run, always the last. */
    sealed interface Final extends RunEvent {
        Duration duration();

        Metrics metrics();
    }

    /**
     * @param stages every stage of the pipeline (body, then finally) with its stage type, so that
     *     listeners know the stages that have not started yet
     */
    record PipelineStarted(
            EventHeader header, int totalStages, Map<String, Object> params, long pid, String host, List<PlannedStage> stages)
            implements RunEvent {
        public PipelineStarted {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }

        /** A start event that does not list the stages (as written by tests and older logs). */
        public PipelineStarted(EventHeader header, int totalStages, Map<String, Object> params, long pid, String host) {
            this(header, totalStages, params, pid, host, List.of());
        }

        public String type() {
            return "pipeline:start";
        }
    }

    /** A stage as planned when the run starts: its name and its stage type ({@code docker.build}). */
    record PlannedStage(String name, String type) {
    }

    /** @param progress the share of the run's stages that have ended, 0..1 */
    record StageStarted(EventHeader header, String stage, int index, int attempt, double progress)
            implements StageEvent {
        public String type() {
            return "stage:start";
        }
    }

    /** @param fraction 0..1, or null when the stage cannot tell */
    record StageProgressed(EventHeader header, String stage, Double fraction, String message) implements StageEvent {
        public String type() {
            return "stage:progress";
        }
    }

    /** @param stream {@code stdout} or {@code stderr} */
    record StageLogged(EventHeader header, String stage, String stream, String line) implements StageEvent {
        public String type() {
            return "stage:log";
        }
    }

    /** @param attempt the attempt that failed; {@code delay} until the next one */
    record StageRetrying(EventHeader header, String stage, int attempt, Duration delay, String error)
            implements StageEvent {
        public String type() {
            return "stage:retry";
        }
    }

    /** @param reason the condition as written and the values it saw */
    record StageSkipped(EventHeader header, String stage, String reason) implements StageEvent {
        public String type() {
            return "stage:skip";
        }
    }

    /**
     * @param fingerprint the stage call's fingerprint (what {@code --resume} compares), hex; null
     *     when the run did not compute one
     */
    record StageCompleted(
            EventHeader header, String stage, int index, Duration duration, double progress, Map<String, Object> outputs,
            String fingerprint)
            implements StageEvent {

        /** Without a fingerprint. */
        public StageCompleted(
                EventHeader header, String stage, int index, Duration duration, double progress, Map<String, Object> outputs) {
            this(header, stage, index, duration, progress, outputs, null);
        }

        public String type() {
            return "stage:complete";
        }
    }

    /**
     * The stage (or one {@code for-each} element) did not run: the outputs of an earlier call with
     * the same fingerprint were reused. It counts as succeeded.
     *
     * @param index as in {@code stage:complete}
     * @param fromRun the run whose result was reused
     * @param fromStage the stage call reused there ({@code build}, {@code clone[2]})
     * @param fingerprint the fingerprint both calls share
     * @param saved how long the reused call took: the time not spent now
     * @param progress the share of the run's stages that have ended, 0..1
     * @param outputs the reused outputs
     */
    record StageCached(
            EventHeader header, String stage, int index, String fromRun, String fromStage, String fingerprint,
            Duration saved, double progress, Map<String, Object> outputs) implements StageEvent {
        public String type() {
            return "stage:cached";
        }
    }

    /** An optional stage failed; the run goes on. */
    record StageWarned(EventHeader header, String stage, String error, String message) implements StageEvent {
        public String type() {
            return "stage:warning";
        }
    }

    record StageFailed(
            EventHeader header, String stage, String error, Duration duration, boolean timedOut, boolean cancelled)
            implements StageEvent {
        public String type() {
            return "stage:error";
        }
    }

    record PipelineCompleted(EventHeader header, Duration duration, Metrics metrics) implements Final {
        public String type() {
            return "pipeline:complete";
        }
    }

    record PipelineFailed(EventHeader header, String error, String failedStage, Duration duration, Metrics metrics)
            implements Final {
        public String type() {
            return "pipeline:error";
        }
    }

    record PipelineCancelled(EventHeader header, String reason, Duration duration, Metrics metrics) implements Final {
        public String type() {
            return "pipeline:cancel";
        }
    }
}
