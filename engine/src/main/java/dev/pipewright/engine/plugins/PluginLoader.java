package dev.pipewright.engine.plugins;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the {@link StagePlugin}s of one class loader through {@link ServiceLoader}, asks each for
 * its namespace and stage types under the plugin's own context class loader, and checks what it
 * answers. Whatever goes wrong becomes a {@link PluginProblem} naming the plugin and the class;
 * the other providers, and the other plugins, still load.
 */
final class PluginLoader {

    private static final String SERVICE_FILE = "META-INF/services/" + StagePlugin.class.getName();
    /** ServiceLoader moves past a broken provider; this only guards against one that never does. */
    private static final int MAX_PROVIDER_ERRORS = 100;

    private final List<PluginProblem> problems;

    PluginLoader(List<PluginProblem> problems) {
        this.problems = problems;
    }

    /** The built-in plugins: the providers on the application's class path. */
    List<InstalledPlugin> loadBuiltIns(ClassLoader classPath) {
        return loadProviders(classPath, "built-in plugins", plugin -> new PluginIdentity(
                PluginIdentity.BUILT_IN, null, plugin.getClass().getPackage().getImplementationVersion(), true));
    }

    /** One third-party plugin, in a class loader of its own. */
    List<InstalledPlugin> loadThirdParty(PluginSource source, ClassLoader spiLoader) {
        PluginClassLoader loader = new PluginClassLoader(source.name(), source.jars(), spiLoader);
        List<String> listed = listedProviders(loader, source);
        if (listed.isEmpty()) {
            problems.add(PluginProblem.error("plugin " + source.location() + " has no stage plugin: list the class that"
                    + " implements " + StagePlugin.class.getName() + " in " + SERVICE_FILE));
            closeQuietly(loader);
            return List.of();
        }
        List<InstalledPlugin> loaded = loadProviders(loader, "plugin " + source.location() + " (provider " + String.join(", ", listed) + ")",
                plugin -> new PluginIdentity(source.name(), source.location(),
                        plugin.getClass().getPackage().getImplementationVersion(), false));
        if (loaded.isEmpty()) {
            closeQuietly(loader);
        }
        return loaded;
    }

    private List<InstalledPlugin> loadProviders(ClassLoader loader, String where, Function<StagePlugin, PluginIdentity> identity) {
        List<InstalledPlugin> loaded = new ArrayList<>();
        Iterator<StagePlugin> providers = ServiceLoader.load(StagePlugin.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            StagePlugin plugin;
            try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
                if (!providers.hasNext()) {
                    break;
                }
                plugin = providers.next();
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                errors++;
                problems.add(PluginProblem.error(where + ": cannot load a stage plugin: " + describeProviderError(e)));
                continue;
            }
            InstalledPlugin checked = check(plugin, loader, identity.apply(plugin));
            if (checked != null) {
                loaded.add(checked);
            }
        }
        return loaded;
    }

    /** Reads the namespace and the stage types once, under the plugin's loader, and checks them. */
    private InstalledPlugin check(StagePlugin plugin, ClassLoader loader, PluginIdentity identity) {
        String who = (identity.builtIn() ? "built-in plugin " : "plugin " + identity.location() + ": class ")
                + plugin.getClass().getName();
        try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
            String namespace = plugin.namespace();
            String namespaceProblem = StageTypeChecks.namespaceProblem(namespace);
            if (namespaceProblem != null) {
                problems.add(PluginProblem.error(who + ": " + namespaceProblem));
                return null;
            }
            List<StageType> types = plugin.stageTypes();
            if (types == null || types.isEmpty()) {
                problems.add(PluginProblem.warning(who + ": namespace `" + namespace + "` has no stage types"));
                return new InstalledPlugin(plugin, namespace, identity, loader, List.of());
            }
            List<StageTypeHandle> handles = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (StageType type : types) {
                StageTypeHandle handle = checkStageType(who, namespace, type, loader, identity);
                if (handle != null && !names.add(handle.name())) {
                    problems.add(PluginProblem.error(who + ": it lists stage type `" + handle.qualifiedName() + "` twice"));
                } else if (handle != null) {
                    handles.add(handle);
                }
            }
            return new InstalledPlugin(plugin, namespace, identity, loader, handles);
        } catch (LinkageError | RuntimeException e) {
            problems.add(PluginProblem.error(who + ": " + PluginErrors.describe(e)));
            return null;
        } catch (Error e) {
            if (PluginErrors.isFatal(e)) {
                throw e;
            }
            problems.add(PluginProblem.error(who + ": " + PluginErrors.describe(e)));
            return null;
        }
    }

    private StageTypeHandle checkStageType(String who, String namespace, StageType type, ClassLoader loader, PluginIdentity identity) {
        if (type == null) {
            problems.add(PluginProblem.error(who + ": stageTypes() holds a null element"));
            return null;
        }
        String name = type.name();
        String nameProblem = StageTypeChecks.nameProblem(name);
        if (nameProblem != null) {
            problems.add(PluginProblem.error(who + " (" + type.getClass().getName() + "): " + nameProblem));
            return null;
        }
        String qualified = "`" + namespace + "." + name + "`";
        StageSchema schema;
        try {
            schema = type.schema();
        } catch (IllegalArgumentException | NullPointerException e) {
            // The StageSchema records reject duplicates and wrong defaults as they are built.
            problems.add(PluginProblem.error(who + ": the schema of stage type " + qualified + " is malformed: " + e.getMessage()));
            return null;
        }
        if (schema == null) {
            problems.add(PluginProblem.error(who + ": stage type " + qualified + " has no schema (schema() returned null)"));
            return null;
        }
        List<String> schemaProblems = StageTypeChecks.schemaProblems(schema);
        if (!schemaProblems.isEmpty()) {
            for (String problem : schemaProblems) {
                problems.add(PluginProblem.error(who + ": the schema of stage type " + qualified + " is malformed: " + problem));
            }
            return null;
        }
        return new StageTypeHandle(namespace, type, schema, identity, loader);
    }

    /** The provider classes the plugin's own jars list, for messages that name them. */
    private List<String> listedProviders(PluginClassLoader loader, PluginSource source) {
        Set<String> classes = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.findResources(SERVICE_FILE))) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), UTF_8))) {
                    reader.lines()
                            .map(line -> line.replaceFirst("#.*", "").strip())
                            .filter(line -> !line.isEmpty())
                            .forEach(classes::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(PluginProblem.error("plugin " + source.location() + ": cannot read " + SERVICE_FILE + ": "
                    + PluginErrors.describe(e)));
        }
        return List.copyOf(classes);
    }

    private static String describeProviderError(Throwable error) {
        if (error instanceof ServiceConfigurationError && error.getMessage() != null) {
            String message = error.getMessage().replace(StagePlugin.class.getName() + ": ", "");
            return error.getCause() == null ? message : message + ": " + PluginErrors.describe(error.getCause());
        }
        return PluginErrors.describe(error);
    }

    static void closeQuietly(ClassLoader loader) {
        if (loader instanceof PluginClassLoader pluginLoader) {
            try {
                pluginLoader.close();
            } catch (IOException e) {
                // Nothing was loaded through it that could still need the jar.
            }
        }
    }
}
