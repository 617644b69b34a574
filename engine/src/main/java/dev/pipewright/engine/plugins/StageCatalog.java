package dev.pipewright.engine.plugins;

import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The stage types a check or a run can use, by qualified name ({@code docker.build}).
 * Checks read only schemas; the interpreter also needs the types themselves.
 */
public interface StageCatalog {

    /** The stage type named {@code namespace.name}, if installed. */
    Optional<StageType> find(String qualifiedName);

    /** The schema of the stage type named {@code namespace.name}, if installed. */
    default Optional<StageSchema> schema(String qualifiedName) {
        return find(qualifiedName).map(StageType::schema);
    }

    /** Every installed qualified name, sorted; used for "did you mean" hints. */
    Collection<String> qualifiedNames();

    /**
     * Tells the plugins behind this catalog that a run has ended, after its {@code finally}
     * ({@code StagePlugin.runEnded}). Never throws.
     *
     * @return one line per plugin that failed, for the run's diagnostics
     */
    default List<String> runEnded(String runId) {
        return List.of();
    }
}
