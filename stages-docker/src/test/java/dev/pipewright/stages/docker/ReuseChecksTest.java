package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageType;
import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a resumed run may reuse what a Docker stage made: only while it is still there. */
@RequiresDocker
class ReuseChecksTest {

    private final String runId = TestDocker.newRunId();
    private final List<String> images = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        images.forEach(TestDocker::removeImage);
        TestDocker.removeRun(runId);
    }

    private Map<String, Object> run(StageType type, Map<String, ?> args) throws Exception {
        TestStageContext.Outcome outcome = TestDocker.context(runId, type.name(), type, args, dir).runAttempt();
        assertThat(outcome.failure()).isNull();
        return outcome.outputs();
    }

    private Optional<String> check(StageType type, Map<String, Object> outputs, Map<String, Object> args) {
        return type.checkReusable(outputs, new ReuseContext() {
            public String stageName() {
                return type.name();
            }

            public String stageType() {
                return "docker." + type.name();
            }

            public String runId() {
                return runId;
            }

            public Arguments arguments() {
                return new Arguments(args);
            }

            public Path runDirectory() {
                return dir;
            }

            public Path baseDirectory() {
                return dir;
            }
        });
    }

    private Map<String, Object> build(String tag, String label) throws Exception {
        Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(dir.resolve("ctx/Dockerfile"), "FROM " + TestDocker.IMAGE + "\nLABEL reuse=" + label + "\n");
        images.add(tag);
        return run(TestDocker.stage("build"), Map.of("context", "ctx", "tags", List.of(tag)));
    }

    @Test
    void aBuiltImageIsReusableUntilItIsRemoved() throws Exception {
        StageType build = TestDocker.stage("build");
        Map<String, Object> outputs = build(TestDocker.newImageName(), "one");
        assertThat(check(build, outputs, Map.of())).isEmpty();

        TestDocker.removeImage((String) ((List<?>) outputs.get("tags")).get(0));

        assertThat(check(build, outputs, Map.of())).hasValue("image " + outputs.get("id") + " no longer exists");
    }

    @Test
    void aTagThatNowNamesAnotherImageInvalidatesTheBuild() throws Exception {
        StageType build = TestDocker.stage("build");
        String tag = TestDocker.newImageName();
        Map<String, Object> first = build(tag, "one");
        Map<String, Object> second = build(tag, "two");
        images.add((String) first.get("id"));

        assertThat(check(build, first, Map.of())).hasValueSatisfying(reason -> assertThat(reason)
                .contains("now names image " + second.get("id") + ", not " + first.get("id")));
    }

    @Test
    void aStartedContainerIsReusableOnlyWhileItRuns() throws Exception {
        StageType start = TestDocker.stage("start");
        Map<String, Object> outputs = run(start, Map.of("image", TestDocker.IMAGE, "command", List.of("sleep", "60")));
        assertThat(check(start, outputs, Map.of())).isEmpty();

        TestDocker.removeRun(runId);

        assertThat(check(start, outputs, Map.of())).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith(" no longer exists").startsWith("container "));
    }

    @Test
    void imageExistsIsReusedOnlyWhileItsAnswerHolds() throws Exception {
        StageType exists = TestDocker.stage("image-exists");
        String tag = TestDocker.newImageName();
        Map<String, Object> absent = run(exists, Map.of("image", tag));
        assertThat(check(exists, absent, Map.of("image", tag))).isEmpty();

        build(tag, "now");

        assertThat(check(exists, absent, Map.of("image", tag))).hasValue("image `" + tag + "` exists now");
    }
}
