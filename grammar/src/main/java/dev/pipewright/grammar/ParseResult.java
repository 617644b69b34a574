package dev.pipewright.grammar;

import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What reading a file produced.
 *
 * @param file the AST, present exactly when there is no error among {@code diagnostics}
 * @param diagnostics every syntax problem found, sorted by position
 */
public record ParseResult(Optional<PipelineFile> file, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
