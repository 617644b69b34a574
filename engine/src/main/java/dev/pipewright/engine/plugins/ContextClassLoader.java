package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

/**
 * Sets the thread's context class loader for a block and restores the previous one:
 * {@code try (var ignored = ContextClassLoader.use(loader)) { pluginCode(); }}. Plugin code
 * always runs under its own loader, so libraries that look classes up through the context loader
 * (JAXB, Jackson modules, JDBC drivers) find the plugin's copies, not the engine's.
 */
public final class ContextClassLoader implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private ContextClassLoader(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    /** Makes {@code loader} the current thread's context class loader until {@link #close()}. */
    public static ContextClassLoader use(ClassLoader loader) {
        return new ContextClassLoader(requireNonNull(loader, "loader is null"));
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
