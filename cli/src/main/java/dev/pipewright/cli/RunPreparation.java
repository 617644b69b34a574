package dev.pipewright.cli;

import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code run} does before a run starts, for other front ends (the REPL): read the file, type
 * the {@code NAME=VALUE} parameters, check everything, and build the request, or explain in
 * {@code check}'s words why nothing can run.
 */
public final class RunPreparation {

    private RunPreparation() {
    }

    /** The file failed to read, parse or check; the message is ready to print. */
    public static final class NotRunnable extends Exception {
        private static final long serialVersionUID = 1L;

        public NotRunnable(String message) {
            super(message);
        }
    }

    /** A request for a run that passed its checks (warnings, if any, are in {@code warnings}). */
    public record Prepared(RunRequest request, String pipeline, String warnings) {
    }

    public static Prepared prepare(Path file, List<String> assignments, StageCatalog catalog, Path stateDirectory)
            throws NotRunnable {
        try {
            String path = file.toString();
            String source = PipelineFiles.read(file);
            ParseResult parsed = PipelineParser.parse(path, source);
            if (parsed.file().isEmpty()) {
                throw notRunnable(parsed.diagnostics(), path, source);
            }
            var values = ParamValues.resolve(parsed.file().get().pipeline(), null, assignments);
            ParseResult checked = PipelineFiles.check(path, source, catalog, values);
            if (checked.hasErrors() || checked.file().isEmpty()) {
                throw notRunnable(checked.diagnostics(), path, source);
            }
            RunRequest request = RunRequest.of(checked.file().get(), catalog, stateDirectory)
                    .withParams(values)
                    .withLoader(PipelineFiles.loader(catalog));
            String warnings = checked.diagnostics().isEmpty() ? "" : PipelineFiles.render(checked.diagnostics(), path, source);
            return new Prepared(request, checked.file().get().pipeline().name().value(), warnings);
        } catch (UsageException e) {
            throw new NotRunnable(e.getMessage());
        }
    }

    private static NotRunnable notRunnable(List<Diagnostic> diagnostics, String path, String source) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return new NotRunnable(PipelineFiles.render(diagnostics, path, source)
                + errors + (errors == 1 ? " error" : " errors") + " found; nothing was run");
    }
}
