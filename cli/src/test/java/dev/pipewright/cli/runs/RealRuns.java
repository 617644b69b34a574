package dev.pipewright.cli.runs;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunHandle;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.PipelineFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real runs of real pipeline files through the engine's runner, and commands run in-process. */
final class RealRuns {

    private static final PluginRegistry CATALOG = PluginRegistry.load(PluginDirectories.none());

    private RealRuns() {
    }

    static RunHandle start(Path stateDir, String source) throws IOException {
        Path file = Files.createTempFile(stateDir, "pipeline-", ".pipeline");
        Files.writeString(file, source);
        PipelineFile parsed = PipelineParser.parse(file.toString(), source).file().orElseThrow();
        return new PipelineRunner().start(RunRequest.of(parsed, CATALOG, stateDir));
    }

    static String run(Path stateDir, String source) throws IOException, InterruptedException {
        RunHandle handle = start(stateDir, source);
        handle.awaitOutcome();
        return handle.runId();
    }

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    static Result command(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.pipewright.cli.Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
