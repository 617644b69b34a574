package dev.pipewright.stages.docker.support;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageLogger;
import dev.pipewright.spi.StageType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real {@link StageContext} for one attempt, as the engine would give it: lines and progress are
 * collected in lists, the cancellation is real, the run directory is a real directory.
 */
public final class TestStageContext implements StageContext {

    /** A line a stage logged. */
    public record Line(String stream, String text) { }

    /** A progress report. */
    public record Progress(Double fraction, String message) { }

    /** How an attempt ended: outputs, or what it threw. */
    public record Outcome(Map<String, Object> outputs, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private final String runId;
    private final String stageName;
    private final String stageType;
    private final Arguments arguments;
    private final Path runDirectory;
    private final TestCancellation cancellation = new TestCancellation();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();

    public TestStageContext(String runId, String stageName, StageType type, Map<String, ?> arguments, Path runDirectory) {
        this.runId = runId;
        this.stageName = stageName;
        this.stageType = "docker." + type.name();
        this.arguments = new Arguments(Defaults.complete(type.schema(), arguments));
        this.runDirectory = runDirectory;
    }

    /** Runs {@code type} on a thread of its own, as the engine does, and waits for it to end. */
    public Outcome runAttempt(StageType type) throws InterruptedException {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread attempt = new Thread(() -> {
            try {
                outcome.set(new Outcome(type.run(this), null));
            } catch (Throwable t) {
                outcome.set(new Outcome(null, t));
            }
        }, "attempt-" + stageName);
        cancellation.bindTo(attempt);
        attempt.start();
        attempt.join();
        return outcome.get();
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

    public TestCancellation testCancellation() {
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
        return "docker-stages-test";
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
        return (fraction, message) -> progress.add(new Progress(fraction, message));
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public Path baseDirectory() {
        return runDirectory;
    }
}
