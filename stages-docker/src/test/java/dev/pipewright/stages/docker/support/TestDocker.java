package dev.pipewright.stages.docker.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.pipewright.stages.docker.ContainerLabels;
import dev.pipewright.stages.docker.DockerEndpoint;
import dev.pipewright.stages.docker.DockerEngine;
import dev.pipewright.stages.docker.DockerPlugin;
import dev.pipewright.spi.StageType;
import dev.pipewright.testkit.TestStageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one engine connection and plugin all tests share, and helpers to look at what they left.
 * Everything a test creates is named with {@link #PREFIX} or labelled with its own run id.
 */
public final class TestDocker {

    /** The image built FROM scratch out of a static busybox by .ci/setup-docker.sh. */
    public static final String IMAGE = "local/busybox:test";

    /** The pipeline name every test attempt reports. */
    public static final String PIPELINE = "docker-stages-test";

    /** Prefix of every image name tests make, unique per JVM so parallel builds do not collide. */
    public static final String PREFIX = "pipewright-test-" + UUID.randomUUID().toString().substring(0, 8);

    private static final DockerEngine ENGINE = new DockerEngine(DockerEndpoint.fromEnvironment());
    private static final DockerPlugin PLUGIN = new DockerPlugin(ENGINE);
    private static volatile Optional<String> problem;

    private TestDocker() {
    }

    public static DockerEngine engine() {
        return ENGINE;
    }

    public static DockerClient client() {
        return ENGINE.client();
    }

    public static DockerPlugin plugin() {
        return PLUGIN;
    }

    public static StageType stage(String name) {
        return PLUGIN.stageTypes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * An attempt of a {@code docker.*} stage type for a test: its containers are labelled with
     * {@code runId} and {@code stage}, and with the pipeline {@value #PIPELINE}.
     */
    public static TestStageContext context(String runId, String stage, StageType type, Map<String, ?> arguments,
            Path directory) {
        return TestStageContext.builder("docker", type).runId(runId).stageName(stage).pipelineName(PIPELINE)
                .arguments(arguments).directory(directory).build();
    }

    static Optional<String> problem() {
        if (problem == null) {
            problem = ENGINE.problem().or(() -> {
                try {
                    ENGINE.client().inspectImageCmd(IMAGE).exec();
                    return Optional.empty();
                } catch (NotFoundException e) {
                    return Optional.of("the test image " + IMAGE + " is missing; run .ci/setup-docker.sh");
                }
            });
        }
        return problem;
    }

    /** A fresh run id; each test uses its own so label queries see only its containers. */
    public static String newRunId() {
        return "test-" + UUID.randomUUID();
    }

    /** A fresh image name under {@link #PREFIX}. */
    public static String newImageName() {
        return PREFIX + "-" + UUID.randomUUID().toString().substring(0, 8) + ":test";
    }

    /** Every container, running or not, that carries {@code pipewright.run=runId}. */
    public static List<Container> containersOfRun(String runId) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.RUN, runId)).exec();
    }

    /** Every container, running or not, whose command line mentions {@code marker}. */
    public static List<Container> containersMentioning(String marker) {
        return client().listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getCommand() != null && c.getCommand().contains(marker))
                .toList();
    }

    /** Removes a run's containers and an image quietly; for @AfterEach. */
    public static void removeRun(String runId) {
        for (Container c : containersOfRun(runId)) {
            try {
                client().removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    public static void removeImage(String image) {
        try {
            client().removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException e) {
            // never made, or gone already
        }
    }
}
