package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.cli.testing.Tmux;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output tty} (and {@code auto}) through real terminals: a pseudo-terminal made by
 * {@code script}, whose raw byte stream shows the redraws, and tmux, whose screen shows what a
 * user is left looking at.
 */
class TtyIT {

    @TempDir
    Path work;

    private static String shellCommand(List<String> command) {
        return command.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    @Test
    void theLiveViewIsRedrawnInPlaceAndEndsWithTheSummary() throws Exception {
        Cli cli = new Cli(work).env("TERM", "xterm-256color");
        String inner = "stty rows 30 cols 100; exec " + shellCommand(
                cli.command("run", Cli.example("hello.pipeline").toString()));
        Cli.Result result = cli.start(List.of("script", "-qfec", inner, "/dev/null")).awaitResult();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String raw = result.stdout();
        // auto chose the live view: frames are drawn, then the cursor goes back up over them.
        assertThat(Pattern.compile("\u001b\\[\\d+A\u001b\\[J").matcher(raw).results().count())
                .as("redraws in place").isGreaterThan(3);
        assertThat(raw).contains("██").contains("\u001b[");
        // No queries (device attributes, cursor position, modes): their answers, never read, would
        // be echoed onto the user's screen and typed into the shell after the run.
        assertThat(raw).doesNotContain("\u001b[c", "\u001b[6n", "$p");
        String afterLastRedraw = raw.substring(raw.lastIndexOf("\u001b[J")).replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(afterLastRedraw).contains("✔ goodbye").contains("✔ hello succeeded in");
    }

    @Test
    void autoDrawsTheLiveViewWhenOnlyStandardOutputIsATerminal() throws Exception {
        // Standard input from /dev/null (a cron-like wrapper, `< /dev/null`, an editor's task
        // runner): System.console() would say "no terminal", yet the user is watching one.
        Cli cli = new Cli(work).env("TERM", "xterm-256color");
        String inner = "stty rows 30 cols 100; exec " + shellCommand(
                cli.command("run", Cli.example("hello.pipeline").toString())) + " < /dev/null";
        Cli.Result result = cli.start(List.of("script", "-qfec", inner, "/dev/null")).awaitResult();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Pattern.compile("\u001b\\[\\d+A\u001b\\[J").matcher(result.stdout()).results().count())
                .as("redraws in place").isGreaterThan(3);
        assertThat(result.stdout()).doesNotContain("[  0%] ▸ greet");
    }

    @Test
    void noColorKeepsTheLiveViewButDropsTheColours() throws Exception {
        Cli cli = new Cli(work).env("TERM", "xterm-256color").env("NO_COLOR", "1");
        String inner = "stty rows 30 cols 100; exec " + shellCommand(
                cli.command("run", "--output", "tty", Cli.example("hello.pipeline").toString()));
        Cli.Result result = cli.start(List.of("script", "-qfec", inner, "/dev/null")).awaitResult();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("✔ hello succeeded in").doesNotContainPattern("\u001b\\[[0-9;]*m");
    }

    @Test
    void theScreenIsLeftWithEachStageOnceAndTheSummary() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it)");
        Cli cli = new Cli(work).env("TERM", "xterm-256color");
        String inner = "cd '" + work + "' && " + shellCommand(cli.command("run", Cli.example("hello.pipeline").toString()))
                + "; echo EXIT=$?; sleep 120";
        try (Tmux tmux = new Tmux(work)) {
            tmux.start(100, 40, work, inner);
            String[] screen = new String[1];
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                screen[0] = tmux.screen();
                return screen[0].contains("EXIT=");
            });
            String text = screen[0];
            assertThat(text).contains("EXIT=0").contains("✔ hello succeeded in");
            for (String stage : List.of("✔ greet", "✔ count", "✔ flaky", "✔ report", "✔ goodbye", "▶ hello")) {
                assertThat(text.split(Pattern.quote(stage), -1)).as(stage + " once on\n" + text).hasSize(2);
            }
            assertThat(text).as("no live view is left behind").doesNotContain("⠋", "⠙", "⠹", "░");
        }
    }
}
