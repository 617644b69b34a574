package dev.pipewright.cli.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real terminal for tests: a tmux server with one session, {@code pw}, whose socket lives in the
 * test's own directory ({@code -S}, not a name under {@code /tmp/tmux-UID}, where
 * {@code kill-server} would leave the socket file behind). {@link #close} ends the server and
 * waits for what ran in the pane to be gone, so the test's directory can be deleted.
 */
public final class Tmux implements AutoCloseable {

    private static final String SESSION = "pw";

    private final Path socket;
    private final List<ProcessHandle> pane = new ArrayList<>();

    /** A server whose socket is {@code directory/tmux.sock}; nothing runs until {@link #start}. */
    public Tmux(Path directory) {
        this.socket = directory.resolve("tmux.sock");
    }

    /** Whether tmux is on the PATH (.ci/run installs it). */
    public static boolean installed() {
        try {
            return new ProcessBuilder("sh", "-c", "command -v tmux").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code shellCommand} (run by bash) in a {@code columns}×{@code rows} terminal, TERM=xterm-256color. */
    public void start(int columns, int rows, Path directory, String shellCommand) {
        tmux("new-session", "-d", "-s", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-c",
                directory.toString(), "env", "TERM=xterm-256color", "bash", "-c", shellCommand);
        String shell = tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip();
        if (shell.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(shell)).ifPresent(pane::add);
        }
    }

    /** Types {@code text} as it is (no key names). */
    public void type(String text) {
        tmux("send-keys", "-t", SESSION, "-l", text);
    }

    /** Presses a key by its tmux name ({@code Enter}, {@code C-d}). */
    public void press(String key) {
        tmux("send-keys", "-t", SESSION, key);
    }

    /** What the terminal shows now, without its scroll-back. */
    public String screen() {
        return tmux("capture-pane", "-p", "-t", SESSION);
    }

    /** The terminal with all its scroll-back, wrapped lines joined, each line without trailing blanks. */
    public String history() {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", SESSION).lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
    }

    /** Waits until the history shows {@code text}; fails with what it shows instead. */
    public void awaitShown(String text, Duration atMost) {
        try {
            await().atMost(atMost).until(() -> history().contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("tmux never showed `" + text + "`; it shows:\n" + history(), e);
        }
    }

    /** Whether the last line starting with {@code prompt} has nothing typed after it. */
    public boolean atEmptyPrompt(String prompt) {
        String[] lines = history().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith(prompt)) {
                return lines[i].strip().equals(prompt.strip());
            }
        }
        return false;
    }

    @Override
    public void close() {
        List<ProcessHandle> running = new ArrayList<>();
        pane.forEach(shell -> {
            running.add(shell);
            shell.descendants().forEach(running::add);
        });
        tmux("kill-server");
        for (ProcessHandle process : running) {
            process.destroyForcibly();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("process " + process.pid() + " of the tmux pane did not end", e);
            }
        }
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
