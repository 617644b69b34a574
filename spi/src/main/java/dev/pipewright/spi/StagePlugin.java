package dev.pipewright.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The entry point of a plugin, found through {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.pipewright.spi.StagePlugin}.
 *
 * <p>An implementation has a public no-argument constructor and does no work in it: the engine
 * may load plugins only to list their stage types ({@code pipewright stages}) or to check a file.
 * Instances are shared by all runs of the process and must be thread-safe.
 */
public interface StagePlugin {

    /**
     * The namespace of this plugin's stage types: the part before the dot in
     * {@code uses = docker.build}. An identifier ({@code [a-z][a-z0-9-]*}); {@code core},
     * {@code docker} and {@code git} are reserved for the built-in plugins.
     */
    String namespace();

    /** The stage types this plugin provides. Names are unique within the plugin. */
    List<StageType> stageTypes();

    /**
     * Called once when a run has ended (succeeded, failed or cancelled), after its
     * {@code finally} block, whether or not a stage of this plugin ran in it. A plugin releases
     * here what it created for the run and must not outlive it (for example containers that
     * carry the run's label). It must not throw; the engine reports and ignores it if it does.
     *
     * @param runId the id of the run that ended
     */
    default void runEnded(String runId) {
    }

    /**
     * Checks, before a run, that what this plugin's stage types need is there (an engine that
     * answers, a tool on the path); {@code pipewright check --preflight} calls it for each plugin
     * that a pipeline uses. It must be quick (a few seconds at most), must not throw, and must not
     * change anything.
     *
     * @return empty when all is well; otherwise one sentence for the console that says what is
     *     missing, where it was looked for, and what to check
     */
    default Optional<String> preflight() {
        return Optional.empty();
    }

    /**
     * Removes what runs that are no longer running left behind, because their process was killed
     * before {@link #runEnded} could run; {@code pipewright gc} calls it for every loaded plugin.
     * Resources a run asked to keep stay. It must not throw: a resource it cannot remove is a
     * line in {@link GcReport#problems()}.
     *
     * @param runIsLive whether the run with the given id is still running; only resources of runs
     *     for which it answers {@code false} are removed
     */
    default GcReport collectGarbage(Predicate<String> runIsLive) {
        return GcReport.EMPTY;
    }

    /**
     * Removes the snapshots this plugin's stage types took ({@link StageType#snapshot}) that no
     * run can resume from any more; {@code pipewright gc} calls it for every loaded plugin, after
     * {@link #collectGarbage} (so no container left by a crashed run still holds a snapshot). A
     * plugin whose stage types take no snapshots keeps the default, which does nothing.
     *
     * <p>The plugin lists every snapshot it holds, asks {@code retention} about each, with the
     * labels it was taken with, and removes those it answers {@link SnapshotRetention.Action#REMOVE}
     * for, newest first (a snapshot may be built on an older one). Each removed or kept snapshot is
     * one line of the report that names it, its run and its stage, and gives the verdict's reason
     * ("snapshot 6bf33ca5d232 of run 20261128-135320-902-0f93, stage setup (superseded: ...)").
     * A snapshot that must be removed but cannot be, because something still uses it (a
     * container, a newer snapshot built on it) or someone gave it a name of their own, is kept,
     * with that reason. It must not throw: a snapshot it cannot list or remove for another reason
     * is a line in {@link GcReport#problems()}.
     *
     * @param retention which snapshots may go; decided by the engine from the recorded runs
     */
    default GcReport collectSnapshots(SnapshotRetention retention) {
        return GcReport.EMPTY;
    }
}
