package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageType;
import dev.pipewright.stages.docker.support.LocalRegistry;
import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import dev.pipewright.testkit.TestStageContext.Outcome;
import dev.pipewright.testkit.TestStageContext.Progress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresDocker
class PullStageTest {

    private final StageType pull = TestDocker.stage("pull");
    private final List<String> images = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void removeImages() {
        images.forEach(TestDocker::removeImage);
    }

    private TestStageContext context(String image) {
        return TestDocker.context(TestDocker.newRunId(), "pull-base", pull, Map.of("image", image), dir);
    }

    @Test
    void anUnreachableRegistryIsARetryableFailureThatNamesTheImage() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String image = "127.0.0.1:" + port + "/pipewright/absent:1";

        Outcome outcome = context(image).runAttempt();

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageStartingWith("Could not pull image `" + image + "`")
                .hasMessageContaining("connection refused");
        assertThat(((StageFailure) outcome.failure()).retryable()).isTrue();
    }

    @Test
    void pullsFromARealRegistryReportingLayerProgress() throws Exception {
        assumeTrue(LocalRegistry.installed(), "needs Debian's docker-registry (apt-get install docker-registry)");
        try (LocalRegistry registry = LocalRegistry.start()) {
            // A layer of random bytes that exists nowhere else, so the engine must download it.
            String local = TestDocker.newImageName();
            images.add(local);
            java.nio.file.Files.writeString(dir.resolve("Dockerfile"),
                    "FROM " + TestDocker.IMAGE + "\nRUN head -c 3000000 /dev/urandom > /blob\n");
            TestDocker.client().buildImageCmd(dir.toFile()).withTags(java.util.Set.of(local)).withForcerm(true)
                    .start().awaitImageId();
            String builtId = TestDocker.client().inspectImageCmd(local).exec().getId();
            String image = registry.push(local, TestDocker.PREFIX + "/blob:pull");
            TestDocker.removeImage(image);
            TestDocker.removeImage(local); // takes the random layer with it
            images.add(image);
            TestStageContext ctx = context(image);

            Outcome outcome = ctx.runAttempt();

            assertThat(outcome.failure()).isNull();
            assertThat(outcome.outputs()).containsEntry("id", builtId);
            List<Double> fractions = ctx.progressReports().stream().map(Progress::fraction)
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(fractions).isNotEmpty().isSorted().last().isEqualTo(1.0);
            assertThat(fractions).anyMatch(f -> f > 0 && f < 1);
            assertThat(ctx.progressReports()).last().extracting(Progress::message).asString()
                    .startsWith("Pulled " + image + ": 2 of 2 layers");
            assertThat(ctx.stdout()).anyMatch(line -> line.startsWith("Digest: sha256:"));
        }
    }

    @Test
    void aRepositoryTheRegistryDoesNotHaveIsAPermanentFailure() throws Exception {
        assumeTrue(LocalRegistry.installed(), "needs Debian's docker-registry (apt-get install docker-registry)");
        try (LocalRegistry registry = LocalRegistry.start()) {
            String image = registry.host() + "/pipewright/never-pushed:1";

            Outcome outcome = context(image).runAttempt();

            assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                    .hasMessageStartingWith("Could not pull image `" + image + "`");
            assertThat(((StageFailure) outcome.failure()).retryable()).isFalse();
        }
    }
}
