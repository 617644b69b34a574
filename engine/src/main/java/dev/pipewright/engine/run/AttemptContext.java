package dev.pipewright.engine.run;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageLogger;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link StageContext} of one attempt. Log lines and progress become events, masked. The
 * built-in {@code core.pipeline} also reaches the engine through it ({@link #runPipeline}).
 */
public final class AttemptContext implements StageContext {

    /** Progress reports closer together than this are dropped (except the last, 100%). */
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final Interpreter pipeline;
    private final String stageName;
    private final String stageType;
    private final int attempt;
    private final Arguments arguments;
    private final CancelScope cancellation;
    private final StageLogger logger;
    private final ProgressReporter progress;

    AttemptContext(Interpreter pipeline, String stageName, String stageType, int attempt, Arguments arguments,
            CancelScope cancellation) {
        this.pipeline = pipeline;
        this.stageName = stageName;
        this.stageType = stageType;
        this.attempt = attempt;
        this.arguments = arguments;
        this.cancellation = cancellation;
        this.logger = new StageLogger() {
            @Override
            public void stdout(String line) {
                log("stdout", line);
            }

            @Override
            public void stderr(String line) {
                log("stderr", line);
            }
        };
        this.progress = new ProgressReporter() {
            private long last = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

            @Override
            public synchronized void report(Double fraction, String message) {
                long now = System.nanoTime();
                boolean done = fraction != null && fraction >= 1.0;
                if (!done && now - last < PROGRESS_INTERVAL_NANOS) {
                    return;
                }
                last = now;
                Double clamped = fraction == null ? null : Math.max(0.0, Math.min(1.0, fraction));
                pipeline.emit(header -> new RunEvent.StageProgressed(header, stageName, clamped,
                        pipeline.mask(message)));
            }
        };
    }

    private void log(String stream, String line) {
        String text = line == null ? "" : line;
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            emitLine(stream, text);
            return;
        }
        for (String part : text.split("\r?\n|\r", -1)) {
            emitLine(stream, part);
        }
    }

    private void emitLine(String stream, String line) {
        String masked = pipeline.mask(line);
        pipeline.emit(header -> new RunEvent.StageLogged(header, stageName, stream, masked));
    }

    /**
     * Runs the pipeline in {@code file} as part of this attempt (what {@code core.pipeline} does):
     * its events appear nested under this stage, it is cancelled with this attempt, and it
     * returns the outputs of its last stage.
     *
     * @throws StageFailure when the file cannot be loaded or the pipeline failed
     * @throws InterruptedException when it was cancelled
     */
    public Map<String, Object> runPipeline(Path file, Map<String, Object> params)
            throws StageFailure, InterruptedException {
        return pipeline.runNested(file, params, stageName, cancellation);
    }

    /**
     * The run's environment ({@link RunRequest#env()}): what {@code env.NAME} reads and what
     * processes started by {@code core.exec} inherit.
     */
    public Map<String, String> environment() {
        return pipeline.services().env;
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
        return pipeline.services().runId;
    }

    @Override
    public String pipelineName() {
        return pipeline.name();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Arguments arguments() {
        return arguments;
    }

    @Override
    public StageLogger log() {
        return logger;
    }

    @Override
    public ProgressReporter progress() {
        return progress;
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public Path runDirectory() {
        return pipeline.services().directory.workDirectory();
    }

    @Override
    public Path baseDirectory() {
        return pipeline.baseDirectory();
    }
}
