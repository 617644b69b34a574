package dev.pipewright.engine.resume;

import dev.pipewright.engine.plugins.StageTypeHandle;
import dev.pipewright.spi.StageType;

/** The version a stage type's fingerprint carries: that of the plugin (the jar) it was loaded from. */
public final class TypeVersions {

    /** Every call of a stage asks; the package's manifest attributes are looked up once per class. */
    private static final ClassValue<String> OF_CLASS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Package p = type.getPackage();
            String version = p == null ? null : p.getImplementationVersion();
            return version == null ? "" : version;
        }
    };

    private TypeVersions() {
    }

    /** The {@code Implementation-Version} of the jar that holds the stage type's class; empty when it has none. */
    public static String of(StageType type) {
        if (type instanceof StageTypeHandle handle) {
            return handle.plugin().versionIfKnown().orElse("");
        }
        return OF_CLASS.get(type.getClass());
    }
}
