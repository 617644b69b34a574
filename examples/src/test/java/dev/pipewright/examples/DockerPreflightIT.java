package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that is not there, seen through the real CLI: one sentence, before or during a run. No engine needed. */
class DockerPreflightIT {

    @TempDir
    Path work;

    private Cli withoutEngine() {
        return new Cli(work).env("DOCKER_HOST", "unix://" + work.resolve("no-docker.sock"));
    }

    @Test
    void checkPreflightNamesWhereItLookedAndExits1() throws Exception {
        Cli.Result result = withoutEngine().run("check", "--preflight", Cli.example("habitat-build.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("habitat-build.pipeline: preflight: docker: Cannot reach the Docker engine at DOCKER_HOST=unix://"
                + work.resolve("no-docker.sock")).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void checkWithoutPreflightDoesNotTouchTheEngine() throws Exception {
        Cli.Result result = withoutEngine().run("check", Cli.example("habitat-build.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void theFirstDockerStageFailsWithTheSameSentence() throws Exception {
        Cli.Result result = withoutEngine().run("run", "--output", "plain", Cli.example("habitat-build.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout() + result.stderr()).contains("check-base-image")
                .contains("Cannot reach the Docker engine at DOCKER_HOST=unix://" + work.resolve("no-docker.sock"))
                .doesNotContain("\tat ");
    }
}
