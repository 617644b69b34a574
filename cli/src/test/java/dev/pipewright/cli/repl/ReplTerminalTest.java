package dev.pipewright.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL through a real (external) JLine terminal, driven by keys. */
class ReplTerminalTest {

    @TempDir
    Path dir;

    private Path gate;
    private Path history;

    /** A pipeline that waits for a file to exist: it runs exactly as long as the test wants. */
    @BeforeEach
    void writePipelines() throws Exception {
        gate = dir.resolve("gate.pipeline");
        Files.writeString(gate, """
                pipeline gate {
                  param marker: string = "release"
                  stage wait {
                    uses = core.exec
                    with { shell = "echo waiting; while [ ! -f '%s'/${params.marker} ]; do sleep 0.05; done; echo released" }
                  }
                  stage after { uses = core.log  with { message = "after" } }
                }
                """.formatted(dir));
        history = dir.resolve("history");
    }

    private ScriptedTerminal repl() throws Exception {
        return new ScriptedTerminal(dir, history);
    }

    private static String runIdAfter(String screen, int from) {
        int at = screen.indexOf("started ", from) + "started ".length();
        return screen.substring(at, at + 24);
    }

    @Test
    void runStartsInTheBackgroundIsQueriedWhileItRunsAndAnnouncedWhenItEnds() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + gate + " marker=go\r");
            int at = t.awaitScreen("(gate)");
            String id = runIdAfter(t.screen(), 0);

            t.type("run(id: \"" + id + "\") { state currentStage stages { name status } }\r");
            at = t.awaitScreen("\"currentStage\" : \"wait\"", at);
            assertThat(t.screen().substring(at - 200)).contains("\"state\" : \"running\"");

            Files.createFile(dir.resolve("go"));
            at = t.awaitScreen("✔ gate " + id + " succeeded", at);

            t.type("pipeline(name: \"gate\") { state progress }\r");
            t.awaitScreen("\"progress\" : 1.0", at);
            assertThat(t.screen().substring(at)).contains("\"state\" : \"succeeded\"");
        }
    }

    @Test
    void cancelStopsARunStartedHere() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + gate + "\r");
            int at = t.awaitScreen("(gate)");
            String id = runIdAfter(t.screen(), 0);

            t.type("cancel " + id.substring(0, 22) + "\r");
            at = t.awaitScreen("cancelling " + id, at);
            t.awaitScreen("■ gate " + id + " cancelled", at);
            assertThat(new RunStore(dir).run(id).orElseThrow().state()).isEqualTo(RunStatus.CANCELLED);

            t.type("cancel nope\r");
            t.awaitScreen("cancel: no run `nope` was started in this REPL", at);
        }
    }

    @Test
    void aQueryContinuesOverSeveralLinesWhileABraceIsOpen() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + gate + " marker=open\r");
            int at = t.awaitScreen("(gate)");
            Files.createFile(dir.resolve("open"));
            at = t.awaitScreen("succeeded", at);

            t.type("runs(last: 1) {\r");
            at = t.awaitScreen(Repl.CONTINUATION, at);
            t.type("  pipeline\r  state\r}\r");
            t.awaitScreen("\"state\" : \"succeeded\"", at);
            assertThat(t.screen().substring(at)).contains("\"pipeline\" : \"gate\"");
        }
    }

    @Test
    void queryErrorsPointAtTheirLineAndColumn() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("runs { id stat }\r");
            t.awaitScreen("query:1:11: error: unknown field `stat` of a run (did you mean `state`?)");
            t.type("frobnicate\r");
            t.awaitScreen("unknown command `frobnicate`; `help` lists the commands");
        }
    }

    @Test
    void commandsWorkInsideTheRepl() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + gate + " marker=cmds\r");
            int at = t.awaitScreen("(gate)");
            String id = runIdAfter(t.screen(), 0);
            Files.createFile(dir.resolve("cmds"));
            at = t.awaitScreen("succeeded", at);

            t.type("runs\r");
            at = t.awaitScreen(id + "  gate", at);
            t.type("show gate\r");
            at = t.awaitScreen("run       " + id, at);
            t.type("logs " + id + " wait\r");
            at = t.awaitScreen("released", at);
            t.type("help\r");
            t.awaitScreen("run FILE [NAME=VALUE...]", at);
        }
    }

    @Test
    void aFileThatFailsItsChecksRunsNothing() throws Exception {
        Path broken = dir.resolve("broken.pipeline");
        Files.writeString(broken, "pipeline broken {\n  stage a { uses = core.nope }\n}\n");
        try (ScriptedTerminal t = repl()) {
            t.type("run " + broken + "\r");
            t.awaitScreen("nothing was run");
            assertThat(t.screen()).contains("core.nope").doesNotContain("started ");
        }
    }

    // The screen shows a line as JLine redraws it (cursor moves, highlighting), so completion and
    // history are checked by what the completed line does when Enter runs it.
    @Test
    void tabCompletesCommandsFieldsArgumentsAndPipelineNames() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + gate + " marker=tab\r");
            int at = t.awaitScreen("(gate)");
            Files.createFile(dir.resolve("tab"));
            at = t.awaitScreen("succeeded", at);

            t.type("pipeline(na\t \t) { currentS\t }\r");
            at = t.awaitScreen("\"currentStage\" : null", at);

            t.type("sho\tga\t\r");
            t.awaitScreen("pipeline  gate", at);
        }
    }

    @Test
    void tabCompletesFilePaths() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + dir + "/ga\t marker=path\r");
            t.awaitScreen("(gate)");
        }
    }

    @Test
    void ctrlCClearsTheLine() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("garbage that is never run\u0003help\r");
            t.awaitScreen("Commands:");
            assertThat(t.screen()).doesNotContain("unknown command `garbage`");
        }
    }

    @Test
    void ctrlDAsksFirstWhileRunsAreGoingThenCancelsThem() throws Exception {
        ScriptedTerminal t = repl();
        t.type("run " + gate + "\r");
        int at = t.awaitScreen("(gate)");
        String id = runIdAfter(t.screen(), 0);

        t.type("\u0004");
        at = t.awaitScreen("1 run is still running (gate " + id + "). Cancel and leave? [y/N]", at);
        t.type("n\r");
        at = t.awaitScreen("pipewright> ", at);
        assertThat(t.ended()).isFalse();

        t.type("\u0004");
        at = t.awaitScreen("Cancel and leave? [y/N]", at);
        t.type("y\r");
        assertThat(t.awaitEnd()).isZero();
        assertThat(new RunStore(dir).run(id).orElseThrow().state()).isEqualTo(RunStatus.CANCELLED);
        t.close();
    }

    @Test
    void ctrlDLeavesAtOnceWhenNothingRuns() throws Exception {
        ScriptedTerminal t = repl();
        t.type("\u0004");
        assertThat(t.awaitEnd()).isZero();
        t.close();
    }

    @Test
    void historyIsKeptAcrossSessions() throws Exception {
        try (ScriptedTerminal first = repl()) {
            first.type("runs(last: 3) { id }\r");
            first.awaitScreen("\"runs\" : [ ]");
        }
        assertThat(Files.readString(history)).contains("runs(last: 3) { id }");

        try (ScriptedTerminal second = repl()) {
            int at = second.mark();
            second.type("\u0010\u0010\r"); // Ctrl-P twice: the line before `exit`
            second.awaitScreen("\"runs\" : [ ]", at);
        }
    }

    @Test
    void theStatusLineShowsRunningRunsAndTheirStage() throws Exception {
        try (ScriptedTerminal t = repl()) {
            t.type("run " + gate + " marker=status\r");
            int at = t.awaitScreen("(gate)");
            String id = runIdAfter(t.screen(), 0);
            t.awaitScreen("● 1 running  gate " + id.substring(20) + " 0% wait", at);
            Files.createFile(dir.resolve("status"));
            await().atMost(Duration.ofSeconds(60)).until(() -> t.screen().contains("succeeded"));
        }
    }
}
