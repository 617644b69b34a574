package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.cli.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private Tmux tmux;

    @Test
    void runQueryWatchItFinishAndCancelAnother() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it)");
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
        String inner = "cd '" + work + "' && " + new Cli(work).command("repl", "--state-dir", work.toString()).stream()
                .map(arg -> "'" + arg + "'").collect(Collectors.joining(" ")) + "; echo EXIT=$?; sleep 120";
        tmux = new Tmux(work);
        tmux.start(160, 50, work, inner);
        try {
            awaitScreen("pipewright>");

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

            tmux.press("C-d");
            awaitScreen("EXIT=0");
        } finally {
            tmux.close();
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

    private void keys(String line) {
        // Type only at a fresh, empty prompt: keys that arrive while the REPL is between two reads
        // (still printing the previous answer) are seen first by the terminal's line discipline.
        await().atMost(Duration.ofSeconds(90)).until(() -> tmux.atEmptyPrompt("pipewright>"));
        tmux.type(line);
        tmux.press("Enter");
    }

    private void awaitScreen(String text) {
        tmux.awaitShown(text, Duration.ofSeconds(90));
    }

    private String screen() {
        return tmux.history();
    }
}
