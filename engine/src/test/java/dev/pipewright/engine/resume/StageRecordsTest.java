package dev.pipewright.engine.resume;

import static dev.pipewright.engine.resume.Fixtures.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageRecordsTest {

    private static final EventHeader HEADER = new EventHeader(Instant.parse("2026-11-28T10:00:00Z"), "r1", "p", null);
    private static final EventHeader NESTED = new EventHeader(HEADER.time(), "r1", "sub", "call");

    private final FingerprintInputs inputs = Fixtures.fingerprinter("r1").inputs("core.exec", "", args("shell", "true"),
            Map.of());

    @Test
    void eachStageCallEndsAsItsLastEventSaysWithTheFingerprintItsLogRecorded(@TempDir Path runDirectory) {
        try (FingerprintLog log = FingerprintLog.append(runDirectory)) {
            for (String stage : List.of("build", "clone[0]", "clone[1]", "token")) {
                log.write(CallRecord.of(StageKey.parse(stage), inputs, new Decision.Run()));
            }
            log.secretOutputs(StageKey.of("token"));
        }
        List<RunEvent> events = List.of(
                new RunEvent.StageStarted(HEADER, "build", 0, 1, 0),
                new RunEvent.StageCompleted(HEADER, "build", 0, Duration.ofSeconds(4), 0.2, Map.of("id", "sha256:1")),
                new RunEvent.StageCached(HEADER, "clone[0]", 1, "r0", "clone[0]", inputs.fingerprint().hex(),
                        Duration.ofSeconds(7), 0.4, Map.of("commit", "c0")),
                new RunEvent.StageStarted(HEADER, "clone[1]", 1, 1, 0.4),
                new RunEvent.StageFailed(HEADER, "clone[1]", "refused", Duration.ofSeconds(1), false, false),
                new RunEvent.StageStarted(HEADER, "token", 2, 1, 0.6),
                new RunEvent.StageCompleted(HEADER, "token", 2, Duration.ofSeconds(1), 0.6, Map.of("value", "***")),
                new RunEvent.StageSkipped(HEADER, "verify", "`false` was false"),
                new RunEvent.StageStarted(NESTED, "inner", 0, 1, 0),
                new RunEvent.StageStarted(HEADER, "slow", 3, 1, 0.8),
                new RunEvent.PipelineCancelled(HEADER, "SIGINT", Duration.ofSeconds(20), new Metrics(2, 5, List.of())));

        PreviousRun run = StageRecords.project("r1", events, FingerprintLog.read(runDirectory));

        assertThat(run.records()).extracting(r -> r.key() + " " + r.status()).containsExactly(
                "build SUCCEEDED", "clone[0] SUCCEEDED", "clone[1] FAILED", "token SUCCEEDED", "verify SKIPPED",
                "slow CANCELLED");
        StageRecord build = run.record(StageKey.of("build")).orElseThrow();
        assertThat(build.fingerprint()).isEqualTo(inputs.fingerprint());
        assertThat(build.outputs()).containsEntry("id", "sha256:1");
        assertThat(build.duration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(run.record(new StageKey("clone", 0)).orElseThrow().duration()).isEqualTo(Duration.ofSeconds(7));
        assertThat(run.record(StageKey.of("token")).orElseThrow().outputsStored()).isFalse();
        assertThat(run.record(StageKey.of("verify")).orElseThrow().fingerprint()).isNull();
    }

    @Test
    void aDamagedLastLineOfTheLogIsIgnored(@TempDir Path runDirectory) throws Exception {
        try (FingerprintLog log = FingerprintLog.append(runDirectory)) {
            log.write(CallRecord.of(StageKey.of("build"), inputs, new Decision.Run()));
        }
        Files.writeString(runDirectory.resolve(FingerprintLog.FILE_NAME), "{\"kind\":\"call\",\"sta",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(FingerprintLog.read(runDirectory).calls()).singleElement()
                .satisfies(call -> assertThat(call.inputs()).isEqualTo(inputs));
    }

    @Test
    void aRunWithoutALogHasNoCalls(@TempDir Path runDirectory) {
        assertThat(FingerprintLog.read(runDirectory).calls()).isEmpty();
    }

    @Test
    void theLogReadsBackWhatWasWrittenIncludingWhereOutputsWereReusedFrom(@TempDir Path runDirectory) {
        StageRecord source = Fixtures.succeeded("r0", new StageKey("clone", 3), inputs, Map.of());
        CallRecord call = CallRecord.of(new StageKey("clone", 1), inputs, new Decision.Reuse(source));
        try (FingerprintLog log = FingerprintLog.append(runDirectory)) {
            log.write(call);
        }
        assertThat(FingerprintLog.read(runDirectory).calls()).containsExactly(call);
    }

    @Test
    void aStageWhoseLogLineWasLostInACrashKeepsTheFingerprintOfItsEvent(@TempDir Path runDirectory) {
        String fingerprint = inputs.fingerprint().hex();
        PreviousRun run = StageRecords.project("r1", List.of(
                new RunEvent.StageStarted(HEADER, "build", 0, 1, 0),
                new RunEvent.StageCompleted(HEADER, "build", 0, Duration.ofSeconds(4), 0.2, Map.of(), fingerprint)),
                FingerprintLog.read(runDirectory));

        StageRecord build = run.record(StageKey.of("build")).orElseThrow();
        assertThat(build.fingerprint()).isEqualTo(inputs.fingerprint());
        assertThat(build.reusableFor(inputs.fingerprint())).isTrue();
        assertThat(build.inputs()).isNull();
    }
}
