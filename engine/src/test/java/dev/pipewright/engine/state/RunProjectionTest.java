package dev.pipewright.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.PipelineCancelled;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
import dev.pipewright.engine.events.RunEvent.PipelineFailed;
import dev.pipewright.engine.events.RunEvent.PipelineStarted;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.events.RunEvent.StageLogged;
import dev.pipewright.engine.events.RunEvent.StageProgressed;
import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageSkipped;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.events.RunEvent.StageWarned;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RunProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Metrics METRICS = new Metrics(1, 2, List.of());

    private final RunProjection projection = new RunProjection();
    private long millis;

    private EventHeader at() {
        return new EventHeader(T0.plusMillis(millis += 100), "run-1", "habitat-build", null);
    }

    private EventHeader nestedUnder(String parent) {
        return new EventHeader(T0.plusMillis(millis += 100), "run-1", "inner", parent);
    }

    private RunState apply(RunEvent... events) {
        for (RunEvent event : events) {
            projection.apply(event);
        }
        return projection.snapshot();
    }

    private void started() {
        apply(new PipelineStarted(at(), 2, Map.of("tag", "v1", "token", "***"), 4242, "builder"));
    }

    @Test
    void pipelineStartRecordsParamsProcessAndStart() {
        RunState run = apply(new PipelineStarted(at(), 2, Map.of("tag", "v1", "token", "***"), 4242, "builder"));

        assertThat(run.id()).isEqualTo("run-1");
        assertThat(run.pipeline()).isEqualTo("habitat-build");
        assertThat(run.state()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.started()).isEqualTo(T0.plusMillis(100));
        assertThat(run.params()).containsEntry("tag", "v1").containsEntry("token", "***");
        assertThat(run.pid()).isEqualTo(4242);
        assertThat(run.host()).isEqualTo("builder");
        assertThat(run.totalStages()).isEqualTo(2);
        assertThat(run.progress()).isZero();
        assertThat(run.stages()).isEmpty();
    }

    @Test
    void announcedStagesArePendingWithTheirTypesBeforeTheyStart() {
        apply(new PipelineStarted(at(), 2, Map.of(), 4242, "builder", List.of(
                new RunEvent.PlannedStage("check", "docker.image-exists"), new RunEvent.PlannedStage("clone", "git.clone"))));
        RunState run = apply(new StageStarted(at(), "clone[0]", 1, 1, 0.0));

        assertThat(run.stages()).extracting(StageState::name, StageState::type, StageState::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("check", "docker.image-exists", StageStatus.PENDING),
                org.assertj.core.groups.Tuple.tuple("clone", "git.clone", StageStatus.PENDING),
                org.assertj.core.groups.Tuple.tuple("clone[0]", "git.clone", StageStatus.RUNNING));
    }

    @Test
    void stageStartMakesItTheCurrentStage() {
        started();
        RunState run = apply(new StageStarted(at(), "build", 0, 1, 0.0));

        assertThat(run.currentStage()).isEqualTo("build");
        StageState build = run.stage("build").orElseThrow();
        assertThat(build.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(build.attempts()).isEqualTo(1);
        assertThat(build.started()).isEqualTo(T0.plusMillis(200));
        assertThat(build.durationAt(T0.plusMillis(700))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theLatestStartedRunningStageIsCurrentWhileParallelStagesRun() {
        started();
        RunState run = apply(new StageStarted(at(), "lint", 0, 1, 0.0), new StageStarted(at(), "audit", 1, 1, 0.0));
        assertThat(run.currentStage()).isEqualTo("audit");

        run = apply(new StageCompleted(at(), "audit", 1, Duration.ofMillis(100), 0.5, Map.of()));
        assertThat(run.currentStage()).isEqualTo("lint");
    }

    @Test
    void progressEventsKeepTheStagesFraction() {
        started();
        RunState run = apply(new StageStarted(at(), "pull", 0, 1, 0.0), new StageProgressed(at(), "pull", 0.25, "1/4"));
        assertThat(run.stage("pull").orElseThrow().progress()).isEqualTo(0.25);

        run = apply(new StageProgressed(at(), "pull", null, "no idea"));
        assertThat(run.stage("pull").orElseThrow().progress()).isNull();
    }

    @Test
    void logLinesAreKeptInOrderUpToTheRingsCapacity() {
        started();
        apply(new StageStarted(at(), "build", 0, 1, 0.0));
        for (int i = 1; i <= RunProjection.LOG_LINES_KEPT + 20; i++) {
            projection.apply(new StageLogged(at(), "build", i % 2 == 0 ? "stderr" : "stdout", "line " + i));
        }

        List<LogLine> logs = projection.snapshot().stage("build").orElseThrow().logs();
        assertThat(logs).hasSize(RunProjection.LOG_LINES_KEPT);
        assertThat(logs.get(0).line()).isEqualTo("line 21");
        assertThat(logs.get(logs.size() - 1).line()).isEqualTo("line " + (RunProjection.LOG_LINES_KEPT + 20));
        assertThat(logs.get(logs.size() - 1).stream()).isEqualTo("stderr");
    }

    @Test
    void retryKeepsTheErrorUntilTheNextAttemptStarts() {
        started();
        RunState run = apply(new StageStarted(at(), "pull", 0, 1, 0.0),
                new StageRetrying(at(), "pull", 1, Duration.ofSeconds(5), "connection reset"));
        StageState pull = run.stage("pull").orElseThrow();
        assertThat(pull.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(pull.error()).isEqualTo("connection reset");

        run = apply(new StageStarted(at(), "pull", 0, 2, 0.0));
        pull = run.stage("pull").orElseThrow();
        assertThat(pull.attempts()).isEqualTo(2);
        assertThat(pull.error()).isNull();
        assertThat(pull.started()).as("the first attempt's start").isEqualTo(T0.plusMillis(200));
    }

    @Test
    void skipRecordsTheReasonAndCountsTowardsProgress() {
        started();
        RunState run = apply(new StageSkipped(at(), "pull", "!stages.check.exists was false (exists = true)"));

        StageState pull = run.stage("pull").orElseThrow();
        assertThat(pull.status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(pull.error()).contains("exists = true");
        assertThat(pull.duration()).isZero();
        assertThat(run.progress()).isEqualTo(0.5);
    }

    @Test
    void completeRecordsOutputsDurationAndProgress() {
        started();
        RunState run = apply(new StageStarted(at(), "build", 0, 1, 0.0),
                new StageCompleted(at(), "build", 0, Duration.ofMillis(1234), 0.5, Map.of("digest", "sha256:1")));

        StageState build = run.stage("build").orElseThrow();
        assertThat(build.status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(build.duration()).isEqualTo(Duration.ofMillis(1234));
        assertThat(build.finished()).isEqualTo(T0.plusMillis(300));
        assertThat(build.outputs()).containsEntry("digest", "sha256:1");
        assertThat(run.progress()).isEqualTo(0.5);
        assertThat(run.currentStage()).isNull();
    }

    @Test
    void warningFailsTheOptionalStageButTheRunGoesOn() {
        started();
        RunState run = apply(new StageStarted(at(), "verify", 0, 1, 0.0),
                new StageFailed(at(), "verify", "exit code 1", Duration.ofMillis(100), false, false),
                new StageWarned(at(), "verify", "exit code 1", "optional stage verify failed"));

        StageState verify = run.stage("verify").orElseThrow();
        assertThat(verify.status()).isEqualTo(StageStatus.FAILED);
        assertThat(verify.error()).isEqualTo("exit code 1");
        assertThat(verify.duration()).isEqualTo(Duration.ofMillis(100));
        assertThat(run.state()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.progress()).as("the stage ended once").isEqualTo(0.5);
    }

    @Test
    void errorFailsTheStageAndACancelledErrorCancelsIt() {
        started();
        RunState run = apply(new StageStarted(at(), "a", 0, 1, 0.0), new StageStarted(at(), "b", 1, 1, 0.0),
                new StageFailed(at(), "a", "timed out after 2m", Duration.ofMinutes(2), true, false),
                new StageFailed(at(), "b", "cancelled", Duration.ofMillis(10), false, true));

        assertThat(run.stage("a").orElseThrow().status()).isEqualTo(StageStatus.FAILED);
        assertThat(run.stage("a").orElseThrow().error()).isEqualTo("timed out after 2m");
        assertThat(run.stage("b").orElseThrow().status()).isEqualTo(StageStatus.CANCELLED);
    }

    @Test
    void pipelineCompleteSucceedsTheRun() {
        started();
        RunState run = apply(new PipelineCompleted(at(), Duration.ofMillis(900), METRICS));

        assertThat(run.state()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.finished()).isEqualTo(T0.plusMillis(200));
        assertThat(run.duration()).isEqualTo(Duration.ofMillis(900));
        assertThat(run.progress()).isEqualTo(1.0);
        assertThat(run.error()).isNull();
    }

    @Test
    void pipelineErrorFailsTheRunNamingTheStage() {
        started();
        RunState run = apply(new PipelineFailed(at(), "stage build failed: exit code 2", "build", Duration.ofSeconds(3),
                METRICS));

        assertThat(run.state()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("stage build failed: exit code 2");
        assertThat(run.failedStage()).isEqualTo("build");
        assertThat(run.duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void pipelineCancelCancelsTheRunWithItsReason() {
        started();
        RunState run = apply(new PipelineCancelled(at(), "SIGTERM", Duration.ofSeconds(1), METRICS));

        assertThat(run.state()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.error()).isEqualTo("SIGTERM");
    }

    @Test
    void eventsAfterTheFinalEventChangeNothing() {
        started();
        apply(new PipelineCompleted(at(), Duration.ofMillis(900), METRICS));
        RunState run = apply(new StageStarted(at(), "late", 0, 1, 0.0),
                new PipelineFailed(at(), "late", "late", Duration.ZERO, METRICS));

        assertThat(run.state()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.stages()).isEmpty();
    }

    @Test
    void aSubPipelinesEventsNestUnderTheCallingStageAndNeverEndTheRun() {
        started();
        RunState run = apply(new StageStarted(at(), "deploy", 0, 1, 0.0),
                new PipelineStarted(nestedUnder("deploy"), 1, Map.of(), 4242, "builder"),
                new StageStarted(nestedUnder("deploy"), "push", 0, 1, 0.0),
                new StageLogged(nestedUnder("deploy"), "push", "stdout", "pushed"),
                new StageCompleted(nestedUnder("deploy"), "push", 0, Duration.ofMillis(50), 1.0, Map.of()),
                new PipelineCompleted(nestedUnder("deploy"), Duration.ofMillis(60), METRICS));

        assertThat(run.state()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.progress()).as("only the run's own stages count").isZero();
        assertThat(run.currentStage()).isEqualTo("deploy");
        assertThat(run.stage("deploy/push").orElseThrow().status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(run.stage("deploy").orElseThrow().logs()).extracting(LogLine::line).containsExactly("pushed");

        run = apply(new PipelineFailed(nestedUnder("deploy"), "inner failed", "push", Duration.ZERO, METRICS));
        assertThat(run.state()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void liveStateAnswersReadersOnOtherThreads() throws Exception {
        LiveRunState live = new LiveRunState();
        assertThat(live.snapshot()).isNull();
        live.onEvent(new PipelineStarted(at(), 1, Map.of(), 1, "h"));
        live.onEvent(new StageStarted(at(), "build", 0, 1, 0.0));

        RunState seen = CompletableFuture.supplyAsync(live::snapshot).get();
        assertThat(seen.currentStage()).isEqualTo("build");
        assertThat(live.ended()).isFalse();
    }
}
