package dev.pipewright.cli.runs;

import dev.pipewright.cli.LeanArguments;
import dev.pipewright.cli.LeanCommand;
import dev.pipewright.cli.Main;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.store.RunStore;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipewright runs}: the stored runs, newest first, as a table. */
@Command(name = "runs", description = "Lists runs, newest first.", sortOptions = false)
public final class RunsCommand implements Callable<Integer>, LeanCommand {

    private static final LeanArguments.Syntax LEAN = LeanArguments.syntax()
            .single("--pipeline").single("--state").single("--last").single("--state-dir");

    @Option(names = "--pipeline", paramLabel = "NAME", description = "only runs of this pipeline")
    String pipeline;

    @Option(names = "--state", paramLabel = "STATE",
            description = "only runs in this state: running, succeeded, failed, cancelled, interrupted")
    String state;

    @Option(names = "--last", paramLabel = "N", description = "at most N runs (default: 20)")
    int last = 20;

    @Mixin
    StateDirOption stateDir = new StateDirOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command for plain arguments (after {@code runs}); empty when picocli must read them. */
    public static Optional<LeanCommand> lean(List<String> args) {
        Optional<LeanArguments> read = LEAN.read(args);
        if (read.isEmpty() || !read.get().operands().isEmpty()) {
            return Optional.empty();
        }
        LeanArguments arguments = read.get();
        RunsCommand command = new RunsCommand();
        command.pipeline = arguments.value("--pipeline").orElse(null);
        command.state = arguments.value("--state").orElse(null);
        try {
            arguments.value("--last").map(Integer::valueOf).ifPresent(last -> command.last = last);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        command.stateDir.read(arguments);
        return Optional.of(command);
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public int execute(PrintWriter out, PrintWriter err) {
        RunStatus status = null;
        if (state != null) {
            status = RunStatus.parse(state).orElse(null);
            if (status == null) {
                err.println("pipewright runs: unknown state `" + state + "`; a run is "
                        + Arrays.stream(RunStatus.values()).map(RunStatus::label).collect(Collectors.joining(", ")));
                return Main.EXIT_USAGE;
            }
        }
        if (last < 1) {
            err.println("pipewright runs: --last must be at least 1, not " + last);
            return Main.EXIT_USAGE;
        }
        RunStore store = stateDir.store();
        List<RunState> runs = store.list(pipeline, status, last);
        if (runs.isEmpty()) {
            out.println(store.ids().isEmpty() ? "no runs in " + store.runsRoot() : "no runs match");
            out.flush();
            return Main.EXIT_OK;
        }
        Table table = new Table("RUN", "PIPELINE", "STATE", "PROGRESS", "STARTED", "DURATION", "ERROR");
        for (RunState run : runs) {
            table.row(run.id(), run.pipeline(), run.state().label(), Cells.percent(run.progress()),
                    Cells.time(run.started()), Cells.duration(run.durationAt(java.time.Instant.now())),
                    Cells.oneLine(run.error(), 60));
        }
        table.print(out);
        return Main.EXIT_OK;
    }
}
