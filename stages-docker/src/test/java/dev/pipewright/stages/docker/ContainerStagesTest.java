package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import dev.pipewright.testkit.TestStageContext.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages that work on a long-lived container: start, exec, copy, commit, logs, stop, remove. */
@RequiresDocker
class ContainerStagesTest {

    private final String runId = TestDocker.newRunId();
    private final List<String> images = new ArrayList<>();
    private String container;

    @TempDir
    Path dir;

    @BeforeEach
    void startContainer() throws Exception {
        // No network: a bridge endpoint costs start-up time and nothing here needs one.
        Outcome started = attempt("start", "box", Map.of("image", TestDocker.IMAGE, "env", Map.of("BOX", "yes"), "network", "none"));
        assertThat(started.failure()).isNull();
        container = (String) started.outputs().get("container");
    }

    @AfterEach
    void removeLeftovers() {
        TestDocker.removeRun(runId);
        images.forEach(TestDocker::removeImage);
    }

    private Outcome attempt(String type, String stage, Map<String, ?> args) throws InterruptedException {
        return context(type, stage, args).runAttempt();
    }

    private TestStageContext context(String type, String stage, Map<String, ?> args) {
        return TestDocker.context(runId, stage, TestDocker.stage(type), args, dir);
    }

    @Test
    void startLeavesALabelledContainerRunningWithItsImageCommand() {
        var inspected = TestDocker.client().inspectContainerCmd(container).exec();
        assertThat(inspected.getState().getRunning()).isTrue();
        assertThat(inspected.getConfig().getLabels()).containsEntry(ContainerLabels.RUN, runId)
                .containsEntry(ContainerLabels.STAGE, "box");
    }

    @Test
    void execStreamsOutputAndReturnsStdoutAndExitCode() throws Exception {
        TestStageContext ctx = context("exec", "probe", Map.of("container", container,
                "command", List.of("sh", "-c", "echo $BOX $EXTRA; pwd; id -u; echo oops >&2; exit 4"),
                "env", Map.of("EXTRA", "more"), "workdir", "/tmp", "user", "65534", "allow-failure", true));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.outputs()).containsEntry("exit-code", 4L).containsEntry("stdout", "yes more\n/tmp\n65534");
        assertThat(ctx.stderr()).containsExactly("oops");
    }

    @Test
    void execFailsOnANonZeroExitUnlessAllowed() throws Exception {
        Outcome outcome = attempt("exec", "probe", Map.of("container", container, "command", List.of("false")));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class).hasMessageContaining("exited with code 1");
    }

    @Test
    void execInAContainerThatIsNotThereIsAPermanentFailure() throws Exception {
        Outcome outcome = attempt("exec", "probe", Map.of("container", "pipewright-no-such-container",
                "command", List.of("true")));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageContaining("No such container: pipewright-no-such-container");
        assertThat(((StageFailure) outcome.failure()).retryable()).isFalse();
    }

    @Test
    void copyPutsADirectoryInUnderMissingParentsAndBringsItBack() throws Exception {
        Files.createDirectories(dir.resolve("src/app/lib"));
        Files.writeString(dir.resolve("src/app/main.sh"), "echo main\n");
        Files.writeString(dir.resolve("src/app/lib/util.sh"), "echo util\n");
        dir.resolve("src/app/main.sh").toFile().setExecutable(true);

        Outcome in = attempt("copy", "copy-in", Map.of("container", container, "from", "src/app",
                "to", "container:/work/src"));
        Outcome check = attempt("exec", "check", Map.of("container", container,
                "command", List.of("sh", "-c", "/work/src/main.sh; cat /work/src/lib/util.sh")));
        Outcome out = attempt("copy", "copy-out", Map.of("container", container, "from", "container:/work/src",
                "to", "back"));

        assertThat(in.failure()).isNull();
        assertThat(in.outputs()).containsEntry("files", 2L);
        assertThat(check.outputs()).containsEntry("stdout", "main\necho util");
        assertThat(out.failure()).isNull();
        assertThat(dir.resolve("back/lib/util.sh")).hasContent("echo util");
        assertThat(Files.isExecutable(dir.resolve("back/main.sh"))).isTrue();
    }

    @Test
    void copyNeedsExactlyOneSideInTheContainer() throws Exception {
        Outcome outcome = attempt("copy", "copy", Map.of("container", container, "from", "a", "to", "b"));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class).hasMessageContaining("container:/path");
    }

    @Test
    void commitMakesAnImageWithTheChangesAndLabels() throws Exception {
        attempt("exec", "write", Map.of("container", container, "command", List.of("sh", "-c", "mkdir /app && echo made > /app/file")));
        String tag = TestDocker.newImageName();
        images.add(tag);

        Outcome commit = attempt("commit", "commit", Map.of("container", container, "tag", tag,
                "labels", Map.of("built-by", "test"),
                "changes", List.of("WORKDIR /app", "ENV MODE=committed", "CMD [\"sh\", \"-c\", \"cat file; echo $MODE\"]")));
        TestStageContext run = context("run", "verify", Map.of("image", tag));
        Outcome verified = run.runAttempt();

        assertThat(commit.failure()).isNull();
        assertThat(commit.outputs()).containsEntry("tag", tag);
        assertThat(verified.failure()).isNull();
        assertThat(run.stdout()).containsExactly("made", "committed");
        assertThat(TestDocker.client().inspectImageCmd(tag).exec().getConfig().getLabels()).containsEntry("built-by", "test");
    }

    @Test
    void aContainerFromAnImageCommittedFromAKeptContainerIsNotKept() throws Exception {
        Outcome kept = attempt("start", "kept", Map.of("image", TestDocker.IMAGE, "keep", true, "network", "none"));
        String tag = TestDocker.newImageName();
        images.add(tag);
        attempt("commit", "commit", Map.of("container", kept.outputs().get("container"), "tag", tag));

        Outcome child = attempt("start", "child", Map.of("image", tag, "network", "none"));
        TestDocker.plugin().runEnded(runId);

        assertThat(TestDocker.containersOfRun(runId)).extracting(c -> c.getId())
                .containsExactly((String) kept.outputs().get("container"))
                .doesNotContain((String) child.outputs().get("container"));
    }

    @Test
    void commitRejectsAChangeItCannotApply() throws Exception {
        Outcome outcome = attempt("commit", "commit", Map.of("container", container, "tag", TestDocker.newImageName(),
                "changes", List.of("ENTRYPOINT [\"sh\"]")));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class).hasMessageContaining("CMD, ENV, WORKDIR");
    }

    @Test
    void logsReturnsWhatTheContainerWroteWithTail() throws Exception {
        Outcome started = attempt("start", "chatty", Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "for i in 1 2 3 4; do echo line $i; done; sleep 60")));
        String chatty = (String) started.outputs().get("container");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                "line 1\nline 2\nline 3\nline 4".equals(attempt("logs", "logs", Map.of("container", chatty)).outputs().get("logs")));

        Outcome tail = attempt("logs", "logs", Map.of("container", chatty, "tail", 2L));

        assertThat(tail.outputs()).containsEntry("logs", "line 3\nline 4");
    }

    @Test
    void stopEndsTheContainerAndSaysWhetherItWasRunning() throws Exception {
        Outcome first = attempt("stop", "stop", Map.of("container", container, "grace", Duration.ofSeconds(1)));
        Outcome second = attempt("stop", "stop", Map.of("container", container, "grace", Duration.ofSeconds(1)));

        assertThat(first.outputs()).containsEntry("stopped", true);
        assertThat(second.outputs()).containsEntry("stopped", false);
        assertThat(TestDocker.client().inspectContainerCmd(container).exec().getState().getRunning()).isFalse();
    }

    @Test
    void removeRemovesARunningContainerAndToleratesOneThatIsGone() throws Exception {
        Outcome first = attempt("remove", "cleanup", Map.of("container", container));
        Outcome second = attempt("remove", "cleanup", Map.of("container", container));
        Map<String, Object> nothing = new java.util.HashMap<>();
        nothing.put("container", null);
        Outcome none = attempt("remove", "cleanup", nothing);

        assertThat(first.outputs()).containsEntry("removed", true);
        assertThat(second.outputs()).containsEntry("removed", false);
        assertThat(none.outputs()).containsEntry("removed", false);
        assertThat(TestDocker.containersOfRun(runId)).isEmpty();
    }

    @Test
    void runEndedRemovesTheRunsContainersButNotKeptOnesOrOtherRuns() throws Exception {
        Outcome kept = attempt("start", "kept", Map.of("image", TestDocker.IMAGE, "keep", true));
        String otherRun = TestDocker.newRunId();
        Outcome other = TestDocker.context(otherRun, "other", TestDocker.stage("start"),
                Map.of("image", TestDocker.IMAGE), dir).runAttempt();
        try {
            TestDocker.plugin().runEnded(runId);

            assertThat(TestDocker.containersOfRun(runId)).extracting(c -> c.getId())
                    .containsExactly((String) kept.outputs().get("container"));
            assertThat(TestDocker.containersOfRun(otherRun)).extracting(c -> c.getId())
                    .containsExactly((String) other.outputs().get("container"));
        } finally {
            TestDocker.removeRun(otherRun);
        }
    }

    @Test
    void collectGarbageRemovesContainersOfRunsThatAreOverOnly() throws Exception {
        String liveRun = TestDocker.newRunId();
        Outcome live = TestDocker.context(liveRun, "live", TestDocker.stage("start"),
                Map.of("image", TestDocker.IMAGE), dir).runAttempt();
        Outcome kept = attempt("start", "kept", Map.of("image", TestDocker.IMAGE, "keep", true));
        try {
            var report = TestDocker.plugin().collectGarbage(run -> !run.equals(runId));

            assertThat(report.removed()).singleElement().asString().contains(container.substring(0, 12)).contains(runId);
            assertThat(report.kept()).singleElement().asString().contains(((String) kept.outputs().get("container")).substring(0, 12));
            assertThat(report.problems()).isEmpty();
            assertThat(TestDocker.containersOfRun(liveRun)).extracting(c -> c.getId())
                    .containsExactly((String) live.outputs().get("container"));
        } finally {
            TestDocker.removeRun(liveRun);
        }
    }
}
