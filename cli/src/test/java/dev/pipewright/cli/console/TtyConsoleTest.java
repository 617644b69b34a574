package dev.pipewright.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live view, drawn onto a JLine terminal whose output the test reads. */
class TtyConsoleTest {

    private final Events events = new Events();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final TtyConsole console;

    TtyConsoleTest() throws IOException {
        // JLine's external terminal writes straight to the stream (the builder would pick a pty when
        // the JNI provider is on the class path, and a pty copies output on a thread of its own).
        terminal = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        console = new TtyConsole(terminal, ConsoleStyle.monochrome(), false);
    }

    @AfterEach
    void closeTerminal() throws IOException {
        terminal.close();
    }

    private String drawn() {
        terminal.writer().flush();
        // The terminal's line discipline turns each newline into CR LF, as a real one does.
        return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void runningStagesAreRedrawnInPlace() {
        console.onEvent(events.started(3));
        console.onEvent(events.stageStarted("build", 1, 0));
        console.redraw();
        int afterFirstFrame = drawn().length();
        console.onEvent(events.progress("build", 0.5, "compiling"));
        console.redraw();

        String second = drawn().substring(afterFirstFrame);
        // The second frame starts by moving back up over the first one (header + one stage line).
        assertThat(second).startsWith("\r\u001b[2A\u001b[J");
        assertThat(second).contains("build").contains("██████████░░░░░░░░░░ 50%").contains("compiling");
    }

    @Test
    void theTailOfARunningStagesOutputIsShown() {
        console.onEvent(events.started(1));
        console.onEvent(events.stageStarted("build", 1, 0));
        for (int i = 0; i < 100; i++) {
            console.onEvent(events.log("build", "line " + i));
        }
        console.redraw();

        String frame = drawn();
        assertThat(frame).contains("build │ line 99").contains("build │ line 92").doesNotContain("line 91");
    }

    @Test
    void endedStagesArePrintedOnceAboveTheLiveView() {
        console.onEvent(events.started(2));
        console.onEvent(events.stageStarted("first", 1, 0));
        console.onEvent(events.completed("first", 1200, 0.5));
        console.onEvent(events.stageStarted("second", 1, 0.5));
        console.redraw();
        console.redraw();
        console.redraw();

        assertThat(drawn().split("✔ first \\(1.2s\\)", -1)).hasSize(2);
    }

    @Test
    void theRunEndsWithTheSummaryInPlaceOfTheLiveView() {
        console.onEvent(events.started(1));
        console.onEvent(events.stageStarted("build", 1, 0));
        console.onEvent(events.log("build", "cc: error: no input files"));
        console.redraw();
        console.onEvent(events.failed("build", "exit code 1"));
        console.onEvent(events.pipelineFailed("build", "exit code 1", 0, 1));
        int afterSummary = drawn().length();
        console.redraw();

        String text = drawn();
        assertThat(text.length()).as("nothing is drawn after the summary").isEqualTo(afterSummary);
        String end = text.substring(text.lastIndexOf("\u001b[J"));
        assertThat(end).contains("✖ build failed after 1.5s: exit code 1")
                .contains("build │ cc: error: no input files")
                .endsWith("✖ hello failed after 3.2s at stage build: exit code 1 (0 of 1 stages succeeded)\n");
    }

    @Test
    void theLiveViewNeverGrowsTallerThanTheTerminal() {
        terminal.setSize(new Size(100, 8));
        console.onEvent(events.started(40));
        for (int i = 0; i < 40; i++) {
            console.onEvent(events.stageStarted("stage-" + i, 1, 0));
        }
        console.redraw();
        console.redraw();

        String text = drawn();
        assertThat(text.substring(text.lastIndexOf("\u001b[J") + 3).lines()).hasSizeLessThanOrEqualTo(6);
        assertThat(text).contains("more running").contains("\u001b[6A");
    }

    @Test
    void liveLinesAreCutToTheTerminalWidthSoTheyNeverWrap() {
        terminal.setSize(new Size(40, 20));
        console.onEvent(events.started(1));
        console.onEvent(events.stageStarted("build", 1, 0));
        console.onEvent(events.log("build", "x".repeat(200)));
        console.redraw();
        console.redraw();

        String frame = drawn();
        assertThat(frame.substring(frame.lastIndexOf("\u001b[J") + 3).lines()).allMatch(line -> line.length() < 40);
    }
}
