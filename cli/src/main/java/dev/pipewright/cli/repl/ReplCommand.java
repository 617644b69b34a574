package dev.pipewright.cli.repl;

import dev.pipewright.cli.PluginOptions;
import dev.pipewright.engine.plugins.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipewright repl}: the interactive shell on the process's terminal. */
@Command(name = "repl", description = "An interactive shell: runs in the background, queries, history.")
public final class ReplCommand implements Callable<Integer> {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where .pipewright/runs/<run-id>/ is kept (default: the current directory)")
    Path stateDirectory;

    @Option(names = "--history", paramLabel = "FILE",
            description = "where the command history is kept (default: <state-dir>/.pipewright/history)")
    Path history;

    @CommandLine.Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path historyFile = history != null ? history : stateDirectory.resolve(".pipewright").resolve("history");
        Files.createDirectories(historyFile.toAbsolutePath().getParent());
        // The same plugins as `run`, so runs started here clean up the same way (runEnded).
        try (PluginRegistry catalog = plugins.load(spec.commandLine().getErr())) {
            Terminal terminal = TerminalBuilder.builder().name("pipewright").system(true).build();
            try {
                return new Repl(terminal, stateDirectory, historyFile, catalog).loop();
            } finally {
                close(terminal);
            }
        }
    }

    /**
     * Closes a terminal that had a status line. JLine 4.5 marks the terminal closed and then asks
     * the status line to erase itself, which fails; the status line is already blank by then.
     */
    static void close(Terminal terminal) throws IOException {
        try {
            terminal.close();
        } catch (IllegalStateException e) {
            // See above: nothing is left to clean up.
        }
    }
}
