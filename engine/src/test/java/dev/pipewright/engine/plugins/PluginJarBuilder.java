package dev.pipewright.engine.plugins;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pipewright.spi.StagePlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real jars for tests: Java sources compiled with the JDK's compiler against the SPI (and
 * any jars given), a manifest with a version, and a {@code META-INF/services} file listing the
 * providers. Shared with the cli and examples tests through the engine's test jar.
 */
public final class PluginJarBuilder {

    private final String fileName;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> providers = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();
    private String version;

    private PluginJarBuilder(String fileName) {
        this.fileName = fileName;
    }

    /** A jar called {@code fileName} ({@code greeter.jar}). */
    public static PluginJarBuilder jar(String fileName) {
        return new PluginJarBuilder(fileName);
    }

    /** A complete compilation unit for the class {@code qualifiedClassName}. */
    public PluginJarBuilder source(String qualifiedClassName, String source) {
        sources.put(qualifiedClassName, source);
        return this;
    }

    /** A generated {@link StagePlugin}, listed as a provider. */
    public PluginJarBuilder plugin(StagePluginSource plugin) {
        sources.put(plugin.className(), plugin.toSource());
        providers.add(plugin.className());
        return this;
    }

    /** Lists {@code className} in {@code META-INF/services} without adding a source for it. */
    public PluginJarBuilder provider(String className) {
        providers.add(className);
        return this;
    }

    /** {@code Implementation-Version} in the manifest. */
    public PluginJarBuilder version(String version) {
        this.version = version;
        return this;
    }

    /** Compiles against {@code jar} too (a library the plugin bundles next to it). */
    public PluginJarBuilder compiledAgainst(Path jar) {
        classPath.add(jar);
        return this;
    }

    /** Writes the jar into {@code directory} and returns its path. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path classes = Files.createTempDirectory("plugin-classes");
            try {
                compile(classes);
                Path jar = directory.resolve(fileName);
                writeJar(classes, jar);
                return jar;
            } finally {
                deleteTree(classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Path sourceDir = classes.resolve("src");
        List<String> options = List.of("-d", classes.toString(), "--release", "17", "-proc:none", "-classpath", classPath());
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null, options, null,
                compiler.getStandardFileManager(null, null, UTF_8).getJavaFileObjectsFromStrings(files)).call();
        if (!compiled) {
            throw new IllegalStateException("test plugin does not compile:\n" + errors);
        }
        deleteTree(sourceDir);
    }

    private String classPath() {
        List<String> entries = new ArrayList<>();
        entries.add(spiLocation().toString());
        classPath.forEach(jar -> entries.add(jar.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Where the SPI classes are: {@code spi/target/classes} in the reactor, or the spi jar. */
    public static Path spiLocation() {
        try {
            return Path.of(StagePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream, manifest)) {
            if (!providers.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + StagePlugin.class.getName()));
                out.write((String.join("\n", providers) + "\n").getBytes(UTF_8));
                out.closeEntry();
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    /** Deletes a directory tree; used by tests for what they create outside JUnit's temp dirs. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
