package dev.pipewright.stages.docker;

import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.util.Objects;
import java.util.function.Supplier;

/** What every {@code docker.*} stage type shares: its name, schema and the engine connection. */
abstract class DockerStageType implements StageType {

    protected final DockerEngine engine;
    private final String name;
    private final StageSchema schema;

    DockerStageType(DockerEngine engine, String name, StageSchema schema) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.name = name;
        this.schema = schema;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final StageSchema schema() {
        return schema;
    }

    /**
     * Runs one engine call. What it throws becomes a {@link StageFailure} saying it was trying to
     * {@code doing}, unless the attempt was cancelled meanwhile: then it is the cancellation.
     */
    protected <T> T call(StageContext context, String doing, Supplier<T> request)
            throws StageFailure, InterruptedException {
        context.cancellation().throwIfCancelled();
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (context.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
                throw cancelled(e);
            }
            throw engine.failures().failure(e, doing);
        }
    }

    protected void run(StageContext context, String doing, Runnable request) throws StageFailure, InterruptedException {
        call(context, doing, () -> {
            request.run();
            return null;
        });
    }

    static InterruptedException cancelled(Throwable cause) {
        InterruptedException e = new InterruptedException("cancelled");
        e.initCause(cause);
        return e;
    }

    @Override
    public String toString() {
        return "docker." + name;
    }
}
