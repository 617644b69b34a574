package dev.pipewright.stages.git;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageLogger;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small but real stage context for running a stage type directly: it fills in the schema's
 * defaults as the engine does, collects log lines and progress reports, and has a real
 * cancellation that runs its callbacks and interrupts the attempt's thread.
 */
final class TestContext implements StageContext {

    record Progress(Double fraction, String message) {
    }

    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<Progress> progress = new CopyOnWriteArrayList<>();
    final TestCancellation cancellation = new TestCancellation();
    private final List<Consumer<Progress>> progressListeners = new CopyOnWriteArrayList<>();
    private final StageType type;
    private final Arguments arguments;
    private final Path directory;

    TestContext(StageType type, Path directory, Map<String, ?> given) {
        this.type = type;
        this.directory = directory;
        Map<String, Object> values = new LinkedHashMap<>(given);
        for (StageSchema.Parameter parameter : type.schema().parameters()) {
            if (parameter.required() && !values.containsKey(parameter.name())) {
                throw new IllegalArgumentException("missing required argument " + parameter.name());
            }
            values.putIfAbsent(parameter.name(), parameter.defaultValue());
        }
        values.keySet().forEach(name -> type.schema().parameter(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown argument " + name)));
        this.arguments = new Arguments(values);
    }

    /** Runs the stage on this thread, as the engine runs an attempt on its own thread. */
    Map<String, Object> run() throws StageFailure, InterruptedException {
        cancellation.attemptThread = Thread.currentThread();
        try {
            return type.run(this);
        } finally {
            Thread.interrupted(); // an interrupt meant for the attempt must not leak into the test
        }
    }

    void onProgress(Consumer<Progress> listener) {
        progressListeners.add(listener);
    }

    /** Every text the stage handed out: what must never hold a secret. */
    List<String> everythingShown() {
        List<String> shown = new ArrayList<>(logLines);
        progress.forEach(p -> shown.add(String.valueOf(p.message())));
        return shown;
    }

    @Override
    public String stageName() {
        return "under-test";
    }

    @Override
    public String stageType() {
        return "git." + type.name();
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public String pipelineName() {
        return "test";
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
                logLines.add(line);
            }

            @Override
            public void stderr(String line) {
                logLines.add(line);
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

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public Path runDirectory() {
        return directory;
    }

    @Override
    public Path baseDirectory() {
        return directory;
    }

    /** Fires like the engine's: callbacks in reverse order of registration, then an interrupt. */
    static final class TestCancellation implements Cancellation {
        private final List<Runnable> callbacks = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean cancelled;
        private volatile Thread attemptThread;

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public Registration onCancel(Runnable callback) {
            synchronized (this) {
                if (!cancelled) {
                    callbacks.add(callback);
                    return () -> callbacks.remove(callback);
                }
            }
            callback.run();
            return () -> { };
        }

        void cancel() {
            List<Runnable> toRun;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                toRun = new ArrayList<>(callbacks);
            }
            Collections.reverse(toRun);
            toRun.forEach(Runnable::run);
            Thread thread = attemptThread;
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** The stage's {@code timeout}: fires after {@code millis} on a timer thread. */
        void cancelAfter(long millis) {
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(millis);
                    cancel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-timeout");
            timer.setDaemon(true);
            timer.start();
        }
    }
}
