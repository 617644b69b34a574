package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class loader of one third-party plugin. Its parent is the platform class loader, so the
 * plugin sees the JDK and its own jars, and nothing of the engine's class path except the SPI
 * package, which it must share with the engine to hand over its {@code StagePlugin}. Two plugins
 * that bundle different versions of one library therefore never see each other's copy.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final String SPI_PACKAGE = "dev.pipewright.spi";

    private final String pluginName;
    private final ClassLoader spiLoader;

    /** @param jars the plugin's jars, in the (sorted) order classes are looked up in */
    PluginClassLoader(String pluginName, List<Path> jars, ClassLoader spiLoader) {
        super(pluginName, urls(jars), ClassLoader.getPlatformClassLoader());
        this.pluginName = requireNonNull(pluginName, "pluginName is null");
        this.spiLoader = requireNonNull(spiLoader, "spiLoader is null");
    }

    private static URL[] urls(List<Path> jars) {
        return jars.stream().map(jar -> {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // Only the SPI package itself is shared: a copy bundled in the plugin would be a different
        // class, and the engine could not use the plugin through it.
        if (name.startsWith(SPI_PACKAGE + ".") && name.lastIndexOf('.') == SPI_PACKAGE.length()) {
            return spiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + pluginName + "]";
    }
}
