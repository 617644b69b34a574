package dev.pipewright.testkit;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageLogger;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A real {@link StageContext} for one attempt of one stage type, as the engine gives it: the
 * arguments are checked against the schema and completed with its defaults, the attempt runs on
 * a thread of its own, the cancellation is real ({@link TestCancellation}), the directory is a
 * real directory; log lines and progress reports are collected for the test to look at.
 *
 * <pre>{@code
 * TestStageContext context = TestStageContext.builder("git", new CloneStage())
 *         .arguments(Map.of("url", origin, "into", "app"))
 *         .directory(work)
 *         .build();
 * Map<String, Object> outputs = context.run();
 * assertThat(context.stdout()).contains("cloned main");
 * }</pre>
 */
public final class TestStageContext implements StageContext {

    /** A line the stage logged, on {@code stdout} or {@code stderr}. */
    public record Line(String stream, String text) { }

    /** A progress report. */
    public record Progress(Double fraction, String message) { }

    /** How an attempt ended: its outputs, or what it threw. */
    public record Outcome(Map<String, Object> outputs, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private final StageType type;
    private final String stageType;
    private final String stageName;
    private final String runId;
    private final String pipelineName;
    private final Arguments arguments;
    private final Path directory;
    private final TestCancellation cancellation = new TestCancellation();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final List<Consumer<Progress>> progressListeners = new CopyOnWriteArrayList<>();

    private TestStageContext(Builder builder) {
        this.type = builder.type;
        this.stageType = builder.namespace + "." + builder.type.name();
        this.stageName = builder.stageName;
        this.runId = builder.runId;
        this.pipelineName = builder.pipelineName;
        this.arguments = new Arguments(checked(stageType, builder.type.schema(), builder.arguments));
        this.directory = Objects.requireNonNull(builder.directory, "directory(...) was not set");
    }

    /**
     * Starts describing an attempt of {@code type}, whose qualified name is {@code namespace.name}.
     * Unless set: run {@code test-run}, stage and pipeline {@code test}, no arguments.
     */
    public static Builder builder(String namespace, StageType type) {
        return new Builder(namespace, type);
    }

    /** Runs the attempt on a thread of its own, as the engine does, and waits for it to end. */
    public Outcome runAttempt() throws InterruptedException {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread attempt = new Thread(() -> {
            try {
                Map<String, Object> outputs = type.run(this);
                outcome.set(new Outcome(outputs == null ? Map.of() : outputs, null));
            } catch (Throwable t) {
                outcome.set(new Outcome(null, t));
            }
        }, "attempt-" + stageName);
        cancellation.bindTo(attempt);
        attempt.start();
        attempt.join();
        return outcome.get();
    }

    /**
     * Runs the attempt as {@link #runAttempt()} does and returns its outputs, or throws what it
     * threw.
     */
    public Map<String, Object> run() throws StageFailure, InterruptedException {
        Outcome outcome = runAttempt();
        Throwable failure = outcome.failure();
        if (failure == null) {
            return outcome.outputs();
        }
        if (failure instanceof StageFailure stageFailure) {
            throw stageFailure;
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(stageType + " threw a checked exception run() does not declare", failure);
    }

    /** Calls {@code listener} with every progress report, on the attempt's thread, as it is made. */
    public void onProgress(Consumer<Progress> listener) {
        progressListeners.add(listener);
    }

    /** Every line logged, both streams, in order. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<String> stdout() {
        return lines.stream().filter(l -> l.stream().equals("stdout")).map(Line::text).toList();
    }

    public List<String> stderr() {
        return lines.stream().filter(l -> l.stream().equals("stderr")).map(Line::text).toList();
    }

    public List<Progress> progressReports() {
        return List.copyOf(progress);
    }

    /** Every text the stage handed out (log lines, progress messages): what must never hold a secret. */
    public List<String> everythingShown() {
        List<String> shown = new ArrayList<>();
        lines.forEach(line -> shown.add(line.text()));
        progress.forEach(p -> shown.add(String.valueOf(p.message())));
        return shown;
    }

    @Override
    public TestCancellation cancellation() {
        return cancellation;
    }

    @Override
    public String stageName() {
        return stageName;
    }

    @Override
    public String stageType() {
        return stageType;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String pipelineName() {
        return pipelineName;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Arguments arguments() {
        return arguments;
    }

    @Override
    public StageLogger log() {
        return new StageLogger() {
            @Override
            public void stdout(String line) {
                lines.add(new Line("stdout", line));
            }

            @Override
            public void stderr(String line) {
                lines.add(new Line("stderr", line));
            }
        };
    }

    @Override
    public ProgressReporter progress() {
        return (fraction, message) -> {
            Progress report = new Progress(fraction, message);
            progress.add(report);
            progressListeners.forEach(listener -> listener.accept(report));
        };
    }

    /** The directory given to {@link Builder#directory}. */
    @Override
    public Path runDirectory() {
        return directory;
    }

    /** The directory given to {@link Builder#directory}: relative path arguments resolve against it. */
    @Override
    public Path baseDirectory() {
        return directory;
    }

    /** Checks the arguments against the schema and fills in its defaults, as the engine does before an attempt. */
    private static Map<String, Object> checked(String stageType, StageSchema schema, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (schema.parameter(name).isEmpty()) {
                throw new IllegalArgumentException(stageType + " has no argument `" + name + "`");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(given);
        for (StageSchema.Parameter p : schema.parameters()) {
            if (p.required() && !given.containsKey(p.name())) {
                throw new IllegalArgumentException(stageType + " needs the argument `" + p.name() + "`");
            }
            if (!p.type().accepts(given.get(p.name()))) {
                throw new IllegalArgumentException("argument `" + p.name() + "` of " + stageType + " must be a "
                        + p.type() + ", not " + given.get(p.name()).getClass().getSimpleName());
            }
            values.putIfAbsent(p.name(), p.defaultValue());
        }
        return values;
    }

    /** Describes one attempt; see {@link TestStageContext#builder}. */
    public static final class Builder {
        private final String namespace;
        private final StageType type;
        private String runId = "test-run";
        private String stageName = "test";
        private String pipelineName = "test";
        private Map<String, ?> arguments = Map.of();
        private Path directory;

        private Builder(String namespace, StageType type) {
            this.namespace = Objects.requireNonNull(namespace, "namespace is null");
            this.type = Objects.requireNonNull(type, "type is null");
        }

        /** The arguments as written (values may be null); checked and completed by {@link #build()}. */
        public Builder arguments(Map<String, ?> arguments) {
            this.arguments = Objects.requireNonNull(arguments, "arguments is null");
            return this;
        }

        /** The run's work directory and the pipeline file's directory; required. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId is null");
            return this;
        }

        public Builder stageName(String stageName) {
            this.stageName = Objects.requireNonNull(stageName, "stageName is null");
            return this;
        }

        public Builder pipelineName(String pipelineName) {
            this.pipelineName = Objects.requireNonNull(pipelineName, "pipelineName is null");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the arguments do not fit the schema (unknown,
         *     missing required, wrong type)
         */
        public TestStageContext build() {
            return new TestStageContext(this);
        }
    }
}
