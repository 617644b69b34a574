package dev.pipewright.engine.run;

import dev.pipewright.engine.events.RunListener;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.resume.ResumeOptions;
import dev.pipewright.grammar.ast.PipelineFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs. The file must have passed its checks; the interpreter still fails a
 * stage cleanly (never with a stack trace) when a value has the wrong type at run time.
 *
 * @param file the parsed pipeline; its {@code path} locates {@code core.pipeline} files and is the
 *     base directory of relative paths
 * @param params the values given on the command line or in a parameters file, already of their
 *     declared types ({@code Long}, {@code Duration}, ...); defaults fill in the rest
 * @param catalog the installed stage types
 * @param stateDirectory the directory holding {@code .pipewright/runs}
 * @param listeners receive every event, in order, on the run's dispatcher thread (the event log
 *     writer is added by the runner, first)
 * @param env where {@code env.NAME} and {@code secret.NAME} are read
 * @param loader parses and checks the files of {@code core.pipeline} stages; by default
 *     {@link PipelineLoader#parsing()}
 * @param diagnostics where problems outside the run are reported, such as a listener that threw
 * @param resume whether earlier results may be reused ({@code --resume}, {@code cache}); default
 *     {@link ResumeOptions#CACHE}
 */
public record RunRequest(
        PipelineFile file,
        Map<String, Object> params,
        StageCatalog catalog,
        Path stateDirectory,
        List<RunListener> listeners,
        Map<String, String> env,
        PipelineLoader loader,
        PrintStream diagnostics,
        ResumeOptions resume) {

    public RunRequest {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(catalog, "catalog is null");
        Objects.requireNonNull(stateDirectory, "stateDirectory is null");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params == null ? Map.of() : params));
        listeners = List.copyOf(listeners == null ? List.of() : listeners);
        env = Map.copyOf(env == null ? Map.of() : env);
        loader = loader == null ? PipelineLoader.parsing() : loader;
        diagnostics = diagnostics == null ? System.err : diagnostics;
        resume = resume == null ? ResumeOptions.CACHE : resume;
    }

    /** A request with the default {@link ResumeOptions#CACHE}. */
    public RunRequest(PipelineFile file, Map<String, Object> params, StageCatalog catalog, Path stateDirectory,
            List<RunListener> listeners, Map<String, String> env, PipelineLoader loader, PrintStream diagnostics) {
        this(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, ResumeOptions.CACHE);
    }

    /** A request with no parameters or listeners, the process's environment and the parsing loader. */
    public static RunRequest of(PipelineFile file, StageCatalog catalog, Path stateDirectory) {
        return new RunRequest(file, Map.of(), catalog, stateDirectory, List.of(), System.getenv(), null, null);
    }

    public RunRequest withParams(Map<String, Object> params) {
        return new RunRequest(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, resume);
    }

    public RunRequest withListeners(List<RunListener> listeners) {
        return new RunRequest(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, resume);
    }

    public RunRequest withEnv(Map<String, String> env) {
        return new RunRequest(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, resume);
    }

    public RunRequest withLoader(PipelineLoader loader) {
        return new RunRequest(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, resume);
    }

    public RunRequest withDiagnostics(PrintStream diagnostics) {
        return new RunRequest(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, resume);
    }

    public RunRequest withResume(ResumeOptions resume) {
        return new RunRequest(file, params, catalog, stateDirectory, listeners, env, loader, diagnostics, resume);
    }

    /** The directory of the pipeline file: relative paths in arguments are resolved against it. */
    public Path baseDirectory() {
        Path parent = Path.of(file.path()).toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
