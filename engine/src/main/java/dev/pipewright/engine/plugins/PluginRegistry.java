package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The installed stage types: the built-in plugins from the application's class path, then every
 * third-party plugin from the {@link PluginDirectories}, each in a class loader of its own.
 *
 * <p>Loading never throws for a bad plugin: a broken jar, a provider that fails, a malformed
 * schema, a reserved namespace or a stage type provided twice each become a {@link PluginProblem}
 * in {@link #problems()}, and every other plugin still loads. Commands print the problems
 * ({@link PluginProblem#render()}); {@code check} and {@code run} treat errors among them as
 * errors of the run.
 *
 * <p>{@link #find} returns {@link StageTypeHandle}s, which run plugin code under the plugin's
 * class loader and name the plugin in failures.
 */
public final class PluginRegistry implements StageCatalog, AutoCloseable {

    private final Map<String, StageTypeHandle> stageTypes;
    private final List<InstalledPlugin> plugins;
    private final List<PluginProblem> problems;

    private PluginRegistry(Map<String, StageTypeHandle> stageTypes, List<InstalledPlugin> plugins, List<PluginProblem> problems) {
        this.stageTypes = stageTypes;
        this.plugins = List.copyOf(plugins);
        this.problems = List.copyOf(problems);
    }

    /** The built-ins of this application's class path and the plugins in {@code directories}. */
    public static PluginRegistry load(PluginDirectories directories) {
        return load(PluginRegistry.class.getClassLoader(), directories);
    }

    /**
     * The built-ins found through {@code classPath} and the plugins in {@code directories}.
     * Plugin loaders share the SPI package with the loader of {@link StagePlugin}.
     */
    public static PluginRegistry load(ClassLoader classPath, PluginDirectories directories) {
        requireNonNull(classPath, "classPath is null");
        requireNonNull(directories, "directories is null");
        List<PluginProblem> problems = new ArrayList<>();
        PluginLoader loader = new PluginLoader(problems);
        List<InstalledPlugin> loaded = new ArrayList<>(loader.loadBuiltIns(classPath));
        for (PluginSource source : PluginSource.scan(directories, problems)) {
            loaded.addAll(loader.loadThirdParty(source, StagePlugin.class.getClassLoader()));
        }
        Map<String, StageTypeHandle> stageTypes = new TreeMap<>();
        List<InstalledPlugin> registered = new ArrayList<>();
        for (InstalledPlugin plugin : loaded) {
            if (register(plugin, stageTypes, problems)) {
                registered.add(plugin);
            }
        }
        Set<ClassLoader> used = new LinkedHashSet<>();
        registered.forEach(plugin -> used.add(plugin.loader()));
        loaded.stream().map(InstalledPlugin::loader).filter(l -> !used.contains(l)).forEach(PluginLoader::closeQuietly);
        return new PluginRegistry(stageTypes, registered, problems);
    }

    /** Adds the plugin's stage types; false when it may not register any. */
    private static boolean register(InstalledPlugin plugin, Map<String, StageTypeHandle> stageTypes, List<PluginProblem> problems) {
        PluginIdentity identity = plugin.identity();
        if (!identity.builtIn() && StageTypeChecks.RESERVED_NAMESPACES.contains(plugin.namespace())) {
            problems.add(PluginProblem.error("plugin " + identity.location() + ": class " + plugin.plugin().getClass().getName()
                    + " uses the namespace `" + plugin.namespace() + "`, which is reserved for the built-in plugins ("
                    + String.join(", ", StageTypeChecks.RESERVED_NAMESPACES.stream().sorted().toList())
                    + "); choose a namespace of your own"));
            return false;
        }
        for (StageTypeHandle handle : plugin.stageTypes()) {
            StageTypeHandle existing = stageTypes.putIfAbsent(handle.qualifiedName(), handle);
            if (existing != null) {
                problems.add(PluginProblem.error("stage type `" + handle.qualifiedName() + "` is provided twice: by "
                        + where(existing.plugin()) + " and by " + where(identity) + "; the second is ignored."
                        + " Remove one of the two plugins"));
            }
        }
        return true;
    }

    private static String where(PluginIdentity identity) {
        return identity.builtIn() ? "the built-in plugins" : String.valueOf(identity.location());
    }

    /** The stage type named {@code namespace.name}: a {@link StageTypeHandle}. */
    @Override
    public Optional<StageType> find(String qualifiedName) {
        return Optional.ofNullable(stageTypes.get(qualifiedName));
    }

    /** The stage type named {@code namespace.name}, with its plugin. */
    public Optional<StageTypeHandle> handle(String qualifiedName) {
        return Optional.ofNullable(stageTypes.get(qualifiedName));
    }

    /** The plugin that provides {@code namespace.name}, if it is installed. */
    public Optional<PluginIdentity> provider(String qualifiedName) {
        return handle(qualifiedName).map(StageTypeHandle::plugin);
    }

    @Override
    public Collection<String> qualifiedNames() {
        return List.copyOf(stageTypes.keySet());
    }

    /** Every installed stage type, sorted by qualified name. */
    public List<StageTypeHandle> stageTypes() {
        return List.copyOf(stageTypes.values());
    }

    /** What went wrong while loading, in the order it was found. */
    public List<PluginProblem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(PluginProblem::isError);
    }

    /** Every plugin that registered stage types, built-ins first, in the order they were found. */
    public List<InstalledPlugin> plugins() {
        return plugins;
    }

    /**
     * Tells every plugin that the run has ended ({@link StagePlugin#runEnded}), each under its own
     * class loader. A plugin that throws does not stop the others.
     *
     * @return one {@code warning:} line per plugin that threw, naming it
     */
    @Override
    public List<String> runEnded(String runId) {
        List<String> failures = new ArrayList<>();
        for (InstalledPlugin plugin : plugins) {
            try (ContextClassLoader ignored = plugin.enter()) {
                plugin.plugin().runEnded(runId);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                failures.add(PluginProblem.warning("plugin " + plugin.identity().label() + " (namespace `" + plugin.namespace()
                        + "`) failed when the run ended: " + PluginErrors.describe(e)).render());
            }
        }
        return failures;
    }

    /** Closes the third-party plugins' class loaders; call it when nothing will run any more. */
    @Override
    public void close() {
        plugins.stream().map(InstalledPlugin::loader).distinct().forEach(PluginLoader::closeQuietly);
    }
}
