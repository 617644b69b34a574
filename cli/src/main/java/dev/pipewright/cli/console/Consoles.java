package dev.pipewright.cli.console;

import dev.pipewright.engine.events.RunListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Opens the console a run asked for with {@code --output}. */
public final class Consoles {

    private Consoles() {
    }

    /**
     * The console for {@code mode}, writing to the process's standard output.
     *
     * @param stdoutIsTerminal whether standard output is a terminal: decides {@code auto}, and
     *     whether colour may be used
     */
    public static RunListener open(OutputMode mode, boolean stdoutIsTerminal, Map<String, String> environment,
            OutputStream stdout) throws IOException {
        boolean dumbTerminal = "dumb".equals(environment.get("TERM"));
        OutputMode resolved = mode.resolve(stdoutIsTerminal && !dumbTerminal);
        ConsoleStyle style = ConsoleStyle.forOutput(stdoutIsTerminal, environment);
        // Always UTF-8: the platform default may be ASCII in a container, and ✔ would become '?'.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        return switch (resolved) {
            case JSON -> new JsonConsole(out);
            case PLAIN, AUTO -> new PlainConsole(out, style);
            case TTY -> new TtyConsole(systemTerminal(), style);
        };
    }

    private static Terminal systemTerminal() throws IOException {
        // No native signal handlers: the run command owns SIGINT and SIGTERM, and the size is read
        // again at every frame, so SIGWINCH is not needed either. No grapheme-cluster probe: JLine
        // would write queries whose answers, never read, the terminal would echo as garbage. The
        // view is drawn on standard output, which may be a terminal when standard input is not.
        return TerminalBuilder.builder().system(true).systemOutput(TerminalBuilder.SystemOutput.SysOut).dumb(true)
                .nativeSignals(false).graphemeCluster(false)
                .encoding(StandardCharsets.UTF_8).build();
    }
}
