package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.util.Map;
import java.util.Optional;

/**
 * An installed stage type together with the plugin that provides it. This is what
 * {@link PluginRegistry#find} hands to the interpreter: {@link #run} runs the plugin's code under
 * the plugin's class loader and turns whatever escapes it (an exception, a {@link LinkageError},
 * a {@link StackOverflowError}) into a {@link StageFailure} that names the plugin. Only errors
 * that leave the VM unfit to go on (out of memory, internal errors) pass through.
 */
public final class StageTypeHandle implements StageType {

    private final String namespace;
    private final StageType delegate;
    private final StageSchema schema;
    private final PluginIdentity plugin;
    private final ClassLoader loader;

    /** @param schema the schema read (once) and checked at load time */
    StageTypeHandle(String namespace, StageType delegate, StageSchema schema, PluginIdentity plugin, ClassLoader loader) {
        this.namespace = requireNonNull(namespace, "namespace is null");
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.loader = requireNonNull(loader, "loader is null");
    }

    /** {@code docker.build}. */
    public String qualifiedName() {
        return namespace + "." + delegate.name();
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** The schema as read when the plugin was loaded; the plugin is not asked again. */
    @Override
    public StageSchema schema() {
        return schema;
    }

    /** The plugin that provides this stage type. */
    public PluginIdentity plugin() {
        return plugin;
    }

    /** The plugin's own stage type, for the engine's checks of what kind it is; run it through {@link #run}. */
    public StageType delegate() {
        return delegate;
    }

    /**
     * Makes the plugin's class loader the thread's context class loader until closed. {@link #run}
     * does this itself, and also for the cleanup callbacks the attempt registers with its
     * {@code Cancellation}; use it for any other plugin code the engine calls.
     */
    public ContextClassLoader enterPlugin() {
        return ContextClassLoader.use(loader);
    }

    /** How messages name this stage type and its plugin: {@code `text.render` (plugin text.jar 1.0)}. */
    public String describe() {
        return "`" + qualifiedName() + "` (" + (plugin.builtIn() ? PluginIdentity.BUILT_IN : "plugin " + plugin.label()) + ")";
    }

    /**
     * For messages about a stage that the engine stopped (a timeout): {@code " in `slow.hang`
     * (plugin slow.jar 1.0)"} for a third-party stage type, empty for a built-in one.
     */
    public static String pluginOf(StageType type) {
        return type instanceof StageTypeHandle handle && !handle.plugin.builtIn() ? " in " + handle.describe() : "";
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        // Built-ins share the engine's loader, and core.pipeline needs the engine's own context.
        StageContext seen = plugin.builtIn() ? context : new PluginStageContext(context, loader);
        try (ContextClassLoader ignored = enterPlugin()) {
            return delegate.run(seen);
        } catch (StageFailure failure) {
            if (plugin.builtIn()) {
                throw failure;
            }
            throw new StageFailure(describe() + ": " + failure.getMessage(), failure.retryable(), failure);
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (RuntimeException exception) {
            // The SPI's rule: an unexpected exception is a failure another attempt may overcome.
            throw new StageFailure(describe() + " failed: " + PluginErrors.describe(exception), true, exception);
        } catch (Error error) {
            if (PluginErrors.isFatal(error)) {
                throw error;
            }
            // A missing class or a runaway recursion will not go away on the next attempt.
            throw new StageFailure(describe() + " failed: " + PluginErrors.describe(error), false, error);
        }
    }

    @Override
    public boolean pure() {
        try (ContextClassLoader ignored = enterPlugin()) {
            return delegate.pure();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Asks the plugin under its class loader; what escapes it makes the outputs invalid, with the reason. */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        try (ContextClassLoader ignored = enterPlugin()) {
            Optional<String> verdict = delegate.checkReusable(outputs, context);
            return verdict == null ? Optional.empty() : verdict;
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(describe() + " could not check it: " + PluginErrors.describe(e));
        }
    }

    /** Asks the plugin under its class loader; what escapes it is a failure that names the plugin. */
    @Override
    public Optional<String> snapshot(Arguments arguments, Map<String, String> labels) throws StageFailure {
        try (ContextClassLoader ignored = enterPlugin()) {
            Optional<String> image = delegate.snapshot(arguments, labels);
            return image == null ? Optional.empty() : image;
        } catch (StageFailure failure) {
            throw plugin.builtIn() ? failure
                    : new StageFailure(describe() + ": " + failure.getMessage(), false, failure);
        } catch (RuntimeException | LinkageError e) {
            throw new StageFailure(describe() + " could not take a snapshot: " + PluginErrors.describe(e), false, e);
        }
    }

    /** Asks the plugin under its class loader; what escapes it means "not from a snapshot". */
    @Override
    public Optional<Arguments> fromSnapshot(Arguments arguments, String snapshot) {
        try (ContextClassLoader ignored = enterPlugin()) {
            Optional<Arguments> restarted = delegate.fromSnapshot(arguments, snapshot);
            return restarted == null ? Optional.empty() : restarted;
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return qualifiedName() + " from " + plugin.label();
    }
}
