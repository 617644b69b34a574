package dev.pipewright.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status line and the line being typed share one real terminal (tmux, with the REPL on its
 * pty as {@code pipewright repl} runs): the status line is redrawn every few milliseconds while
 * long queries are typed, and every typed line must stay on the screen whole, and be answered.
 *
 * <p>Whether a refresh lands in the middle of the reader drawing a key is up to the scheduler, so
 * no single run is sure to catch an interleaving; this one types about 2,500 keys while the status
 * line changes every few milliseconds. With the status line drawn from its own thread, outside
 * the reader's lock, it failed in each of seven runs (a typed line cut short, or the cursor left on
 * the status row, where everything typed afterwards was drawn over).
 */
class ReplStatusLineTest {

    private static final int LINES = 25;
    private static final int STAGES = 4000;

    @TempDir
    Path dir;

    /** Ends tmux and waits for the REPL's JVM to be gone, before the test's directory is deleted. */
    @AfterEach
    void stopTmux() throws Exception {
        if (!onPath("tmux")) {
            return;
        }
        List<ProcessHandle> pane = new ArrayList<>();
        String panePid = tmux("display-message", "-p", "-t", "pw", "#{pane_pid}").strip();
        if (panePid.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(panePid)).ifPresent(shell -> {
                pane.add(shell);
                shell.descendants().forEach(pane::add);
            });
        }
        tmux("kill-server");
        for (ProcessHandle process : pane) {
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void typedLinesStayWholeWhileTheStatusLineKeepsChanging() throws Exception {
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed (.ci/run installs it)");
        // Every stage changes the status line (its progress and current stage), every few ms.
        Files.writeString(dir.resolve("ticker.pipeline"), "pipeline ticker {\n"
                + IntStream.rangeClosed(1, STAGES)
                        .mapToObj(i -> "  stage t" + i + " { uses = core.sleep  with { duration = 10ms } }\n")
                        .collect(Collectors.joining())
                + "}\n");
        Path args = dir.resolve("java.args");
        Files.writeString(args, "-cp \"" + System.getProperty("java.class.path") + "\"\n"
                + FastStatusRepl.class.getName() + " \"" + dir + "\" 1\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        tmux("new-session", "-d", "-s", "pw", "-x", "200", "-y", "40", "-c", dir.toString(),
                "env", "TERM=xterm-256color", "bash", "-c", "'" + java + "' @java.args; echo EXIT=$?; sleep 120");
        awaitScreen("pipewright>");

        typeLine("run ticker.pipeline");
        awaitScreen("started ");
        typeLine("run ticker.pipeline");
        awaitScreen("● 2 running");

        for (int i = 0; i < LINES; i++) {
            String query = "runs(pipeline: \"ticker\", state: \"running\", last: " + (i + 2)
                    + ") { id pipeline state progress currentStage started }";
            typeLine(query);
            awaitEmptyPrompt();
            String screen = screen();
            List<String> lines = Arrays.asList(screen.split("\n"));
            int typed = lines.indexOf("pipewright> " + query);
            assertThat(typed).as("the typed line, whole, on the screen:\n%s", screen).isNotNegative();
            String answer = String.join("\n", lines.subList(typed + 1, lines.size()));
            answer = answer.substring(0, answer.indexOf("pipewright>"));
            assertThat(answer.split("\"pipeline\" : \"ticker\"", -1)).as("both runs answered:\n%s", screen)
                    .hasSize(3);
        }

        tmux("send-keys", "-t", "pw", "-l", "exit");
        tmux("send-keys", "-t", "pw", "Enter");
        awaitScreen("Cancel and leave? [y/N]");
        tmux("send-keys", "-t", "pw", "-l", "y");
        tmux("send-keys", "-t", "pw", "Enter");
        awaitScreen("EXIT=0");
    }

    /** Types a line a few keys at a time, as fast as a user pasting or typing quickly, then Enter. */
    private void typeLine(String line) throws IOException, InterruptedException {
        awaitEmptyPrompt();
        for (int at = 0; at < line.length(); at += 3) {
            tmux("send-keys", "-t", "pw", "-l", line.substring(at, Math.min(line.length(), at + 3)));
        }
        tmux("send-keys", "-t", "pw", "Enter");
    }

    private void awaitEmptyPrompt() {
        try {
            await().atMost(Duration.ofSeconds(60)).until(this::atEmptyPrompt);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("tmux never showed an empty prompt; it shows:\n" + shownOrWhy(), e);
        }
    }

    /** Whether the last prompt on the screen (the status line may sit below it) has nothing typed yet. */
    private boolean atEmptyPrompt() throws IOException, InterruptedException {
        String[] lines = screen().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("pipewright>")) {
                return lines[i].strip().equals("pipewright>");
            }
        }
        return false;
    }

    private void awaitScreen(String text) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> screen().contains(text));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("tmux never showed `" + text + "`; it shows:\n" + shownOrWhy(), e);
        }
    }

    private String shownOrWhy() {
        try {
            return screen();
        } catch (IOException | InterruptedException unreadable) {
            return "(unreadable: " + unreadable + ")";
        }
    }

    /** The pane with all its scroll-back, each line without trailing blanks. */
    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-S", "-", "-t", "pw").lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        // The server's socket in the test's own directory, removed with it.
        List<String> command = new ArrayList<>(List.of("tmux", "-S", dir.resolve("tmux.socket").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
