package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageType;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import dev.pipewright.testkit.TestStageContext.Outcome;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that does not answer: one sentence that says where it tried and what to check. No engine needed. */
class UnreachableEngineTest {

    @TempDir
    Path dir;

    private static DockerPlugin pluginAt(String dockerHost) {
        return new DockerPlugin(new DockerEngine(DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", dockerHost))));
    }

    private Outcome runTrue(DockerPlugin plugin) throws InterruptedException {
        StageType run = plugin.stageTypes().stream().filter(t -> t.name().equals("run")).findFirst().orElseThrow();
        return TestDocker.context("run-1", "first", run, Map.of("image", "local/busybox:test", "command", List.of("true")), dir)
                .runAttempt();
    }

    private static void assertOneSentenceWithoutTrace(String message) {
        assertThat(message).endsWith(".").doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingSocketNamesDockerHostAndWhatToCheck() throws Exception {
        Path socket = dir.resolve("no-such-docker.sock");

        Outcome outcome = runTrue(pluginAt("unix://" + socket));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageStartingWith("Cannot reach the Docker engine at DOCKER_HOST=unix://" + socket)
                .hasMessageContaining("check that dockerd is running");
        assertOneSentenceWithoutTrace(outcome.failure().getMessage());
        assertThat(((StageFailure) outcome.failure()).retryable()).isTrue();
    }

    @Test
    void aClosedTcpPortNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        Outcome outcome = runTrue(pluginAt("tcp://127.0.0.1:" + port));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageStartingWith("Cannot reach the Docker engine at DOCKER_HOST=tcp://127.0.0.1:" + port)
                .hasMessageContaining("listens on that address");
        assertOneSentenceWithoutTrace(outcome.failure().getMessage());
    }

    @Test
    void aMalformedDockerHostIsReportedAsSuch() throws Exception {
        Outcome outcome = runTrue(pluginAt("ftp://somewhere"));

        assertThat(outcome.failure()).isInstanceOf(StageFailure.class)
                .hasMessageStartingWith("Cannot use the Docker engine at DOCKER_HOST=ftp://somewhere");
        assertOneSentenceWithoutTrace(outcome.failure().getMessage());
    }

    @Test
    void preflightReportsTheSameSentenceBeforeAnyRun() {
        Path socket = dir.resolve("no-such-docker.sock");

        assertThat(pluginAt("unix://" + socket).preflight()).hasValueSatisfying(problem -> {
            assertThat(problem).startsWith("Cannot reach the Docker engine at DOCKER_HOST=unix://" + socket);
            assertOneSentenceWithoutTrace(problem);
        });
    }

    @Test
    void gcAgainstAnUnreachableEngineIsAProblemNotAnException() {
        var report = pluginAt("unix://" + dir.resolve("none.sock")).collectGarbage(run -> false);

        assertThat(report.removed()).isEmpty();
        assertThat(report.problems()).singleElement().asString().startsWith("Cannot reach the Docker engine");
    }

    @Test
    void snapshotGcAgainstAnUnreachableEngineIsTheSameProblem() {
        var report = pluginAt("unix://" + dir.resolve("none.sock")).collectSnapshots((snapshot, labels) -> {
            throw new AssertionError("nothing to judge without an engine");
        });

        assertThat(report.removed()).isEmpty();
        assertThat(report.problems()).singleElement().asString().startsWith("Cannot reach the Docker engine")
                .satisfies(UnreachableEngineTest::assertOneSentenceWithoutTrace);
    }

    @Test
    void withoutDockerHostTheDefaultSocketIsNamed() {
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(Map.of());

        assertThat(endpoint.describe()).isEqualTo("the default socket unix:///var/run/docker.sock");
        assertThat(endpoint.advice()).contains("set DOCKER_HOST");
    }

    @Test
    void tlsSettingsComeFromTheEnvironment() {
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", "tcp://docker.example:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"));

        assertThat(endpoint.tlsVerify()).isTrue();
        assertThat(endpoint.describe()).isEqualTo("DOCKER_HOST=tcp://docker.example:2376 (TLS, certificates in /certs)");
        assertThat(DockerEndpoint.fromEnvironment(Map.of("DOCKER_TLS_VERIFY", "0")).tlsVerify()).isFalse();
    }
}
