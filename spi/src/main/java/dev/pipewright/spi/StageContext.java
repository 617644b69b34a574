package dev.pipewright.spi;

import java.nio.file.Path;

/**
 * What one attempt of a stage gets from the engine. Valid only during
 * {@link StageType#run}; its methods may be called from any thread the attempt started.
 */
public interface StageContext {

    /** The stage's name in the pipeline; for a {@code for-each} stage, with the element's index ({@code clone[2]}). */
    String stageName();

    /** The qualified stage type, {@code docker.build}. */
    String stageType();

    /** The id of the run; Docker stages label their containers with it. */
    String runId();

    /** The name of the pipeline being run. */
    String pipelineName();

    /** The attempt number, 1 for the first. */
    int attempt();

    /** The evaluated arguments, checked against the schema, defaults filled in. */
    Arguments arguments();

    /** Turns lines into {@code stage:log} events. */
    StageLogger log();

    /** Turns progress into {@code stage:progress} events. */
    ProgressReporter progress();

    /** The cancellation signal of this attempt, and where to register what undoes its work. */
    Cancellation cancellation();

    /**
     * The run's work directory ({@code run.dir} in pipelines), shared by all stages of the run and
     * kept after it for inspection.
     */
    Path runDirectory();

    /** The directory of the pipeline file; relative paths in arguments are resolved against it. */
    Path baseDirectory();

    /** Resolves a path argument: absolute paths as they are, relative ones against {@link #baseDirectory()}. */
    default Path resolvePath(String path) {
        return baseDirectory().resolve(path).normalize();
    }
}
