package dev.pipewright.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.cli.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    private Tmux tmux;

    /** Ends tmux and waits for the REPL's JVM to be gone, before the test's directory is deleted. */
    @AfterEach
    void stopTmux() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void typedLinesStayWholeWhileTheStatusLineKeepsChanging() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it)");
        tmux = new Tmux(dir);
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
        tmux.start(200, 40, dir, "'" + java + "' @java.args; echo EXIT=$?; sleep 120");
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

        tmux.type("exit");
        tmux.press("Enter");
        awaitScreen("Cancel and leave? [y/N]");
        tmux.type("y");
        tmux.press("Enter");
        awaitScreen("EXIT=0");
    }

    /** Types a line a few keys at a time, as fast as a user pasting or typing quickly, then Enter. */
    private void typeLine(String line) {
        awaitEmptyPrompt();
        for (int at = 0; at < line.length(); at += 3) {
            tmux.type(line.substring(at, Math.min(line.length(), at + 3)));
        }
        tmux.press("Enter");
    }

    private void awaitEmptyPrompt() {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> tmux.atEmptyPrompt("pipewright>"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("tmux never showed an empty prompt; it shows:\n" + tmux.history(), e);
        }
    }

    private void awaitScreen(String text) {
        tmux.awaitShown(text, Duration.ofSeconds(60));
    }

    private String screen() {
        return tmux.history();
    }
}
