package dev.pipewright.engine.plugins;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageLogger;
import java.nio.file.Path;
import java.util.Map;

/** A context for calling a stage type directly in tests, outside a run; never cancelled. */
record TestStageContext(String stageType, Arguments arguments, Path runDirectory) implements StageContext {

    TestStageContext(String stageType, Path runDirectory) {
        this(stageType, new Arguments(Map.of()), runDirectory);
    }

    @Override
    public String stageName() {
        return "test";
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
    public StageLogger log() {
        return new StageLogger() {
            @Override
            public void stdout(String line) {
            }

            @Override
            public void stderr(String line) {
            }
        };
    }

    @Override
    public ProgressReporter progress() {
        return (fraction, message) -> { };
    }

    @Override
    public Cancellation cancellation() {
        return new Cancellation() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Registration onCancel(Runnable callback) {
                return () -> { };
            }
        };
    }

    @Override
    public Path baseDirectory() {
        return runDirectory;
    }
}
