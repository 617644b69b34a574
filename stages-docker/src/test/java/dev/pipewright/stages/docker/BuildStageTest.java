package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageType;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresDocker
class BuildStageTest {

    private final StageType build = TestDocker.stage("build");
    private final String runId = TestDocker.newRunId();
    private final List<String> images = new ArrayList<>();
    /** Written into RUN steps so the build's own containers can be found by their command. */
    private final String marker = "marker-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @AfterEach
    void removeImages() {
        images.forEach(TestDocker::removeImage);
    }

    private String image() {
        String name = TestDocker.newImageName();
        images.add(name);
        return name;
    }

    private TestStageContext context(Map<String, ?> args) {
        return TestDocker.context(runId, "build-image", build, args, dir);
    }

    private void dockerfile(String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    @Test
    void buildsTagsAndReportsEveryLineAndEachStep() throws Exception {
        dockerfile("ctx/Dockerfile", """
                FROM %s
                ARG FLAVOUR=plain
                COPY hello.txt /hello.txt
                RUN echo "flavour $FLAVOUR" > /flavour.txt # %s
                """.formatted(TestDocker.IMAGE, marker));
        Files.writeString(dir.resolve("ctx/hello.txt"), "hello");
        String tag = image();
        TestStageContext ctx = context(Map.of("context", "ctx", "tags", List.of(tag),
                "build-args", Map.of("FLAVOUR", "spicy"), "labels", Map.of("team", "pipewright"), "no-cache", true));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat((String) outcome.outputs().get("id")).startsWith("sha256:");
        assertThat(outcome.outputs()).containsEntry("tags", List.of(tag));
        // The engine appends the labels as a fifth step.
        assertThat(ctx.stdout()).anyMatch(l -> l.startsWith("Step 1/5 : FROM"))
                .anyMatch(l -> l.startsWith("Step 4/5 : RUN"));
        assertThat(ctx.progressReports()).extracting(TestStageContext.Progress::fraction)
                .containsSubsequence(0.0, 1 / 5.0, 2 / 5.0, 3 / 5.0, 4 / 5.0, 1.0);
        assertThat(ctx.progressReports()).extracting(TestStageContext.Progress::message)
                .contains("Step 3/5: COPY hello.txt /hello.txt");
        var inspected = TestDocker.client().inspectImageCmd(tag).exec();
        assertThat(inspected.getId()).isEqualTo(outcome.outputs().get("id"));
        assertThat(inspected.getConfig().getLabels()).containsEntry("team", "pipewright");
        TestStageContext run = TestDocker.context(runId, "check", TestDocker.stage("run"),
                Map.of("image", tag, "command", List.of("cat", "/flavour.txt", "/hello.txt")), dir);
        run.runAttempt();
        assertThat(run.stdout()).containsExactly("flavour spicy", "hello");
    }

    @Test
    void aTargetStopsAtThatStageOfAMultiStageDockerfile() throws Exception {
        dockerfile("Dockerfile.multi", """
                FROM %1$s AS first
                RUN echo first > /which
                FROM %1$s AS second
                RUN echo second > /which
                """.formatted(TestDocker.IMAGE));
        String tag = image();
        TestStageContext ctx = context(Map.of("context", ".", "dockerfile", "Dockerfile.multi", "tags", List.of(tag),
                "target", "first"));

        assertThat(ctx.runAttempt().failure()).isNull();

        TestStageContext run = TestDocker.context(runId, "check", TestDocker.stage("run"),
                Map.of("image", tag, "command", List.of("cat", "/which")), dir);
        run.runAttempt();
        assertThat(run.stdout()).containsExactly("first");
    }

    @Test
    void aFailingRunStepFailsTheStageAndLeavesNoContainer() throws Exception {
        dockerfile("Dockerfile", "FROM " + TestDocker.IMAGE + "\nRUN echo " + marker + " && exit 3\n");
        TestStageContext ctx = context(Map.of("context", ".", "tags", List.of(image())));

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class).hasMessageContaining("non-zero code: 3");
        assertThat(((StageFailure) outcome.failure()).retryable()).isTrue();
        assertThat(ctx.stdout()).contains(marker);
        assertThat(TestDocker.containersMentioning(marker)).isEmpty();
    }

    @Test
    void aBrokenDockerfileIsAPermanentFailure() throws Exception {
        dockerfile("Dockerfile", "FROM " + TestDocker.IMAGE + "\nFROBNICATE everything\n");

        Outcome outcome = context(Map.of("context", ".")).runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class).hasMessageContaining("FROBNICATE");
        assertThat(((StageFailure) outcome.failure()).retryable()).isFalse();
    }

    @Test
    void aMissingDockerfileSaysWhereItLooked() throws Exception {
        Files.createDirectories(dir.resolve("empty"));

        Outcome outcome = context(Map.of("context", "empty")).runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageContaining(dir.resolve("empty/Dockerfile").toString());
    }

    @Test
    void aCancelledBuildStopsAndLeavesNoContainer() throws Exception {
        dockerfile("Dockerfile", "FROM " + TestDocker.IMAGE + "\nRUN echo " + marker + " && sleep 60\n");
        TestStageContext ctx = context(Map.of("context", ".", "tags", List.of(image())));
        Thread watcher = new Thread(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> ctx.stdout().contains(marker));
            ctx.cancellation().cancel();
        });
        watcher.start();

        Outcome outcome = ctx.runAttempt();
        watcher.join();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        // The engine removes the build's container once it notices the closed connection.
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDocker.containersMentioning(marker).isEmpty());
    }
}
