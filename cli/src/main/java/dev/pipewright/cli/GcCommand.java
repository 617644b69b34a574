package dev.pipewright.cli;

import dev.pipewright.engine.plugins.ContextClassLoader;
import dev.pipewright.engine.plugins.InstalledPlugin;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.store.RunDirectory;
import dev.pipewright.spi.GcReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipewright gc}: asks every plugin to remove what runs that are no longer running left
 * behind (a killed process never reached its run-end cleanup). The plugins decide what that is;
 * this command only knows which runs are over.
 */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Removes what crashed or killed runs left behind (for example containers labelled",
            "with a run that is no longer running). Resources started with keep = true stay.",
            "Exit 0 when everything could be removed, 1 otherwise."})
final class GcCommand implements Callable<Integer> {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where the runs are recorded, as given to `run` (default: the current directory)")
    Path stateDirectory;

    @CommandLine.Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PluginRegistry catalog = plugins.load(err)) {
            return collect(catalog, out, err);
        }
    }

    private int collect(PluginRegistry catalog, PrintWriter out, PrintWriter err) {
        RunLiveness liveness = new RunLiveness(stateDirectory);
        int removed = 0;
        int problems = 0;
        for (InstalledPlugin plugin : catalog.plugins()) {
            GcReport report;
            try (ContextClassLoader ignored = plugin.enter()) {
                report = plugin.plugin().collectGarbage(liveness);
            } catch (RuntimeException | LinkageError e) {
                report = new GcReport(java.util.List.of(), java.util.List.of(), java.util.List.of(String.valueOf(e.getMessage())));
            }
            for (String line : report.removed()) {
                out.println("removed " + line);
            }
            for (String line : report.kept()) {
                out.println("kept " + line);
            }
            for (String line : report.problems()) {
                err.println("pipewright gc: " + plugin.namespace() + ": " + line);
            }
            removed += report.removed().size();
            problems += report.problems().size();
        }
        if (!liveness.unknown().isEmpty()) {
            out.println("left alone: resources of runs not recorded under " + RunDirectory.runsRoot(stateDirectory)
                    + " (" + String.join(", ", liveness.unknown()) + "); run gc with the --state-dir those runs used");
        }
        out.println("gc: removed " + removed + (removed == 1 ? " resource" : " resources")
                + (problems > 0 ? ", " + problems + " could not be removed" : ""));
        out.flush();
        err.flush();
        return problems > 0 ? Main.EXIT_FAILED : Main.EXIT_OK;
    }
}
