package dev.pipewright.cli.console;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Whether the process's standard output is a terminal, whatever its standard input is. */
public final class StandardOutput {

    private StandardOutput() {
    }

    /**
     * True when standard output is a terminal. {@code System.console()} answers only when standard
     * input is a terminal too, so {@code pipewright run x < /dev/null} on a terminal would lose the
     * live view; JLine's native provider asks {@code isatty} of standard output alone.
     */
    public static boolean isTerminal() {
        try {
            return TerminalProvider.load("jni").isSystemStream(SystemStream.Output);
        } catch (Exception | LinkageError e) {
            // No native library for this platform: the JDK's answer is the next best.
            return System.console() != null;
        }
    }
}
