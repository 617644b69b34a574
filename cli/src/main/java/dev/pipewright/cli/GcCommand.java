package dev.pipewright.cli;

import dev.pipewright.engine.plugins.ContextClassLoader;
import dev.pipewright.engine.plugins.InstalledPlugin;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.resume.SnapshotUse;
import dev.pipewright.engine.store.RunDirectory;
import dev.pipewright.spi.GcReport;
import dev.pipewright.spi.StagePlugin;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipewright gc}: asks every plugin to remove what runs that are no longer running left
 * behind (a killed process never reached its run-end cleanup), and the snapshots no run can
 * resume from any more. The plugins decide what their resources are and remove them; this
 * command knows the runs: which are over ({@link RunLiveness}) and which snapshots a
 * {@code --resume} could still use ({@link SnapshotUse}).
 */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Removes what crashed or killed runs left behind (for example containers labelled",
            "with a run that is no longer running), and the snapshots (snapshot = true) that",
            "no `run --resume` can start from any more. Resources started with keep = true stay.",
            "Exit 0 when everything could be removed, 1 otherwise."})
final class GcCommand implements Callable<Integer> {

    /** Which snapshots to remove. */
    enum Snapshots { unused, all, none }

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where the runs are recorded, as given to `run` (default: the current directory)")
    Path stateDirectory;

    @Option(names = "--snapshots", paramLabel = "WHICH", defaultValue = "unused",
            description = "which snapshots of this state directory to remove: unused (the default: those no "
                    + "`run --resume` can start from any more), all (every one, except those of pipelines with a "
                    + "running run), none")
    Snapshots snapshots;

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
        Tally tally = new Tally(out, err);
        for (InstalledPlugin plugin : catalog.plugins()) {
            tally.add(plugin, ask(plugin, p -> p.collectGarbage(liveness)));
        }
        Set<String> unknown = new TreeSet<>(liveness.unknown());
        SnapshotUse use = snapshotUse(err);
        if (use != null) {
            for (InstalledPlugin plugin : catalog.plugins()) {
                tally.add(plugin, ask(plugin, p -> p.collectSnapshots(use)));
            }
            unknown.addAll(use.unknownRuns());
            use.elsewhere().forEach((directory, runs) -> out.println("left alone: snapshots of runs recorded under "
                    + RunDirectory.runsRoot(Path.of(directory)) + " (" + String.join(", ", runs)
                    + "); run gc with --state-dir " + directory + " for them"));
        } else if (snapshots != Snapshots.none) {
            tally.problems++;
        }
        if (!unknown.isEmpty()) {
            out.println("left alone: resources of runs not recorded under " + RunDirectory.runsRoot(stateDirectory)
                    + " (" + String.join(", ", unknown) + "); run gc with the --state-dir those runs used");
        }
        out.println("gc: removed " + tally.removed + (tally.removed == 1 ? " resource" : " resources")
                + (tally.problems == 1 ? ", 1 problem" : tally.problems > 1 ? ", " + tally.problems + " problems" : ""));
        out.flush();
        err.flush();
        return tally.problems > 0 ? Main.EXIT_FAILED : Main.EXIT_OK;
    }

    /** The rule for snapshots; null with {@code --snapshots none}, or when the runs cannot be read (said on {@code err}). */
    private SnapshotUse snapshotUse(PrintWriter err) {
        if (snapshots == Snapshots.none) {
            return null;
        }
        try {
            return new SnapshotUse(stateDirectory, snapshots == Snapshots.all ? SnapshotUse.Scope.ALL : SnapshotUse.Scope.UNUSED);
        } catch (UncheckedIOException e) {
            err.println("pipewright gc: cannot tell which snapshots a run could resume from, so none was removed: "
                    + e.getMessage());
            return null;
        }
    }

    /** Asks the plugin under its own class loader; what escapes it is one problem line. */
    private static GcReport ask(InstalledPlugin plugin, Function<StagePlugin, GcReport> question) {
        try (ContextClassLoader ignored = plugin.enter()) {
            return question.apply(plugin.plugin());
        } catch (RuntimeException | LinkageError e) {
            return new GcReport(List.of(), List.of(), List.of(String.valueOf(e.getMessage())));
        }
    }

    /** Prints each plugin's lines as they come, and counts them; a problem said twice (an engine that does not answer) is printed once. */
    private static final class Tally {
        private final PrintWriter out;
        private final PrintWriter err;
        private final Map<String, Set<String>> problemsSaid = new HashMap<>();
        int removed;
        int problems;

        Tally(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        void add(InstalledPlugin plugin, GcReport report) {
            for (String line : report.removed()) {
                out.println("removed " + line);
            }
            for (String line : report.kept()) {
                out.println("kept " + line);
            }
            Set<String> said = problemsSaid.computeIfAbsent(plugin.namespace(), n -> new LinkedHashSet<>());
            for (String line : report.problems()) {
                if (said.add(line)) {
                    err.println("pipewright gc: " + plugin.namespace() + ": " + line);
                    problems++;
                }
            }
            removed += report.removed().size();
        }
    }
}
