package dev.pipewright.engine.resume;

import dev.pipewright.engine.plugins.StageTypeHandle;
import dev.pipewright.spi.StageType;

/** The version a stage type's fingerprint carries: that of the plugin (the jar) it was loaded from. */
public final class TypeVersions {

    private TypeVersions() {
    }

    /** The {@code Implementation-Version} of the jar that holds the stage type's class; empty when it has none. */
    public static String of(StageType type) {
        if (type instanceof StageTypeHandle handle) {
            return handle.plugin().versionIfKnown().orElse("");
        }
        Package p = type.getClass().getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "" : version;
    }
}
