package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Who provides a stage type: a built-in plugin from the application's class path, or a
 * third-party plugin (one jar, or one folder of jars) from a plugin directory.
 *
 * @param name the jar's or folder's file name ({@code text-plugin-1.0.jar}); {@code built-in}
 *     for the built-ins
 * @param location the jar or folder; for a built-in, where its class was loaded from (may be null)
 * @param version {@code Implementation-Version} from the manifest of the jar that holds the
 *     plugin's class; may be null
 * @param builtIn whether the plugin came from the application's class path
 */
public record PluginIdentity(String name, Path location, String version, boolean builtIn) {

    public static final String BUILT_IN = "built-in";

    public PluginIdentity {
        requireNonNull(name, "name is null");
    }

    public Optional<String> versionIfKnown() {
        return Optional.ofNullable(version);
    }

    /** How messages and {@code pipewright stages} name the plugin: {@code built-in}, {@code text-plugin.jar 1.0}. */
    public String label() {
        if (builtIn) {
            return BUILT_IN;
        }
        return version == null ? name : name + " " + version;
    }

    @Override
    public String toString() {
        return label();
    }
}
