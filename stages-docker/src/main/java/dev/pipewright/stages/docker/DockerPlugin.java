package dev.pipewright.stages.docker;

import dev.pipewright.spi.GcReport;
import dev.pipewright.spi.SnapshotRetention;
import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code docker.*} stage types, on the Docker engine that {@code DOCKER_HOST} names (the local
 * socket by default). Loading the plugin does not touch the engine; the first stage that needs it
 * connects, and an engine that does not answer fails that stage with one sentence saying where it
 * was looked for.
 */
public final class DockerPlugin implements StagePlugin {

    private final DockerEngine engine;
    private final List<StageType> stageTypes;

    /** The plugin on the engine the process environment names. */
    public DockerPlugin() {
        this(new DockerEngine(DockerEndpoint.fromEnvironment()));
    }

    /** The plugin on {@code engine}; tests and benchmarks share one. */
    public DockerPlugin(DockerEngine engine) {
        this.engine = engine;
        this.stageTypes = List.of(
                new ImageExistsStage(engine),
                new PullStage(engine),
                new BuildStage(engine),
                new RunStage(engine),
                new StartStage(engine),
                new ExecStage(engine),
                new CopyStage(engine),
                new CommitStage(engine),
                new LogsStage(engine),
                new StopStage(engine),
                new RemoveStage(engine),
                new TagStage(engine),
                new RemoveImageStage(engine));
    }

    @Override
    public String namespace() {
        return "docker";
    }

    @Override
    public List<StageType> stageTypes() {
        return stageTypes;
    }

    /**
     * Removes the run's containers that were not started with {@code keep = true}. A run that
     * created no container in this process costs nothing here (no engine call); what a crashed
     * process left is {@link #collectGarbage}'s job.
     */
    @Override
    public void runEnded(String runId) {
        if (!engine.forgetRun(runId)) {
            return;
        }
        try {
            new ContainerJanitor(engine).removeRunContainers(runId);
        } catch (RuntimeException e) {
            // An engine that went away cannot be cleaned up now; `pipewright gc` can later.
        }
    }

    /** Removes containers of runs that are over, except those started with {@code keep = true}. */
    @Override
    public GcReport collectGarbage(Predicate<String> runIsLive) {
        try {
            return new ContainerJanitor(engine).collectGarbage(runIsLive);
        } catch (RuntimeException e) {
            return new GcReport(List.of(), List.of(),
                    List.of(engine.failures().describe(e, "list the containers Pipewright runs created")));
        }
    }

    /**
     * Removes the snapshots {@code docker.exec} took that {@code retention} lets go, newest first;
     * a snapshot still in use (by a container, or by a newer snapshot built on it) or given a name
     * since is kept, saying so.
     */
    @Override
    public GcReport collectSnapshots(SnapshotRetention retention) {
        try {
            return new SnapshotJanitor(engine).collect(retention);
        } catch (RuntimeException e) {
            return new GcReport(List.of(), List.of(),
                    List.of(engine.failures().describe(e, "list the snapshot images")));
        }
    }

    /** Whether the Docker engine answers; the sentence says where it was looked for and what to check. */
    @Override
    public Optional<String> preflight() {
        return engine.problem();
    }
}
