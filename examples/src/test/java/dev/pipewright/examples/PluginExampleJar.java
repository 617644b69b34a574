package dev.pipewright.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The example plugin's jar, as the build of {@code examples/plugin-example} made it. When only
 * its classes exist (the reactor stopped before {@code package}, as in {@code -pl examples -am
 * test}), the same jar is made from them.
 */
final class PluginExampleJar {

    private PluginExampleJar() {
    }

    /** Copies the plugin jar into {@code plugins} and returns the copy. */
    static Path installInto(Path plugins) throws IOException {
        Path module = Path.of(System.getProperty("pluginExample.directory", "plugin-example"));
        Path jar = module.resolve("target/plugin-example.jar");
        Path classes = module.resolve("target/classes");
        Files.createDirectories(plugins);
        Path installed = plugins.resolve("plugin-example.jar");
        if (!Files.isDirectory(classes)) {
            if (Files.isRegularFile(jar)) {
                return Files.copy(jar, installed);
            }
            throw new IllegalStateException("build the example plugin first: ./mvnw -B -ntp -pl examples -am verify");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (Files.isRegularFile(jar) && isNewerThanAll(jar, files)) {
            return Files.copy(jar, installed);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "0.1.0-SNAPSHOT");
        try (OutputStream stream = Files.newOutputStream(installed); JarOutputStream out = new JarOutputStream(stream, manifest)) {
            for (Path file : files) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return installed;
    }

    private static boolean isNewerThanAll(Path jar, List<Path> files) throws IOException {
        for (Path file : files) {
            if (Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return false;
            }
        }
        return true;
    }
}
