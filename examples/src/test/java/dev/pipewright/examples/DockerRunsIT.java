package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers of real `pipewright run` processes that are interrupted or killed. */
class DockerRunsIT {

    @TempDir
    Path work;

    private String runId;

    @BeforeEach
    void needsDocker() throws Exception {
        Docker.requireEngine();
    }

    @AfterEach
    void removeLeftovers() throws Exception {
        if (runId != null) {
            Docker.removeRun(runId);
        }
    }

    /** Waits until the container's command has printed `started`; returns the run id. */
    private String awaitStarted(Cli.Started run) {
        await().atMost(Duration.ofSeconds(60)).until(() -> run.stdout().contains("sleeper │ started"));
        return Cli.onlyRun(work).getFileName().toString();
    }

    @Test
    void sigintDuringAContainerRunExits130RunsFinallyAndLeavesNoContainer() throws Exception {
        Cli.Started run = new Cli(work).start("run", "--output", "plain", Cli.resource("docker-sleep.pipeline").toString());
        runId = awaitStarted(run);
        assertThat(Docker.containersOfRun(runId)).hasSize(1);

        run.signal("INT");
        Cli.Result result = run.awaitResult(Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.runDirectory().resolve("work/finally.done")).exists();
        assertThat(Docker.containersOfRun(runId)).isEmpty();
    }

    @Test
    void sigintDuringADockerExecStopsItsCommandInTheContainerThatStaysUp() throws Exception {
        Cli.Started run = new Cli(work).start("run", "--output", "plain",
                Cli.resource("docker-exec-sleep.pipeline").toString());
        runId = awaitStarted(run);
        String box = Docker.containersOfRun(runId).get(0);
        assertThat(Docker.docker("top", box)).contains("sleep 676").contains("sleep 677");

        run.signal("INT");
        Cli.Result result = run.awaitResult(Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.runDirectory().resolve("work/finally.done")).exists();
        assertThat(result.events()).containsPattern("\"type\":\"stage:error\".*\"stage\":\"sleeper\".*\"cancelled\":true");
        assertThat(Docker.docker("inspect", "--format", "{{.State.Running}}", box)).as("kept container").contains("true");
        assertThat(Docker.docker("top", box)).doesNotContain("sleep 67");
    }

    @Test
    void aStageTimeoutDuringAContainerRunLeavesNoContainer() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "plain", Cli.resource("docker-timeout.pipeline").toString());
        runId = result.runDirectory().getFileName().toString();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).contains("sleeper │ started").contains("timed out");
        assertThat(Docker.containersOfRun(runId)).isEmpty();
    }

    @Test
    void gcRemovesWhatASigkilledRunLeftButNothingOfALiveRun() throws Exception {
        Cli.Started run = new Cli(work).start("run", "--output", "plain", Cli.resource("docker-left-behind.pipeline").toString());
        runId = awaitStarted(run);

        Cli.Result whileRunning = new Cli(work).run("gc");
        assertThat(whileRunning.exitCode()).as(whileRunning.toString()).isZero();
        assertThat(Docker.containersOfRun(runId)).as("containers of the live run").hasSize(2);

        run.signal("KILL");
        run.process().waitFor();
        assertThat(Docker.containersOfRun(runId)).as("a killed run cleans nothing up").hasSize(2);

        Cli.Result gc = new Cli(work).run("gc");

        assertThat(gc.exitCode()).as(gc.toString()).isZero();
        assertThat(gc.stdout()).contains("of run " + runId + ", stage box").contains("of run " + runId + ", stage sleeper")
                .contains("gc: removed 2 resources");
        assertThat(Docker.containersOfRun(runId)).isEmpty();
        assertThat(Files.exists(work.resolve(".pipewright/runs").resolve(runId))).isTrue();
    }
}
