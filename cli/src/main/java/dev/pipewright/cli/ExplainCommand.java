package dev.pipewright.cli;

import dev.pipewright.engine.resume.RunExplanation;
import dev.pipewright.engine.resume.RunHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipewright explain RUN [STAGE]}: for each stage call of a run, whether it ran, was
 * reused (from which run, with which fingerprint) or ran again, and why.
 */
@Command(name = "explain", description = "Says, for each stage of a run, whether it ran, was reused, or ran again and why.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's id, or `latest`")
    String run;

    @Parameters(index = "1", paramLabel = "STAGE", arity = "0..1", description = "only this stage (and its for-each elements)")
    String stage;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where .pipewright/runs/<run-id>/ is kept (default: the current directory)")
    Path stateDirectory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String id = run;
        if (id.equals("latest")) {
            id = RunHistory.latest(stateDirectory, null, null).orElse(null);
            if (id == null) {
                err.println("pipewright explain: there are no runs under " + stateDirectory.toAbsolutePath().normalize());
                return Main.EXIT_USAGE;
            }
        }
        List<RunExplanation.Line> lines;
        try {
            lines = RunExplanation.of(stateDirectory, id, stage);
        } catch (IllegalArgumentException e) {
            err.println("pipewright explain: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        String pipeline = RunHistory.pipelineOf(stateDirectory.toAbsolutePath().normalize(), id).orElse("?");
        out.println("run " + id + " of " + pipeline);
        int width = lines.stream().mapToInt(line -> line.stage().length()).max().orElse(0);
        for (RunExplanation.Line line : lines) {
            out.println("  " + line.stage() + " ".repeat(width - line.stage().length()) + "  " + line.explanation());
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
