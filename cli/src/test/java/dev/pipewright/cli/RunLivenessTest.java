package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.store.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs `gc` may clean up after, read from real event logs. */
class RunLivenessTest {

    @TempDir
    Path state;

    private void log(String runId, String... lines) throws Exception {
        Path events = RunDirectory.of(state, runId).eventsFile();
        Files.createDirectories(events.getParent());
        Files.writeString(events, String.join("\n", lines) + "\n");
    }

    private static String start(long pid) {
        return "{\"type\":\"pipeline:start\",\"run\":\"r\",\"pid\":" + pid + ",\"host\":\"h\"}";
    }

    @Test
    void aRunWithAFinalEventIsOver() throws Exception {
        log("done", start(ProcessHandle.current().pid()), "{\"type\":\"pipeline:complete\"}");
        log("failed", start(ProcessHandle.current().pid()), "{\"type\":\"pipeline:error\"}");
        log("cancelled", start(ProcessHandle.current().pid()), "{\"type\":\"pipeline:cancel\"}");

        RunLiveness liveness = new RunLiveness(state);

        assertThat(liveness.test("done")).isFalse();
        assertThat(liveness.test("failed")).isFalse();
        assertThat(liveness.test("cancelled")).isFalse();
    }

    @Test
    void aRunWithoutAFinalEventIsLiveWhileItsProcessIs() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        log("running", start(ProcessHandle.current().pid()), "{\"type\":\"stage:start\"}");
        log("killed", start(gone.pid()), "{\"type\":\"stage:start\"}");

        RunLiveness liveness = new RunLiveness(state);

        assertThat(liveness.test("running")).isTrue();
        assertThat(liveness.test("killed")).isFalse();
    }

    @Test
    void aRunNotRecordedHereIsLeftAloneAndListed() {
        RunLiveness liveness = new RunLiveness(state);

        assertThat(liveness.test("elsewhere")).isTrue();
        assertThat(liveness.test("../escape")).isTrue();
        assertThat(liveness.unknown()).containsExactly("../escape", "elsewhere");
    }
}
