package dev.pipewright.engine.plugins;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where third-party plugins are looked for, in this order: each {@code --plugins DIR}, each
 * directory of {@code PIPEWRIGHT_PLUGINS} (separated like {@code PATH}), then
 * {@code ~/.pipewright/plugins}.
 *
 * @param directories the directories in search order
 */
public record PluginDirectories(List<PluginDirectory> directories) {

    /** The environment variable that lists plugin directories. */
    public static final String ENVIRONMENT_VARIABLE = "PIPEWRIGHT_PLUGINS";

    public PluginDirectories {
        directories = List.copyOf(directories);
    }

    /**
     * A directory to scan.
     *
     * @param path the directory
     * @param origin where it was named ({@code --plugins}, {@code PIPEWRIGHT_PLUGINS}), for messages
     * @param expected whether a missing directory deserves a warning (the user named it)
     */
    public record PluginDirectory(Path path, String origin, boolean expected) {
    }

    /** No directory: the built-in plugins of the class path only. */
    public static PluginDirectories none() {
        return new PluginDirectories(List.of());
    }

    /** The directories named on the command line, then in the environment, then the user's own. */
    public static PluginDirectories of(List<Path> fromOptions, Map<String, String> environment, Path userHome) {
        List<PluginDirectory> result = new ArrayList<>();
        for (Path path : fromOptions) {
            result.add(new PluginDirectory(path, "--plugins", true));
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null) {
            for (String entry : fromEnvironment.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    result.add(new PluginDirectory(Path.of(entry.strip()), ENVIRONMENT_VARIABLE, true));
                }
            }
        }
        if (userHome != null) {
            result.add(new PluginDirectory(userHome.resolve(".pipewright").resolve("plugins"), "~/.pipewright/plugins", false));
        }
        return new PluginDirectories(result);
    }

    /** The directories for this process: its options, its environment and its user's home. */
    public static PluginDirectories forProcess(List<Path> fromOptions) {
        String home = System.getProperty("user.home");
        return of(fromOptions, System.getenv(), home == null || home.isBlank() ? null : Path.of(home));
    }
}
