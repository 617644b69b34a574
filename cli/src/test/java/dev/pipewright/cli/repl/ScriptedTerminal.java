package dev.pipewright.cli.repl;

import static org.awaitility.Awaitility.await;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A REPL on a real JLine terminal (an external xterm-256color terminal on pipes): keys go in as a
 * user would type them, and what the terminal shows comes out, escape sequences removed.
 */
final class ScriptedTerminal implements AutoCloseable {

    static final PluginRegistry CATALOG = PluginRegistry.load(PluginDirectories.none());

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final CompletableFuture<Integer> session;

    ScriptedTerminal(Path stateDir, Path history) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                synchronized (screen) {
                    screen.write(bytes, off, len);
                }
            }
        };
        terminal = TerminalBuilder.builder().system(false).streams(in, out).type("xterm-256color")
                .size(new Size(160, 40)).encoding(StandardCharsets.UTF_8).build();
        Repl repl = new Repl(terminal, stateDir, history, CATALOG);
        session = CompletableFuture.supplyAsync(repl::loop);
        awaitScreen("pipewright> ");
    }

    /** Types text; {@code \r} is Enter, {@code \t} Tab, {@code \u0003} Ctrl-C, {@code \u0004} Ctrl-D. */
    ScriptedTerminal type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /** Everything shown so far, without escape sequences. */
    String screen() {
        String raw;
        synchronized (screen) {
            raw = screen.toString(StandardCharsets.UTF_8);
        }
        return raw.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "").replaceAll("\u001B[()][0-9A-Za-z]", "")
                .replaceAll("\u001B[=>78MDE]", "").replace("\r", "");
    }

    /** The raw bytes shown so far, escape sequences included (to see colours). */
    String rawScreen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until the screen shows {@code text} after position {@code from}; returns where it ends. */
    int awaitScreen(String text, int from) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> screen().indexOf(text, from) >= 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the terminal never showed `" + text + "` after position " + from
                    + "; it shows:\n" + screen().substring(Math.min(from, screen().length())), e);
        }
        return screen().indexOf(text, from) + text.length();
    }

    int awaitScreen(String text) {
        return awaitScreen(text, 0);
    }

    int mark() {
        return screen().length();
    }

    boolean ended() {
        return session.isDone();
    }

    int awaitEnd() throws Exception {
        return session.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!session.isDone()) {
            type("exit\r");
            // If runs still go, say yes to cancelling them.
            try {
                session.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                type("y\r");
                session.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        ReplCommand.close(terminal);
    }
}
