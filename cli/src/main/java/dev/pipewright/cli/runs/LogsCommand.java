package dev.pipewright.cli.runs;

import dev.pipewright.cli.Main;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.store.EventLogFollower;
import dev.pipewright.engine.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipewright logs RUN [STAGE]}: the output of a run's stages, from its event log. */
@Command(name = "logs", description = "Prints a run's output (one stage's with STAGE); --follow tails a live run.")
public final class LogsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN",
            description = "a run id (a unique prefix will do), or a pipeline name for its latest run")
    String run;

    @Parameters(index = "1", paramLabel = "STAGE", arity = "0..1",
            description = "only this stage (a sub-pipeline's stages are `caller/stage`)")
    String stage;

    @Option(names = {"-f", "--follow"}, description = "keep printing until the run ends")
    boolean follow;

    @Mixin
    StateDirOption stateDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunStore store = stateDir.store();
        RunState state;
        try {
            state = RunLookup.find(store, run);
        } catch (RunLookup.RunNotFound e) {
            err.println("pipewright logs: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (stage != null && state.stage(stage).isEmpty() && (state.state().ended() || !follow)) {
            err.println("pipewright logs: run " + state.id() + " has no stage `" + stage + "`; its stages: "
                    + String.join(", ", state.stages().stream().map(s -> s.name()).toList()));
            return Main.EXIT_USAGE;
        }
        LogPrinter printer = new LogPrinter(stage, out);
        if (follow) {
            EventLogFollower.End end = new EventLogFollower(store.eventsFile(state.id()), Duration.ofMillis(100))
                    .follow(printer::print);
            if (end == EventLogFollower.End.INTERRUPTED) {
                err.println("pipewright logs: the run's process is gone; the run was interrupted");
            }
        } else {
            store.events(state.id()).forEach(printer::print);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /** Prints {@code stage:log} lines: bare for one stage, prefixed with the stage otherwise. */
    static final class LogPrinter {
        private final String stage;
        private final PrintWriter out;

        LogPrinter(String stage, PrintWriter out) {
            this.stage = stage;
            this.out = out;
        }

        void print(RunEvent event) {
            if (!(event instanceof RunEvent.StageLogged logged)) {
                return;
            }
            String parent = event.header().parent();
            String path = parent == null ? logged.stage() : parent + "/" + logged.stage();
            if (stage == null) {
                out.println("[" + path + "] " + logged.line());
            } else if (path.equals(stage) || path.startsWith(stage + "/")) {
                out.println(logged.line());
            } else {
                return;
            }
            out.flush();
        }
    }
}
