package dev.pipewright.spi;

import java.nio.file.Path;

/**
 * What {@link StageType#checkReusable} may consult: the stage as the current run would call it.
 * Its arguments are those the reused outputs were produced from (their fingerprints matched).
 */
public interface ReuseContext {

    /** The stage's name in the pipeline; for a {@code for-each} element, with its index ({@code clone[2]}). */
    String stageName();

    /** The qualified stage type, {@code docker.build}. */
    String stageType();

    /** The id of the current run, the one that would reuse the outputs. */
    String runId();

    /** The evaluated arguments of the stage in the current run. */
    Arguments arguments();

    /** The current run's work directory ({@code run.dir}). */
    Path runDirectory();

    /** The directory of the pipeline file; relative paths in arguments are resolved against it. */
    Path baseDirectory();

    /** Resolves a path argument: absolute paths as they are, relative ones against {@link #baseDirectory()}. */
    default Path resolvePath(String path) {
        return baseDirectory().resolve(path).normalize();
    }
}
