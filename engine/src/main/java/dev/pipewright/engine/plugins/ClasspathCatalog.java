package dev.pipewright.engine.plugins;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every stage type of every {@link StagePlugin} on a class path, found with {@link ServiceLoader}.
 * A plugin that fails to load, and a stage type whose name is already taken, are recorded in
 * {@link #problems()}; the other plugins still load.
 */
public final class ClasspathCatalog implements StageCatalog {

    private final Map<String, StageType> types;
    private final List<String> problems;
    private final List<StagePlugin> plugins;

    private ClasspathCatalog(Map<String, StageType> types, List<String> problems, List<StagePlugin> plugins) {
        this.types = types;
        this.problems = List.copyOf(problems);
        this.plugins = List.copyOf(plugins);
    }

    /** The plugins visible to the class loader of this class (the built-ins in a CLI jar). */
    public static ClasspathCatalog load() {
        return load(ClasspathCatalog.class.getClassLoader());
    }

    public static ClasspathCatalog load(ClassLoader loader) {
        Map<String, StageType> types = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<StagePlugin> plugins = new ArrayList<>();
        Iterator<StagePlugin> iterator = ServiceLoader.load(StagePlugin.class, loader).iterator();
        while (true) {
            StagePlugin plugin;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                plugin = iterator.next();
            } catch (ServiceConfigurationError broken) {
                problems.add("a plugin could not be loaded: " + broken.getMessage());
                continue;
            }
            plugins.add(plugin);
            for (StageType type : plugin.stageTypes()) {
                String name = plugin.namespace() + "." + type.name();
                StageType taken = types.putIfAbsent(name, type);
                if (taken != null) {
                    problems.add("stage type `" + name + "` of " + plugin.getClass().getName()
                            + " is already provided by " + taken.getClass().getName());
                }
            }
        }
        return new ClasspathCatalog(types, problems, plugins);
    }

    @Override
    public Optional<StageType> find(String qualifiedName) {
        return Optional.ofNullable(types.get(qualifiedName));
    }

    @Override
    public Collection<String> qualifiedNames() {
        return types.keySet();
    }

    public List<StagePlugin> plugins() {
        return plugins;
    }

    /** What went wrong while loading, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
