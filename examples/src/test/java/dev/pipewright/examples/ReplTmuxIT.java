package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipewright repl} as a user meets it, in tmux: start a run in the background, query it
 * while it runs, see it finish, cancel another, leave with Ctrl-D.
 */
class ReplTmuxIT {

    private static final Pattern STARTED = Pattern.compile("started (\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4}) \\(gate\\)");

    @TempDir
    Path work;

    private String socket;

    @Test
    void runQueryWatchItFinishAndCancelAnother() throws Exception {
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed (.ci/run installs it)");
        Files.writeString(work.resolve("gate.pipeline"), """
                pipeline gate {
                  param marker: string
                  stage wait {
                    uses = core.exec
                    with { shell = "echo waiting for ${params.marker}; while [ ! -f ${params.marker} ]; do sleep 0.1; done" }
                  }
                  finally {
                    stage tidy { uses = core.log  with { message = "tidy" } }
                  }
                }
                """);
        // A socket path in the test's own directory, not a name under /tmp/tmux-UID: kill-server
        // leaves the socket file behind, and the directory takes it away with it.
        socket = work.resolve("tmux.sock").toString();
        String inner = "cd '" + work + "' && " + new Cli(work).command("repl", "--state-dir", work.toString()).stream()
                .map(arg -> "'" + arg + "'").collect(Collectors.joining(" ")) + "; echo EXIT=$?; sleep 120";
        tmux("new-session", "-d", "-s", "pw", "-x", "160", "-y", "50", "env", "TERM=xterm-256color", "bash", "-c",
                inner);
        try {
            awaitScreen("pipewright> ");

            keys("run gate.pipeline marker=" + work.resolve("one"));
            String first = awaitRunId(0);
            keys("run(id: \"" + first + "\") { state currentStage }");
            awaitScreen("\"currentStage\" : \"wait\"");
            assertThat(screen()).contains("\"state\" : \"running\"");

            keys("run gate.pipeline marker=" + work.resolve("two"));
            String second = awaitRunId(1);
            awaitScreen("● 2 running");

            Files.createFile(work.resolve("one"));
            awaitScreen("✔ gate " + first + " succeeded");
            keys("pipeline(name: \"gate\", run: \"" + first + "\") { state stages { name status } }");
            awaitScreen("\"name\" : \"tidy\"");
            assertThat(screen()).contains("\"state\" : \"succeeded\"");

            keys("cancel " + second);
            awaitScreen("■ gate " + second + " cancelled");
            keys("show " + second);
            awaitScreen("state     cancelled");
            // Ctrl-D is read as end-of-input only at the prompt; typed while a command prints, the
            // terminal's own line discipline would take it.
            await().atMost(Duration.ofSeconds(90)).until(() -> screen().stripTrailing().endsWith("pipewright>"));

            tmux("send-keys", "-t", "pw", "C-d");
            awaitScreen("EXIT=0");
        } finally {
            tmux("kill-server");
        }
    }

    private String awaitRunId(int index) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            Matcher matcher = STARTED.matcher(screen());
            for (int i = 0; i <= index; i++) {
                if (!matcher.find()) {
                    return false;
                }
            }
            id[0] = matcher.group(1);
            return true;
        });
        return id[0];
    }

    private void keys(String line) throws IOException, InterruptedException {
        // Type only at a fresh, empty prompt: keys that arrive while the REPL is between two reads
        // (still printing the previous answer) are seen first by the terminal's line discipline.
        await().atMost(Duration.ofSeconds(90)).until(this::atEmptyPrompt);
        tmux("send-keys", "-t", "pw", "-l", line);
        tmux("send-keys", "-t", "pw", "Enter");
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
            await().atMost(Duration.ofSeconds(90)).until(() -> screen().contains(text));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String shown;
            try {
                shown = screen();
            } catch (IOException | InterruptedException unreadable) {
                shown = "(unreadable: " + unreadable + ")";
            }
            throw new AssertionError("tmux never showed `" + text + "`; it shows:\n" + shown, e);
        }
    }

    /** The pane with its scroll-back, wrapped lines joined. */
    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", "pw");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket));
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
