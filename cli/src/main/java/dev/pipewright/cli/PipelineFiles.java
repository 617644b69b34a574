package dev.pipewright.cli;

import dev.pipewright.engine.check.Validator;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.run.PipelineLoader;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.DiagnosticRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads pipeline files and renders their diagnostics the way {@code pipewright check} does. */
final class PipelineFiles {

    private PipelineFiles() {
    }

    /** The text of a pipeline file, or a one-sentence reason why it cannot be read. */
    static String read(Path file) throws UsageException {
        SourceFiles.Read read = SourceFiles.read(file.toString());
        if (!read.ok()) {
            throw new UsageException(read.problem().message());
        }
        return read.text();
    }

    /** Every diagnostic, each with its source line and caret, as {@code check} prints them. */
    static String render(List<Diagnostic> diagnostics, String path, String source) {
        DiagnosticRenderer renderer = new DiagnosticRenderer(file -> file.equals(path) ? source : null);
        StringBuilder text = new StringBuilder();
        diagnostics.forEach(diagnostic -> text.append(renderer.render(diagnostic)));
        return text.toString();
    }

    /** Loads the files of {@code core.pipeline} stages with the same parser and checks as {@code run}. */
    static PipelineLoader loader(StageCatalog catalog) {
        return file -> {
            String source;
            try {
                source = read(file);
            } catch (UsageException e) {
                throw new PipelineLoader.LoadException(e.getMessage());
            }
            String path = file.toString();
            // Its parameters come from the calling stage, which the engine checks when it calls.
            ParseResult result = Validator.parseAndCheck(path, source, catalog, Optional.empty());
            if (result.file().isEmpty()) {
                throw new PipelineLoader.LoadException(render(result.diagnostics(), path, source).stripTrailing());
            }
            return result.file().get();
        };
    }

    static ParseResult check(String path, String source, StageCatalog catalog, Map<String, Object> params) {
        return Validator.parseAndCheck(path, source, catalog, Optional.of(params));
    }
}
