package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGINT and SIGTERM sent to a real {@code pipewright run} process. */
class SignalsIT {

    @TempDir
    Path work;

    /** Waits until the stage has written its process id into the run's work directory. */
    private long awaitPid(String file) {
        Path[] found = new Path[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Path runs = work.resolve(".pipewright/runs");
            if (!Files.isDirectory(runs)) {
                return false;
            }
            try (var walk = Files.walk(runs)) {
                found[0] = walk.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElse(null);
            }
            return found[0] != null && !Files.readString(found[0]).isBlank();
        });
        return Long.parseLong(Cli.read(found[0]).strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void cancellingStopsTheWorkAndRunsFinally(String signal) throws Exception {
        Cli.Started run = new Cli(work).start("run", "--output", "plain", "-p", "seconds=300",
                Cli.example("finally.pipeline").toString());
        long sleep = awaitPid("work.pid");
        assertThat(alive(sleep)).as("the stage's sleep is running").isTrue();

        run.signal(signal);
        Cli.Result result = run.awaitResult(Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(alive(sleep)).as("the stage's sleep was stopped").isFalse();
        assertThat(result.stdout()).contains("✔ clean-up").contains("clean-up │ cleaned up")
                .contains("■ always-clean-up cancelled");
        assertThat(result.runDirectory().resolve("work/clean-up.done")).exists();
        assertThat(result.events().strip()).endsWith("}").contains("\"type\":\"pipeline:cancel\"");
    }

    @Test
    void sigintStopsTheStageRunsFinallyAndExits130() throws Exception {
        cancellingStopsTheWorkAndRunsFinally("INT");
    }

    @Test
    void sigtermStopsTheStageRunsFinallyAndExits130() throws Exception {
        cancellingStopsTheWorkAndRunsFinally("TERM");
    }

    @Test
    void aSecondSigintStopsWaitingAndExits130AtOnce() throws Exception {
        Cli.Started run = new Cli(work).start("run", "--output", "plain", Cli.resource("slow-finally.pipeline").toString());
        long workSleep = awaitPid("work.pid");
        run.signal("INT");
        long cleanUpSleep = awaitPid("clean-up.pid");
        assertThat(run.process().isAlive()).as("finally is still running").isTrue();

        run.signal("INT");
        // Far less than the 300 s the finally stage would sleep: the process did not wait for it.
        Cli.Result result = run.awaitResult(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.stderr()).contains("stopping at once");
        assertThat(alive(workSleep)).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(cleanUpSleep));
    }
}
