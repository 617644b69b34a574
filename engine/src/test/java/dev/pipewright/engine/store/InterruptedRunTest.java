package dev.pipewright.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.state.StageStatus;
import dev.pipewright.engine.store.SyntheticRuns.Ending;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose process died without a final event reads as interrupted; a live one as running. */
class InterruptedRunTest {

    private static final String ID = "20261128-100000-000-aaaa";

    @TempDir
    Path stateDir;

    private Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aRunKilledWithSigkillIsInterrupted() throws Exception {
        RunStore runs = new RunStore(stateDir);
        Path log = runs.eventsFile(ID);
        Files.createDirectories(log.getParent());
        // A real process writes its own pipeline:start (with its own pid, $$, kept by exec) and a
        // stage:start, then works until it is killed.
        String start = EventCodec.encode(new RunEvent.PipelineStarted(
                new EventHeader(Instant.parse("2026-11-28T10:00:00Z"), ID, "habitat-build", null), 3,
                Map.of("tag", "v1"), 0, "localhost"));
        String stage = EventCodec.encode(new RunEvent.StageStarted(
                new EventHeader(Instant.parse("2026-11-28T10:00:01Z"), ID, "habitat-build", null), "build", 0, 1, 0.0));
        String script = "now=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ); "
                + "printf '%s\\n' \"$1\" | sed -e \"s/\\\"pid\\\":0/\\\"pid\\\":$$/\" -e \"s/2026-11-28T10:00:00Z/$now/\" >> \"$3\"; "
                + "printf '%s\\n' \"$2\" >> \"$3\"; exec sleep 600";
        child = new ProcessBuilder("sh", "-c", script, "sh", start, stage, log.toString()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(log) && Files.readAllLines(log).size() == 2);

        RunState alive = runs.run(ID).orElseThrow();
        assertThat(alive.pid()).isEqualTo(child.pid());
        assertThat(alive.state()).isEqualTo(RunStatus.RUNNING);

        child.destroyForcibly().waitFor();

        RunState dead = runs.run(ID).orElseThrow();
        assertThat(dead.state()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(dead.error()).contains("pid " + child.pid()).contains("ended without finishing");
        assertThat(dead.finished()).isEqualTo(Instant.parse("2026-11-28T10:00:01Z"));
        assertThat(dead.stage("build").orElseThrow().status()).isEqualTo(StageStatus.FAILED);
        assertThat(runs.list(null, RunStatus.INTERRUPTED, 10)).extracting(RunState::id).containsExactly(ID);
    }

    @Test
    void aLivePidOfAProcessStartedAfterTheRunIsAnotherProgram() throws IOException {
        // A pid the operating system gave to a newer process: alive, but not the run's.
        child = new ProcessBuilder("sleep", "600").start();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        List<RunEvent> events = SyntheticRuns.habitatBuild(ID, longAgo, Ending.NONE, child.pid(), "localhost");
        SyntheticRuns.store(stateDir, ID, events);

        assertThat(new RunStore(stateDir).run(ID).orElseThrow().state()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void aRunOnAnotherHostIsLeftRunning() {
        List<RunEvent> events = SyntheticRuns.habitatBuild(ID, Instant.now(), Ending.NONE, 1, "some-other-build-host");
        SyntheticRuns.store(stateDir, ID, events);

        assertThat(new RunStore(stateDir).run(ID).orElseThrow().state()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunWithAFinalEventIsNeverInterrupted() {
        // pid 2^22+1 is above Linux's pid_max: no such process.
        List<RunEvent> events = SyntheticRuns.habitatBuild(ID, Instant.now(), Ending.SUCCEEDED, 4_194_305, "localhost");
        SyntheticRuns.store(stateDir, ID, events);

        assertThat(new RunStore(stateDir).run(ID).orElseThrow().state()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
