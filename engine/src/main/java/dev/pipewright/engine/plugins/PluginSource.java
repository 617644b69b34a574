package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One third-party plugin before it is loaded: a jar, or a folder whose jars make up the plugin.
 *
 * @param name the jar's or folder's file name
 * @param location the jar or folder
 * @param jars the jars of its class path, sorted by file name so lookups are the same everywhere
 */
record PluginSource(String name, Path location, List<Path> jars) {

    PluginSource {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        jars = List.copyOf(jars);
    }

    /**
     * The plugins in {@code directories}: each {@code *.jar} directly inside, and each sub-folder
     * holding jars. Missing directories the user named and empty folders become warnings; a
     * directory named twice is scanned once.
     */
    static List<PluginSource> scan(PluginDirectories directories, List<PluginProblem> problems) {
        List<PluginSource> sources = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (PluginDirectories.PluginDirectory directory : directories.directories()) {
            Path path = directory.path().toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                if (directory.expected()) {
                    problems.add(PluginProblem.warning("plugin directory " + path + " (from " + directory.origin()
                            + ") does not exist or is not a directory"));
                }
                continue;
            }
            if (seen.add(realPath(path))) {
                scanDirectory(path, sources, problems);
            }
        }
        return sources;
    }

    private static void scanDirectory(Path directory, List<PluginSource> sources, List<PluginProblem> problems) {
        for (Path entry : sortedEntries(directory, problems)) {
            if (Files.isDirectory(entry)) {
                List<Path> jars = sortedEntries(entry, problems).stream().filter(PluginSource::isJar).toList();
                if (jars.isEmpty()) {
                    problems.add(PluginProblem.warning("plugin folder " + entry + " holds no jar; it is ignored"));
                } else {
                    sources.add(new PluginSource(entry.getFileName().toString(), entry, jars));
                }
            } else if (isJar(entry)) {
                sources.add(new PluginSource(entry.getFileName().toString(), entry, List.of(entry)));
            }
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> sortedEntries(Path directory, List<PluginProblem> problems) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            problems.add(PluginProblem.error("cannot read plugin directory " + directory + ": " + PluginErrors.describe(e)));
            return List.of();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
