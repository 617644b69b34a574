package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageLogger;
import java.nio.file.Path;

/**
 * The engine's {@link StageContext}, seen by a plugin: the same in every way, except that the
 * cleanup callbacks the plugin registers run under the plugin's class loader, although the engine
 * runs them on its own thread when it cancels the attempt.
 */
final class PluginStageContext implements StageContext {

    private final StageContext engine;
    private final ClassLoader loader;

    PluginStageContext(StageContext engine, ClassLoader loader) {
        this.engine = requireNonNull(engine, "engine is null");
        this.loader = requireNonNull(loader, "loader is null");
    }

    @Override
    public Cancellation cancellation() {
        Cancellation cancellation = engine.cancellation();
        return new Cancellation() {
            @Override
            public boolean isCancelled() {
                return cancellation.isCancelled();
            }

            @Override
            public void throwIfCancelled() throws InterruptedException {
                cancellation.throwIfCancelled();
            }

            @Override
            public Registration onCancel(Runnable callback) {
                requireNonNull(callback, "callback is null");
                return cancellation.onCancel(() -> {
                    try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
                        callback.run();
                    }
                });
            }
        };
    }

    @Override
    public String stageName() {
        return engine.stageName();
    }

    @Override
    public String stageType() {
        return engine.stageType();
    }

    @Override
    public String runId() {
        return engine.runId();
    }

    @Override
    public String pipelineName() {
        return engine.pipelineName();
    }

    @Override
    public int attempt() {
        return engine.attempt();
    }

    @Override
    public Arguments arguments() {
        return engine.arguments();
    }

    @Override
    public StageLogger log() {
        return engine.log();
    }

    @Override
    public ProgressReporter progress() {
        return engine.progress();
    }

    @Override
    public Path runDirectory() {
        return engine.runDirectory();
    }

    @Override
    public Path baseDirectory() {
        return engine.baseDirectory();
    }

    @Override
    public Path resolvePath(String path) {
        return engine.resolvePath(path);
    }
}
