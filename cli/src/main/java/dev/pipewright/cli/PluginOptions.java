package dev.pipewright.cli;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginProblem;
import dev.pipewright.engine.plugins.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}, for every command that loads stage types:
 * {@code @Mixin PluginOptions plugins;} then
 * {@code try (PluginRegistry registry = plugins.load(spec.commandLine().getErr())) { ... }}.
 */
public final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A directory of plugin jars (each jar, or each folder of jars, is one plugin); repeatable."
                    + " Also searched: the directories in PIPEWRIGHT_PLUGINS, then ~/.pipewright/plugins.")
    List<Path> directories = new ArrayList<>();

    /** Where plugins are looked for: these options, then the environment, then the user's home. */
    public PluginDirectories directories() {
        return PluginDirectories.forProcess(directories);
    }

    /**
     * Loads the built-in and third-party plugins and prints each loading problem to {@code err}
     * as an {@code error:} or {@code warning:} line naming the jar. Check
     * {@link PluginRegistry#hasErrors()} to decide whether to go on.
     */
    public PluginRegistry load(PrintWriter err) {
        PluginRegistry registry = PluginRegistry.load(directories());
        for (PluginProblem problem : registry.problems()) {
            err.println(problem.render());
        }
        err.flush();
        return registry;
    }
}
