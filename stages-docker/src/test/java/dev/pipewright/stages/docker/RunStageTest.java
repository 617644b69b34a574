package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageType;
import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import dev.pipewright.testkit.TestStageContext.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresDocker
class RunStageTest {

    private final StageType run = TestDocker.stage("run");
    private final String runId = TestDocker.newRunId();

    @TempDir
    Path runDir;

    @AfterEach
    void removeLeftovers() {
        TestDocker.removeRun(runId);
    }

    private TestStageContext context(String stage, Map<String, ?> args) {
        return TestDocker.context(runId, stage, run, args, runDir);
    }

    @Test
    void streamsBothOutputStreamsLineByLineAndRemovesTheContainer() throws Exception {
        TestStageContext ctx = context("hello", Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "echo one; echo two >&2; printf 'no newline'")));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.outputs()).containsEntry("exit-code", 0L).containsKey("container");
        assertThat(ctx.stdout()).containsExactly("one", "no newline");
        assertThat(ctx.stderr()).containsExactly("two");
        assertThat(TestDocker.containersOfRun(runId)).isEmpty();
    }

    @Test
    void aNonZeroExitFailsTheStageAndSaysWhichCommand() throws Exception {
        TestStageContext ctx = context("fails", Map.of("image", TestDocker.IMAGE, "command", List.of("sh", "-c", "exit 3")));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageContaining("exited with code 3").hasMessageContaining("exit 3");
        assertThat(TestDocker.containersOfRun(runId)).isEmpty();
    }

    @Test
    void allowFailureSucceedsWithTheExitCode() throws Exception {
        TestStageContext ctx = context("allowed", Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "exit 7"), "allow-failure", true));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.outputs()).containsEntry("exit-code", 7L);
    }

    @Test
    void envWorkdirUserAndNetworkReachTheCommand() throws Exception {
        TestStageContext ctx = context("settings", Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "echo $GREETING; pwd; id -u; ls /sys/class/net"),
                "env", Map.of("GREETING", "hello there"), "workdir", "/tmp", "user", "65534",
                "network", "none"));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat(ctx.stdout()).containsExactly("hello there", "/tmp", "65534", "lo");
    }

    @Test
    void aRelativeVolumeIsMountedFromThePipelineDirectory() throws Exception {
        Files.createDirectories(runDir.resolve("shared"));
        Files.writeString(runDir.resolve("shared/in.txt"), "from the host\n");
        TestStageContext ctx = context("volume", Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "cat /data/in.txt; echo from the container > /data/out.txt"),
                "volumes", List.of("./shared:/data")));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat(ctx.stdout()).containsExactly("from the host");
        assertThat(runDir.resolve("shared/out.txt")).hasContent("from the container");
    }

    @Test
    void aMalformedVolumeIsAPermanentFailureThatShowsTheExpectedForm() throws Exception {
        TestStageContext ctx = context("bad-volume", Map.of("image", TestDocker.IMAGE, "volumes", List.of("data")));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class).hasMessageContaining("HOST:CONTAINER");
        assertThat(((StageFailure) outcome.failure()).retryable()).isFalse();
    }

    @Test
    void containersCarryTheRunAndStageLabelsAndKeepStaysUntilRemovedByHand() throws Exception {
        TestStageContext ctx = context("kept[2]", Map.of("image", TestDocker.IMAGE, "command", List.of("true"), "keep", true));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        List<Container> containers = TestDocker.containersOfRun(runId);
        assertThat(containers).singleElement().satisfies(c -> {
            assertThat(c.getId()).isEqualTo(outcome.outputs().get("container"));
            assertThat(c.getLabels()).containsEntry(ContainerLabels.RUN, runId)
                    .containsEntry(ContainerLabels.STAGE, "kept[2]")
                    .containsEntry(ContainerLabels.PIPELINE, "docker-stages-test")
                    .containsEntry(ContainerLabels.KEEP, "true");
        });
        TestDocker.plugin().runEnded(runId);
        assertThat(TestDocker.containersOfRun(runId)).hasSize(1);
    }

    @Test
    void aMissingImageIsAPermanentFailureThatSaysToPullOrBuild() throws Exception {
        TestStageContext ctx = context("missing", Map.of("image", TestDocker.PREFIX + "-absent:none"));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageContaining("is not present").hasMessageContaining("docker.pull");
        assertThat(((StageFailure) outcome.failure()).retryable()).isFalse();
    }

    @Test
    void aTimeoutDuringSleepKillsAndRemovesTheContainer() throws Exception {
        TestStageContext ctx = context("sleeper", Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "echo started; sleep 60")));
        // The "timeout" fires once the command is really running inside the container.
        Thread watcher = new Thread(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> ctx.stdout().contains("started"));
            ctx.cancellation().cancel();
        });
        watcher.start();

        Outcome outcome = ctx.runAttempt();
        watcher.join();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(TestDocker.containersOfRun(runId)).isEmpty();
    }

    @Test
    void aCancellationBeforeTheContainerExistsCreatesNone() throws Exception {
        TestStageContext ctx = context("early", Map.of("image", TestDocker.IMAGE, "command", List.of("true")));
        ctx.cancellation().cancel();

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(TestDocker.containersOfRun(runId)).isEmpty();
    }
}
