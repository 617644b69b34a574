package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed (.ci/run installs it)");
        // A socket path in the test's own directory: kill-server leaves the socket file behind.
        String socket = work.resolve("tmux.sock").toString();
        Cli cli = new Cli(work).env("TERM", "xterm-256color");
        String inner = "cd '" + work + "' && " + shellCommand(cli.command("run", Cli.example("hello.pipeline").toString()))
                + "; echo EXIT=$?; sleep 120";
        tmux(socket, "new-session", "-d", "-s", "pw", "-x", "100", "-y", "40", "env", "TERM=xterm-256color",
                "bash", "-c", inner);
        try {
            String[] screen = new String[1];
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                screen[0] = tmux(socket, "capture-pane", "-p", "-t", "pw");
                return screen[0].contains("EXIT=");
            });
            String text = screen[0];
            assertThat(text).contains("EXIT=0").contains("✔ hello succeeded in");
            for (String stage : List.of("✔ greet", "✔ count", "✔ flaky", "✔ report", "✔ goodbye", "▶ hello")) {
                assertThat(text.split(Pattern.quote(stage), -1)).as(stage + " once on\n" + text).hasSize(2);
            }
            assertThat(text).as("no live view is left behind").doesNotContain("⠋", "⠙", "⠹", "░");
        } finally {
            tmux(socket, "kill-server");
        }
    }

    private static String tmux(String socket, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("tmux", "-S", socket));
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
