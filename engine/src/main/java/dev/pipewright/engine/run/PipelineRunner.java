package dev.pipewright.engine.run;

import dev.pipewright.engine.events.CompositeListener;
import dev.pipewright.engine.events.RunListener;
import dev.pipewright.engine.expr.ExpressionException;
import dev.pipewright.engine.resume.ResumeSession;
import dev.pipewright.engine.store.EventLogWriter;
import dev.pipewright.engine.store.RunDirectory;
import dev.pipewright.spi.StagePlugin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts runs. Each run gets a fresh run directory with its event log, one thread that walks the
 * pipeline, one dispatcher thread that delivers its events in order, and threads for its
 * attempts. Stateless and thread-safe: one instance may start any number of runs.
 */
public final class PipelineRunner {

    /**
     * Starts a run and returns at once.
     *
     * @throws IllegalArgumentException when a required parameter has no value or a parameter
     *     default cannot be evaluated (checks catch both before a run; this is the last guard), or
     *     when the run to resume does not exist or ran another pipeline (nothing is created then)
     */
    public RunHandle start(RunRequest request) {
        ResumeSession.validate(request.resume(), request.stateDirectory(), request.file().pipeline().name().value());
        RunDirectory directory = RunDirectory.create(request.stateDirectory());
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(new EventLogWriter(directory.eventsFile()));
        listeners.addAll(request.listeners());
        EventChannel channel = new EventChannel(directory.runId(), new CompositeListener(listeners, request.diagnostics()),
                request.diagnostics());
        RunServices services;
        try {
            services = new RunServices(directory.runId(), directory, channel, request);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
        CancelScope body = CancelScope.root();
        CancelScope fin = CancelScope.root();
        Interpreter interpreter;
        try {
            interpreter = new Interpreter(services, request.file(), request.params(), null, body, fin);
        } catch (ExpressionException e) {
            channel.close();
            services.shutdown();
            throw new IllegalArgumentException(services.masker.mask(e.describe()), e);
        }
        Handle handle = new Handle(services, body, fin);
        Thread thread = new Thread(() -> handle.finish(interpreter), "pipewright-run-" + directory.runId());
        thread.setDaemon(true);
        thread.start();
        return handle;
    }

    /** Starts a run and waits for its outcome. */
    public RunOutcome run(RunRequest request) throws InterruptedException {
        return start(request).awaitOutcome();
    }

    private static final class Handle implements RunHandle {
        private final RunServices services;
        private final CancelScope body;
        private final CancelScope fin;
        private final Instant started = Instant.now();
        private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        private int cancels;

        Handle(RunServices services, CancelScope body, CancelScope fin) {
            this.services = services;
            this.body = body;
            this.fin = fin;
        }

        void finish(Interpreter interpreter) {
            try {
                Interpreter.Ending ending;
                try {
                    ending = interpreter.run();
                } finally {
                    // After finally, even when the interpreter itself failed: plugins release what
                    // must not outlive the run (containers labelled with it).
                    services.catalog.runEnded(services.runId).forEach(services.diagnostics::println);
                }
                RunOutcome result = new RunOutcome(services.runId, ending.status(), ending.error(), ending.failedStage(),
                        Interpreter.since(started));
                services.channel.close();
                services.channel.closed().whenComplete((ok, error) -> {
                    services.shutdown();
                    if (error != null) {
                        outcome.completeExceptionally(error);
                    } else {
                        outcome.complete(result);
                    }
                });
            } catch (Throwable fatal) {
                services.channel.close();
                services.shutdown();
                outcome.completeExceptionally(fatal);
                throw fatal;
            }
        }

        @Override
        public String runId() {
            return services.runId;
        }

        @Override
        public RunDirectory runDirectory() {
            return services.directory;
        }

        @Override
        public void cancel(String reason) {
            int count;
            synchronized (this) {
                count = ++cancels;
            }
            CancelReason why = new CancelReason(CancelReason.Kind.RUN_CANCELLED,
                    reason == null || reason.isBlank() ? "cancelled" : reason);
            body.cancel(why);
            if (count > 1) {
                services.abandon.complete(null);
                fin.cancel(why);
            }
        }

        @Override
        public RunOutcome awaitOutcome() throws InterruptedException {
            try {
                return outcome.get();
            } catch (ExecutionException e) {
                throw rethrow(e);
            }
        }

        @Override
        public Optional<RunOutcome> awaitOutcome(Duration timeout) throws InterruptedException {
            try {
                return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (ExecutionException e) {
                throw rethrow(e);
            }
        }

        private static RuntimeException rethrow(ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("the run failed inside the engine", e.getCause());
        }
    }
}
