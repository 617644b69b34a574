package dev.pipewright.cli.runs;

import dev.pipewright.cli.Main;
import dev.pipewright.engine.state.LogLine;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.StageState;
import dev.pipewright.engine.state.StageStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipewright show RUN}: one run, stage by stage, with the failed stage's last output. */
@Command(name = "show", description = "Shows one run: its stages, and the failed stage's last log lines.")
public final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN",
            description = "a run id (a unique prefix will do), or a pipeline name for its latest run")
    String run;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "20",
            description = "log lines shown for a failed stage (default: 20)")
    int lines;

    @Mixin
    StateDirOption stateDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunState state;
        try {
            state = RunLookup.find(stateDir.store(), run);
        } catch (RunLookup.RunNotFound e) {
            spec.commandLine().getErr().println("pipewright show: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        print(state, lines, Instant.now(), out);
        out.flush();
        return Main.EXIT_OK;
    }

    /** The run as {@code show} prints it; the REPL's {@code show} prints the same. */
    public static void print(RunState state, int logLines, Instant now, PrintWriter out) {
        out.println("run       " + state.id());
        out.println("pipeline  " + state.pipeline());
        String how = state.state().label();
        if (!state.state().ended()) {
            how += " (" + Cells.percent(state.progress()) + (state.currentStage() == null ? "" : ", " + state.currentStage())
                    + ")";
        }
        out.println("state     " + how);
        out.println("started   " + Cells.time(state.started()));
        out.println("duration  " + Cells.duration(state.durationAt(now)));
        if (!state.params().isEmpty()) {
            out.println("params    " + state.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (state.error() != null) {
            out.println("error     " + state.error());
        }
        if (state.stages().isEmpty()) {
            return;
        }
        out.println();
        Table table = new Table("STAGE", "STATUS", "DURATION", "ATTEMPTS", "ERROR");
        for (StageState stage : state.stages()) {
            table.row(stage.name(), stage.status().label(), Cells.duration(stage.durationAt(now)),
                    Integer.toString(stage.attempts()), Cells.oneLine(stage.error(), 200));
        }
        table.print(out);
        for (StageState stage : state.stages()) {
            boolean failedTheRun = stage.name().equals(state.failedStage());
            if (stage.status() == StageStatus.FAILED && (failedTheRun || state.failedStage() == null)
                    && !stage.logs().isEmpty()) {
                List<LogLine> logs = stage.logs();
                out.println();
                out.println("last lines of " + stage.name() + ":");
                logs.subList(Math.max(0, logs.size() - logLines), logs.size())
                        .forEach(line -> out.println("  " + line.line()));
            }
        }
    }
}
