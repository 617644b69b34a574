package dev.pipewright.engine.run;

import dev.pipewright.engine.expr.SecretMasker;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.resume.ResumeSession;
import dev.pipewright.engine.store.RunDirectory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the top-level pipeline of a run and the pipelines it calls share: the id, the directory,
 * the event channel, the secrets, the stage types and the threads.
 */
final class RunServices {

    /** How long a cancelled attempt may take to end before the engine stops waiting for it. */
    static final Duration STAGE_GRACE = Duration.ofSeconds(5);

    final String runId;
    final RunDirectory directory;
    final EventChannel channel;
    final SecretMasker masker = new SecretMasker();
    final StageCatalog catalog;
    final Map<String, String> env;
    final PipelineLoader loader;
    final PrintStream diagnostics;
    /** Attempts and the branches of parallel blocks run here: plain daemon threads, reused. */
    final ExecutorService threads;
    /** Pipeline timeouts. */
    final ScheduledExecutorService timers;
    /** Completes on the second {@link RunHandle#cancel}: stop waiting for stages that do not end. */
    final CompletableFuture<Void> abandon = new CompletableFuture<>();
    /** Fingerprints, resuming and caching of the top-level pipeline's stages. */
    final ResumeSession resume;

    RunServices(String runId, RunDirectory directory, EventChannel channel, RunRequest request) {
        this.runId = runId;
        this.directory = directory;
        this.channel = channel;
        this.catalog = request.catalog();
        this.env = request.env();
        this.loader = request.loader();
        this.diagnostics = request.diagnostics();
        this.resume = ResumeSession.open(request.resume(), request.stateDirectory(), directory,
                request.file().pipeline().name().value(), masker::mask, channel);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "pipewright-" + runId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pipewright-" + runId + "-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    void shutdown() {
        threads.shutdown();
        timers.shutdownNow();
        resume.close();
    }
}
