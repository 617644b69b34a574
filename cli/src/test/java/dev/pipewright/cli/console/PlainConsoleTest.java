package dev.pipewright.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainConsoleTest {

    private final Events events = new Events();

    private static String render(ConsoleStyle style, RunEvent... run) {
        StringWriter text = new StringWriter();
        PlainConsole console = new PlainConsole(new PrintWriter(text), style);
        for (RunEvent event : run) {
            console.onEvent(event);
        }
        console.close();
        return text.toString();
    }

    private static String render(RunEvent... run) {
        return render(ConsoleStyle.monochrome(), run);
    }

    @Test
    void completedStageHasTheSeedsShape() {
        String text = render(events.started(5), events.stageStarted("build-base", 1, 0.2),
                events.completed("build-base", 3200, 0.4));

        assertThat(text).contains("[ 20%] ▸ build-base\n").contains("[ 40%] ✔ build-base (3.2s)\n");
    }

    @Test
    void retriesSkipsAndWarningsEachGetTheirLine() {
        String text = render(events.started(3),
                events.stageStarted("flaky", 1, 0.0),
                events.retry("flaky", 1, "exit code 1"),
                events.stageStarted("flaky", 2, 0.0),
                events.completed("flaky", 1200, 0.33),
                events.skipped("deploy", "params.deploy == true was false (params.deploy = false)"),
                events.stageStarted("verify", 1, 0.67),
                events.warned("verify", "exit code 3"),
                events.pipelineCompleted(1, 3));

        assertThat(text)
                .contains("↻ flaky attempt 1 failed: exit code 1; retrying in 1.0s")
                .contains("▸ flaky (attempt 2)")
                .contains("⤼ deploy skipped: params.deploy == true was false (params.deploy = false)")
                .contains("⚠ verify failed, optional, the run goes on: exit code 3")
                .contains("✔ hello succeeded in 3.2s (1 of 3 stages succeeded, 1 skipped, 1 warning)");
    }

    @Test
    void aReusedStageIsShownAsSuchWithTheTimeItSavedAndTheSummaryAddsItUp() {
        String text = render(events.started(3),
                events.cached("fetch", "20261128-110000-ab12", 4200, 0.33),
                events.cached("build", "20261128-110000-ab12", 61_000, 0.67),
                events.stageStarted("test", 1, 0.67),
                events.completed("test", 800, 1.0),
                events.pipelineCompleted(3, 3));

        assertThat(text)
                .contains("[ 33%] ↺ fetch reused from run 20261128-110000-ab12 (saved 4.2s)\n")
                .contains("[ 67%] ↺ build reused from run 20261128-110000-ab12 (saved 1m 01s)\n")
                .contains("[100%] ✔ test (800ms)")
                .contains("(3 of 3 stages succeeded, 2 reused, saving 1m 05s)");
    }

    @Test
    void everyLineOfOutputIsShownUnderItsStage() {
        String text = render(events.started(1), events.stageStarted("greet", 1, 0),
                events.log("greet", "hello"), events.log("greet", "world"));

        assertThat(text).contains("greet │ hello\n").contains("greet │ world\n");
    }

    @Test
    void aFailureShowsTheStageTheErrorAndTheLastLinesOfItsOutput() {
        RunEvent[] run = new RunEvent[16];
        run[0] = events.started(2);
        run[1] = events.stageStarted("compile", 1, 0);
        for (int i = 0; i < 12; i++) {
            run[2 + i] = events.log("compile", "line " + i);
        }
        run[14] = events.failed("compile", "exit code 2");
        run[15] = events.pipelineFailed("compile", "exit code 2", 0, 2);

        String text = render(run);
        String summary = text.substring(text.indexOf("✖ compile failed after"));

        assertThat(summary).contains("✖ compile failed: exit code 2", "last 10 lines of its output:",
                "compile │ line 2", "compile │ line 11", "✖ hello failed after 3.2s at stage compile: exit code 2");
        assertThat(summary.substring(summary.indexOf("last 10 lines"))).doesNotContain("compile │ line 1\n");
    }

    @Test
    void aCancelledRunSaysSoWithTheReason() {
        String text = render(events.started(1), events.stageStarted("wait", 1, 0),
                events.pipelineCancelled("interrupted (SIGINT)", 0, 1));

        assertThat(text).contains("■ hello cancelled after 3.2s: interrupted (SIGINT)");
    }

    @Test
    void subPipelineStagesAppearUnderTheCallingStage() {
        Events nested = events.nestedUnder("deploy");
        String text = render(events.started(1), events.stageStarted("deploy", 1, 0),
                nested.started(1), nested.stageStarted("push", 1, 0), nested.completed("push", 200, 1.0),
                nested.pipelineCompleted(1, 1), events.completed("deploy", 900, 1.0), events.pipelineCompleted(1, 1));

        assertThat(text).contains("✔ deploy/push (200ms)").contains("✔ deploy (900ms)");
        assertThat(text.lines().filter(line -> line.contains("succeeded in"))).hasSize(1);
    }

    @Test
    void monochromeOutputHasNoEscapeCodes() {
        String text = render(events.started(1), events.stageStarted("a", 1, 0), events.completed("a", 5, 1.0),
                events.pipelineCompleted(1, 1));

        assertThat(text).doesNotContain("\u001b[");
    }

    @Test
    void colourIsUsedOnATerminalUnlessNoColorIsSet() {
        assertThat(ConsoleStyle.forOutput(true, Map.of("TERM", "xterm")).usesColour()).isTrue();
        assertThat(ConsoleStyle.forOutput(true, Map.of("TERM", "xterm", "NO_COLOR", "1")).usesColour()).isFalse();
        assertThat(ConsoleStyle.forOutput(false, Map.of("TERM", "xterm")).usesColour()).isFalse();
        assertThat(ConsoleStyle.forOutput(true, Map.of("TERM", "dumb")).usesColour()).isFalse();

        String text = render(ConsoleStyle.colour(), events.started(1), events.stageStarted("a", 1, 0),
                events.completed("a", 5, 1.0));
        assertThat(text).contains("\u001b[");
    }

    @Test
    void controlCharactersInOutputCannotMoveTheCursor() {
        String text = render(events.started(1), events.stageStarted("a", 1, 0), events.log("a", "evil\u001b[2Jline"));

        assertThat(text).contains("a │ evil?[2Jline");
        assertThat(List.of(text.split("\n"))).noneMatch(line -> line.contains("\u001b"));
    }

    @Test
    void aMultiLineErrorStaysOnTheEventsLine() {
        String text = render(events.started(1), events.stageStarted("a", 1, 0),
                events.retry("a", 1, "`sh -c if true\n  then exit 1\nfi` exited with code 1"));

        assertThat(text).contains("↻ a attempt 1 failed: `sh -c if true ⏎ then exit 1 ⏎ fi` exited with code 1;");
    }

    /** Stage lines reach the stream when the batch they came in ends: one write for the batch. */
    @Test
    void stageLinesAreWrittenOutAtTheEndOfTheirBatch() {
        StringWriter stream = new StringWriter();
        PlainConsole console = new PlainConsole(new PrintWriter(new java.io.BufferedWriter(stream)), ConsoleStyle.monochrome());
        console.onEvent(events.started(2));
        console.onEvent(events.stageStarted("build", 0, 0.0));
        console.onEvent(events.completed("build", 1200, 0.5));
        assertThat(stream.toString()).as("before the batch ends").isEmpty();

        console.endOfBatch();
        assertThat(stream.toString()).contains("▸ build\n").contains("✔ build (1.2s)\n");
        console.close();
    }
}
