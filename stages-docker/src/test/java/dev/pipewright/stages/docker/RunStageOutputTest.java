package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker.run reports every line a container writes exactly once, in order per stream, and while
 * the container runs. The engine's attach handler once made this racy (a line written while the
 * engine replayed the log file arrived twice, a few runs in a hundred under load), so many short
 * containers run, several at once: the race needs a container writing as soon as it starts.
 */
@RequiresDocker
class RunStageOutputTest {

    /**
     * With the old attach (logs=1), 3 of 5 runs of this test failed on the shared machine (load
     * 5-6): 4 of 200 containers had lines twice. About 10 s.
     */
    private static final int CONTAINERS = 40;
    /** A busy engine widens the race's window, as parallel stages do. */
    private static final int AT_ONCE = 4;

    private final StageType run = TestDocker.stage("run");
    private final String runId = TestDocker.newRunId();

    @TempDir
    Path runDir;

    @AfterEach
    void removeLeftovers() {
        TestDocker.removeRun(runId);
    }

    @Test
    void everyLineOfManyShortContainersRunningAtOnceArrivesOnceInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (int n = 0; n < CONTAINERS; n++) {
                int container = n;
                checks.add(pool.submit(() -> wrongOutputOf(container)));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> check : checks) {
                String problem = check.get(5, TimeUnit.MINUTES);
                if (problem != null) {
                    wrong.add(problem);
                }
            }
            assertThat(wrong).as("containers whose output was not reported exactly once, in order").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs container {@code n}, which prints a few numbered lines on each stream and a last line
     * without a line break on each; null when its output arrived exactly, else what arrived.
     */
    private String wrongOutputOf(int n) throws InterruptedException {
        int lines = 3 + n % 5;
        TestStageContext ctx = TestDocker.context(runId, "short[" + n + "]", run, Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "i=1; while [ $i -le " + lines + " ]; do echo out$i; echo err$i >&2;"
                        + " i=$((i+1)); done; printf 'unterminated out'; printf 'unterminated err' >&2")), runDir);
        Outcome outcome = ctx.runAttempt();
        if (outcome.failure() == null && ctx.stdout().equals(numbered("out", lines))
                && ctx.stderr().equals(numbered("err", lines))) {
            return null;
        }
        return "container " + n + ": stdout " + ctx.stdout() + ", stderr " + ctx.stderr() + ", failure "
                + outcome.failure();
    }

    @Test
    void linesArriveWhileTheContainerIsStillRunning() throws Exception {
        // The container prints, then waits for a file only this test creates once it has seen the
        // first line: the stage can only succeed if that line was reported before the exit.
        Files.createDirectories(runDir.resolve("signal"));
        TestStageContext ctx = TestDocker.context(runId, "live", run, Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "echo first; echo warming up >&2;"
                        + " while [ ! -e /signal/go ]; do sleep 0.05; done; echo second"),
                "volumes", List.of("./signal:/signal")), runDir);

        CompletableFuture<Outcome> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return ctx.runAttempt();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ctx.stdout().contains("first") && ctx.stderr().contains("warming up"));
        assertThat(attempt).isNotDone();
        Files.writeString(runDir.resolve("signal/go"), "");

        Outcome outcome = attempt.get(60, TimeUnit.SECONDS);
        assertThat(outcome.failure()).isNull();
        assertThat(ctx.stdout()).containsExactly("first", "second");
    }

    private static List<String> numbered(String stream, int lines) {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            expected.add(stream + i);
        }
        expected.add("unterminated " + stream);
        return expected;
    }
}
