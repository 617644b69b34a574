package dev.pipewright.engine.run;

import dev.pipewright.grammar.ast.PipelineFile;
import java.nio.file.Path;

/**
 * Parses and checks the file a {@code core.pipeline} stage runs. The CLI gives one that runs
 * the same parser and checks as {@code pipewright check}.
 */
@FunctionalInterface
public interface PipelineLoader {

    /** A loader for runs that never call another pipeline: every call fails with a clear message. */
    PipelineLoader NONE = file -> {
        throw new LoadException("cannot run " + file + ": this run was started without a pipeline loader");
    };

    /**
     * @throws LoadException when the file cannot be read, parsed or checked; its message holds the
     *     diagnostics, formatted for the console
     */
    PipelineFile load(Path file) throws LoadException;

    /** The file could not be read, parsed or checked. */
    final class LoadException extends Exception {
        private static final long serialVersionUID = 1L;

        public LoadException(String message) {
            super(message);
        }
    }
}
