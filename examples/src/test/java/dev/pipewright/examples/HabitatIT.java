package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both habitat examples, with their default parameters, against the local Docker engine. */
class HabitatIT {

    private static final String BUILD_TAG = "pipewright-example/habitat:it-build";
    private static final String TEST_TAG = "pipewright-example/habitat:it-test";

    @TempDir
    Path work;

    @BeforeEach
    void needsDocker() throws Exception {
        Docker.requireEngine();
    }

    @AfterEach
    void removeImages() throws Exception {
        Docker.removeImages(BUILD_TAG, BUILD_TAG + "-base", TEST_TAG, TEST_TAG + "-base");
    }

    @Test
    void habitatBuildBuildsTheImageAndLeavesNoContainer() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "plain", "-p", "tag=" + BUILD_TAG,
                Cli.example("habitat-build.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("✔ clone-repositories[0]").contains("✔ commit-image")
                .contains("verify-image │ habitat set up with: app lib").contains("✔ remove-build-container");
        assertThat(result.events()).as("the repositories are cloned by git.clone (JGit reports its tasks)")
                .contains("\"message\":\"Checking out files\"");
        assertThat(Docker.exec("docker", "image", "inspect", BUILD_TAG).exitCode()).isZero();
        assertThat(Docker.containersOfRun(result.runDirectory().getFileName().toString())).isEmpty();
    }

    @Test
    void habitatTestRunsTheTestsInAFreshHabitatAndCountsThem() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "json", "-p", "tag=" + TEST_TAG,
                Cli.example("habitat-test.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("\"line\":\"ok 4 - lib/hello.sh\"")
                .contains("\"outputs\":{\"passed\":\"4\",\"failed\":\"0\"}");
        assertThat(Docker.containersOfRun(result.runDirectory().getFileName().toString())).isEmpty();
    }
}
