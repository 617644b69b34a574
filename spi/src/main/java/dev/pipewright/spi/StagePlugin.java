package dev.pipewright.spi;

import java.util.List;

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
}
