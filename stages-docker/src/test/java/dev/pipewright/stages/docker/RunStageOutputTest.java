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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker.run reports every line a container writes exactly once, in order per stream, and while
 * the container runs. The engine's attach handler once made this racy (a line written while the
 * engine replayed the log file arrived twice, about one run in a hundred under load), so the
 * short containers run many times: the race needs a container writing at once after it starts.
 */
@RequiresDocker
class RunStageOutputTest {

    private final StageType run = TestDocker.stage("run");
    private final String runId = TestDocker.newRunId();

    @TempDir
    Path runDir;

    @AfterEach
    void removeLeftovers() {
        TestDocker.removeRun(runId);
    }

    static IntStream shortContainers() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest(name = "container {0}")
    @MethodSource("shortContainers")
    void aContainerThatExitsAtOnceReportsEveryLineOnceInOrder(int n) throws Exception {
        int lines = 3 + n % 5;
        TestStageContext ctx = TestDocker.context(runId, "short[" + n + "]", run, Map.of("image", TestDocker.IMAGE,
                "command", List.of("sh", "-c", "i=1; while [ $i -le " + lines + " ]; do echo out$i; echo err$i >&2;"
                        + " i=$((i+1)); done; printf 'unterminated out'; printf 'unterminated err' >&2")), runDir);

        Outcome outcome = ctx.runAttempt();

        assertThat(outcome.failure()).isNull();
        assertThat(ctx.stdout()).containsExactlyElementsOf(numbered("out", lines));
        assertThat(ctx.stderr()).containsExactlyElementsOf(numbered("err", lines));
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
