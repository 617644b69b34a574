package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import dev.pipewright.spi.StagePlugin;
import java.util.List;

/**
 * A plugin instance that loaded, with the stage types of it that passed their checks. Call its
 * methods (such as {@code preflight()}) inside {@code try (var ignored = plugin.enter()) { ... }},
 * so that they run under the plugin's class loader.
 *
 * @param plugin the instance ServiceLoader created
 * @param namespace its namespace, as read once at load time
 * @param identity the jar or folder it came from
 * @param loader the class loader its code runs under
 * @param stageTypes its well-formed stage types, in the order the plugin lists them
 */
public record InstalledPlugin(StagePlugin plugin, String namespace, PluginIdentity identity, ClassLoader loader, List<StageTypeHandle> stageTypes) {

    public InstalledPlugin {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(loader, "loader is null");
        stageTypes = List.copyOf(stageTypes);
    }

    /** Makes the plugin's class loader the thread's context class loader until closed. */
    public ContextClassLoader enter() {
        return ContextClassLoader.use(loader);
    }
}
