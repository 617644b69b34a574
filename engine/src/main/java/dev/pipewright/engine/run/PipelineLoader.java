package dev.pipewright.engine.run;

import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.DiagnosticRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Parses and checks the file a {@code core.pipeline} stage runs. The CLI gives one that runs
 * the same parser and checks as {@code pipewright check}.
 */
@FunctionalInterface
public interface PipelineLoader {

    /**
     * A loader that reads and parses, without the checks against stage types (the CLI adds
     * those); syntax errors come back rendered as {@code FILE:LINE:COL: error: ...}.
     */
    static PipelineLoader parsing() {
        return file -> {
            String source;
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new LoadException("cannot read pipeline file " + file + ": " + e.getMessage());
            }
            ParseResult result = PipelineParser.parse(file.toString(), source);
            if (result.file().isEmpty()) {
                DiagnosticRenderer renderer = new DiagnosticRenderer(name -> source);
                throw new LoadException(result.diagnostics().stream().filter(Diagnostic::isError)
                        .map(renderer::render).collect(Collectors.joining("\n")));
            }
            return result.file().get();
        };
    }

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
