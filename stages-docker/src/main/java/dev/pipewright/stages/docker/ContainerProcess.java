package dev.pipewright.stages.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.WaitContainerCondition;
import com.github.dockerjava.api.model.WaitResponse;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A container a stage created, tied to the attempt's cancellation: from the moment it exists, a
 * cancellation kills and removes it (one force-remove call, no grace period: the work is being
 * thrown away) and closes the streams that follow it.
 */
final class ContainerProcess implements AutoCloseable {

    private final DockerEngine engine;
    private final String id;
    private final Cancellation.Registration registration;
    private final List<Closeable> streams = new CopyOnWriteArrayList<>();
    private final AtomicReference<Long> exitCode = new AtomicReference<>();
    private final ResultCallback.Adapter<WaitResponse> waiting = new ResultCallback.Adapter<>() {
        @Override
        public void onNext(WaitResponse response) {
            exitCode.set(response.getStatusCode() == null ? null : response.getStatusCode().longValue());
        }
    };
    private final AtomicBoolean removing = new AtomicBoolean();
    private final CompletableFuture<Void> removed = new CompletableFuture<>();

    /** How long the attempt waits for a removal a cancellation started. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(30);

    private ContainerProcess(DockerEngine engine, String id, Cancellation cancellation) {
        this.engine = engine;
        this.id = id;
        // Registered right after creation; a signal that fired meanwhile runs it at once.
        this.registration = cancellation.onCancel(this::killAndRemove);
    }

    /** Creates the container described by {@code spec} for the attempt in {@code context}. */
    static ContainerProcess create(DockerStageType stage, StageContext context, ContainerSpec spec)
            throws StageFailure, InterruptedException {
        return create(stage, context, spec, false);
    }

    /**
     * Creates the container; with {@code stdinOpen}, its standard input stays open and unattached,
     * so an image whose command is a shell keeps running ({@code docker run -di}).
     */
    static ContainerProcess create(DockerStageType stage, StageContext context, ContainerSpec spec, boolean stdinOpen)
            throws StageFailure, InterruptedException {
        DockerEngine engine = stage.engine;
        String id;
        engine.containerCreatedFor(context.runId());
        try {
            id = stage.call(context, "create a container from image `" + spec.image() + "`",
                    () -> spec.createCommand(engine.client(), context).withStdinOpen(stdinOpen).exec().getId());
        } catch (StageFailure f) {
            if (f.getCause() instanceof NotFoundException) {
                throw StageFailure.permanent("Image `" + spec.image() + "` is not present on the Docker engine at "
                        + engine.endpoint().describe() + "; pull or build it first (docker.pull, docker.build).", f);
            }
            throw f;
        }
        ContainerProcess process = new ContainerProcess(engine, id, context.cancellation());
        context.cancellation().throwIfCancelled();
        return process;
    }

    String id() {
        return id;
    }

    /** Starts the container. */
    void start(DockerStageType stage, StageContext context) throws StageFailure, InterruptedException {
        stage.run(context, "start container " + shortId(), () -> engine.client().startContainerCmd(id).exec());
    }

    /**
     * Attaches to the container's output before it starts, as {@code docker run} does; call before
     * {@link #start}, then {@link #awaitOutput}. Every byte the container writes then reaches us
     * exactly once, in order per stream, by construction of the engine's attach handler
     * (moby daemon/attach.go; the same in the 20.10 engine here and in current moby):
     * <ol>
     * <li>it subscribes the request to the container's output broadcaster
     *     ({@code StreamConfig.AttachStreams}: from then on every write is buffered for us);</li>
     * <li>only then answers the request (the HTTP upgrade, which docker-java reports as
     *     {@code onStart});</li>
     * <li>copies the subscription to us until the container's streams close at its exit, all
     *     buffered bytes included, and ends the response.</li>
     * </ol>
     * So the container is started only after {@code onStart}: nothing it writes can precede the
     * subscription. This is what the docker CLI relies on ({@code docker run} attaches with
     * {@code stream=1} only, waits for the upgrade, then starts). Not {@code logs=1}: the engine
     * replays the log file <em>after</em> subscribing, so a line written in between arrives twice,
     * once from the replay and once from the subscription (moby/moby#29285; measured: 2 to 5
     * containers in a hundred, four at a time on a loaded machine, see bench/README.md). Nor following the logs endpoint and deduplicating: the
     * attach stream's frames carry no timestamps, and two identical lines with the same timestamp
     * cannot be told apart, so a seam between two sources is guesswork; one subscription has no
     * seam. There is no fallback that starts the container without the answer: that would lose
     * its first lines. The wait ends with the cancellation too, which closes the stream.
     */
    void attach(DockerStageType stage, StageContext context, OutputLines output)
            throws StageFailure, InterruptedException {
        stage.run(context, "attach to container " + shortId(), () -> streams.add(engine.client()
                .attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(false)
                .exec(output)));
        if (!output.awaitOpened()) {
            // Failed before the engine answered, or cancelled: awaitOutput says which, with the cause.
            awaitOutput(stage, context, output);
            throw StageFailure.retryable("The Docker engine closed the output stream of container " + shortId()
                    + " before it started; run the stage again.");
        }
    }

    /** Waits until the attached output has ended (the container exited) and emits its last line. */
    void awaitOutput(DockerStageType stage, StageContext context, OutputLines output)
            throws StageFailure, InterruptedException {
        await(stage, context, output, "follow the output of container " + shortId());
        output.flush();
    }

    /**
     * Asks the engine now for the container's exit code, so the answer is ready when its output
     * ends; call before {@link #start} (the condition is the next exit, as {@code docker run}
     * does: a created container counts as "not running") and collect with {@link #awaitExit}.
     */
    void watchExit(DockerStageType stage, StageContext context) throws StageFailure, InterruptedException {
        stage.run(context, "wait for container " + shortId(), () -> streams.add(
                engine.client().waitContainerCmd(id).withCondition(WaitContainerCondition.NEXT_EXIT).exec(waiting)));
    }

    /** Waits until the container has exited and returns its exit code. */
    long awaitExit(DockerStageType stage, StageContext context) throws StageFailure, InterruptedException {
        await(stage, context, waiting, "wait for container " + shortId());
        if (exitCode.get() == null) {
            throw StageFailure.retryable("The Docker engine gave no exit code for container " + shortId() + ".");
        }
        return exitCode.get();
    }

    private void await(DockerStageType stage, StageContext context, ResultCallback.Adapter<?> callback, String doing)
            throws StageFailure, InterruptedException {
        try {
            callback.awaitCompletion();
        } catch (RuntimeException e) {
            if (context.cancellation().isCancelled()) {
                throw DockerStageType.cancelled(e);
            }
            throw engine.failures().failure(e, doing);
        }
        if (context.cancellation().isCancelled()) {
            throw new InterruptedException("cancelled");
        }
    }

    /** The cancellation callback: quick, never throws. */
    private void killAndRemove() {
        try {
            remove();
        } catch (RuntimeException e) {
            // Run-end cleanup and `pipewright gc` find it by its labels if this failed.
        } finally {
            closeStreams(); // after the removal: the attempt must not end while the container is still there
        }
    }

    /**
     * Kills and removes the container and returns once it is gone. When a cancellation is already
     * removing it, waits for that removal instead of racing it (the engine answers a second
     * removal with 409 while the first is in progress).
     */
    void remove() {
        if (!removing.compareAndSet(false, true)) {
            Interrupts.clearedWhile(() -> {
                try {
                    removed.get(REMOVAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    // Left to run-end cleanup, which finds it by its labels.
                }
            });
            return;
        }
        try {
            ContainerJanitor.forceRemove(engine, id);
            removed.complete(null);
        } catch (RuntimeException e) {
            removed.completeExceptionally(e);
            throw e;
        }
    }

    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private void closeStreams() {
        for (Closeable open : streams) {
            try {
                open.close();
            } catch (IOException | RuntimeException e) {
                // The stream is being abandoned.
            }
        }
        streams.clear();
    }

    /** Stops listening for cancellation; the container itself stays unless {@link #remove()} was called. */
    @Override
    public void close() {
        registration.close();
        closeStreams();
    }
}
