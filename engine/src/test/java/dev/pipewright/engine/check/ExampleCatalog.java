package dev.pipewright.engine.check;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The real {@code core.*} stage types (the engine's plugin, found on the class path) plus the
 * {@code docker.*} and {@code git.*} types that LANGUAGE.md's examples use, described by their
 * schemas only: the engine module does not depend on those plugins, and checks read nothing
 * but schemas. Not registered as a plugin: tests pass it explicitly.
 */
final class ExampleCatalog implements StageCatalog {

    private final Map<String, StageType> types = new TreeMap<>();

    ExampleCatalog() {
        PluginRegistry core = PluginRegistry.load(PluginDirectories.none());
        core.qualifiedNames().forEach(name -> types.put(name, core.find(name).orElseThrow()));
        add("docker.image-exists", StageSchema.builder("Whether an image is present locally")
                .required("image", ValueType.STRING, "the image reference")
                .output("exists", ValueType.BOOL, "whether it exists").build());
        add("docker.pull", StageSchema.builder("Pulls an image")
                .required("image", ValueType.STRING, "the image reference").build());
        add("docker.run", StageSchema.builder("Runs a container")
                .required("image", ValueType.STRING, "the image reference")
                .optional("command", ValueType.LIST, null, "the command")
                .output("exit-code", ValueType.INT, "its exit code").build());
        add("git.clone", StageSchema.builder("Clones a repository")
                .required("url", ValueType.STRING, "the repository")
                .required("into", ValueType.PATH, "the directory")
                .output("commit", ValueType.STRING, "the commit checked out").build());
    }

    private void add(String name, StageSchema schema) {
        types.put(name, new StageType() {
            @Override
            public String name() {
                return name.substring(name.indexOf('.') + 1);
            }

            @Override
            public StageSchema schema() {
                return schema;
            }

            @Override
            public Map<String, Object> run(StageContext context) {
                throw new UnsupportedOperationException("a schema for checks only");
            }
        });
    }

    @Override
    public Optional<StageType> find(String qualifiedName) {
        return Optional.ofNullable(types.get(qualifiedName));
    }

    @Override
    public Collection<String> qualifiedNames() {
        return types.keySet();
    }
}
