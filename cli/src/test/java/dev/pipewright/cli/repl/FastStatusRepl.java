package dev.pipewright.cli.repl;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The REPL on the process's own terminal, as {@code pipewright repl} runs it, but with its status
 * line refreshed every {@code args[1]} milliseconds: ReplStatusLineTest runs it in tmux.
 */
final class FastStatusRepl {

    private FastStatusRepl() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Duration refresh = Duration.ofMillis(Long.parseLong(args[1]));
        int exitCode;
        try (PluginRegistry catalog = PluginRegistry.load(PluginDirectories.none())) {
            Terminal terminal = TerminalBuilder.builder().name("pipewright").system(true).build();
            try {
                exitCode = new Repl(terminal, state, state.resolve("history"), catalog, refresh).loop();
            } finally {
                ReplCommand.close(terminal);
            }
        }
        System.exit(exitCode);
    }
}
