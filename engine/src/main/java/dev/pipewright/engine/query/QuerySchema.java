package dev.pipewright.engine.query;

import java.util.List;
import java.util.Optional;

/**
 * The fields a query may select, per kind of object, with their arguments: LANGUAGE.md's query
 * section as data. The validator, the REPL's completion and help, and docs/queries.md read it.
 */
public final class QuerySchema {

    /** The kinds of object a selection applies to. */
    public enum ObjectType {
        ROOT("the query root"),
        RUN("a run"),
        STAGE("a stage"),
        EVENT("an event");

        private final String description;

        ObjectType(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public enum ArgType {
        STRING("a string"),
        INT("a positive integer");

        private final String description;

        ArgType(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public record ArgSpec(String name, ArgType type, boolean required, String description) {
    }

    /**
     * @param of the type of the objects this field holds, or null for a plain value
     * @param list whether the field holds a list
     */
    public record FieldSpec(String name, ObjectType of, boolean list, List<ArgSpec> arguments, String description) {
        public FieldSpec {
            arguments = List.copyOf(arguments);
        }

        public boolean needsSelection() {
            return of != null;
        }

        public Optional<ArgSpec> argument(String argumentName) {
            return arguments.stream().filter(a -> a.name().equals(argumentName)).findFirst();
        }
    }

    private static final ArgSpec LAST = new ArgSpec("last", ArgType.INT, false, "only the last N");

    private static final List<FieldSpec> ROOT_FIELDS = List.of(
            new FieldSpec("pipeline", ObjectType.RUN, false, List.of(
                    new ArgSpec("name", ArgType.STRING, true, "the pipeline's name"),
                    new ArgSpec("run", ArgType.STRING, false, "a run id; without it, the latest run")),
                    "the latest run of a pipeline, or the run named by `run`"),
            new FieldSpec("run", ObjectType.RUN, false, List.of(
                    new ArgSpec("id", ArgType.STRING, true, "the run id")),
                    "one run, by id"),
            new FieldSpec("runs", ObjectType.RUN, true, List.of(
                    new ArgSpec("pipeline", ArgType.STRING, false, "only runs of this pipeline"),
                    new ArgSpec("state", ArgType.STRING, false,
                            "only runs in this state: running, succeeded, failed, cancelled, interrupted"),
                    new ArgSpec("last", ArgType.INT, false, "only the newest N runs")),
                    "runs, newest first"));

    private static final List<FieldSpec> RUN_FIELDS = List.of(
            value("id", "the run id"),
            value("pipeline", "the pipeline's name"),
            value("state", "running, succeeded, failed, cancelled or interrupted (the process died mid-run)"),
            value("progress", "the share of the run's stages that have ended, 0..1"),
            value("currentStage", "the most recently started stage still running, or null"),
            value("started", "when the run began (ISO-8601)"),
            value("finished", "when the run ended (ISO-8601), or null"),
            value("duration", "milliseconds, so far for a running run"),
            value("params", "the run's parameters (secrets masked)"),
            value("error", "why the run failed, was cancelled or interrupted, or null"),
            new FieldSpec("stages", ObjectType.STAGE, true, List.of(), "the stages that have started or been skipped, in order"),
            new FieldSpec("events", ObjectType.EVENT, true, List.of(
                    new ArgSpec("type", ArgType.STRING, false,
                            "only events of this type (`stage:log`), or of this family (`stage`)"),
                    LAST), "the run's events, oldest first"));

    private static final List<FieldSpec> STAGE_FIELDS = List.of(
            value("name", "the stage's name; a sub-pipeline's stages are named `caller/stage`"),
            value("type", "the stage type, e.g. docker.pull, when the events name it"),
            value("status", "pending, running, succeeded, failed, skipped or cancelled"),
            value("attempts", "attempts started"),
            value("progress", "the fraction the stage last reported, 0..1, or null"),
            value("started", "when the first attempt began (ISO-8601)"),
            value("finished", "when the stage ended (ISO-8601), or null"),
            value("duration", "milliseconds, so far for a running stage"),
            value("error", "the last error, or the reason it was skipped"),
            value("outputs", "the stage's outputs (secrets masked)"),
            new FieldSpec("logs", null, true, List.of(LAST), "the stage's last lines of output"));

    private static final List<FieldSpec> EVENT_FIELDS = List.of(
            value("type", "the event type, e.g. stage:complete"),
            value("time", "when it happened (ISO-8601)"),
            value("parent", "the calling stage, for a sub-pipeline's events"),
            value("stage", "stage events: the stage"),
            value("totalStages", "pipeline:start"),
            value("params", "pipeline:start (secrets masked)"),
            value("pid", "pipeline:start: the process that ran the run"),
            value("host", "pipeline:start: the host it ran on"),
            value("index", "stage:start, stage:complete"),
            value("attempt", "stage:start, stage:retry"),
            value("progress", "stage:start, stage:complete"),
            value("fraction", "stage:progress"),
            value("message", "stage:progress, stage:warning"),
            value("stream", "stage:log: stdout or stderr"),
            value("line", "stage:log"),
            value("delay", "stage:retry: milliseconds until the next attempt"),
            value("error", "stage:retry, stage:warning, stage:error, pipeline:error"),
            value("reason", "stage:skip, pipeline:cancel"),
            value("duration", "milliseconds: stage:complete, stage:error and the final events"),
            value("outputs", "stage:complete"),
            value("timedOut", "stage:error"),
            value("cancelled", "stage:error"),
            value("failedStage", "pipeline:error"),
            value("metrics", "the final events: stagesCompleted, totalStages, errors"));

    /** The event type names, for {@code events(type:)}. */
    public static final List<String> EVENT_TYPES = List.of(
            "pipeline:start", "stage:start", "stage:progress", "stage:log", "stage:retry", "stage:skip",
            "stage:complete", "stage:warning", "stage:error", "pipeline:complete", "pipeline:error", "pipeline:cancel");

    private QuerySchema() {
    }

    private static FieldSpec value(String name, String description) {
        return new FieldSpec(name, null, false, List.of(), description);
    }

    public static List<FieldSpec> fields(ObjectType type) {
        return switch (type) {
            case ROOT -> ROOT_FIELDS;
            case RUN -> RUN_FIELDS;
            case STAGE -> STAGE_FIELDS;
            case EVENT -> EVENT_FIELDS;
        };
    }

    public static Optional<FieldSpec> field(ObjectType type, String name) {
        return fields(type).stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
