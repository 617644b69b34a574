package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryTest {

    @TempDir
    Path dir;

    /** A script that fails until it has been run {@code failures} times, counting runs in a file. */
    private static String flaky(int failures) {
        return "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; "
                + "if [ $n -le " + failures + " ]; then echo attempt $n fails >&2; exit 1; fi; echo attempt $n works";
    }

    @Test
    void retriesCountAttemptsUntilTheScriptSucceeds() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline retrying {
                  stage flaky {
                    uses    = core.exec
                    retry   = 3
                    backoff = 10ms
                    with { shell = "%s" }
                  }
                }
                """.formatted(flaky(2)));

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.events(StageStarted.class, "flaky")).extracting(StageStarted::attempt).containsExactly(1, 2, 3);
        assertThat(run.events(StageRetrying.class, "flaky")).extracting(StageRetrying::attempt).containsExactly(1, 2);
        assertThat(run.events(StageRetrying.class, "flaky").get(0).error()).contains("exited with code 1");
        assertThat(run.logLines("flaky")).containsExactly("attempt 1 fails", "attempt 2 fails", "attempt 3 works");
    }

    @Test
    void retryIsTheNumberOfFurtherAttempts() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline giving-up {
                  stage flaky { uses = core.exec  retry = 1  backoff = 10ms  with { shell = "%s" } }
                }
                """.formatted(flaky(5)));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.events(StageStarted.class, "flaky")).hasSize(2);
    }

    @Test
    void backoffDelaysGrowAndAreWaited() throws Exception {
        TestRun run = new TestRun(dir);
        run.run("""
                pipeline backing-off {
                  stage flaky { uses = core.exec  retry = 4  backoff = 50ms  with { shell = "%s" } }
                }
                """.formatted(flaky(4)));

        List<Duration> delays = run.events(StageRetrying.class, "flaky").stream().map(StageRetrying::delay).toList();
        assertThat(delays).hasSize(4);
        for (int i = 1; i < delays.size(); i++) {
            assertThat(delays.get(i)).as("delay after attempt " + (i + 1)).isGreaterThan(delays.get(i - 1));
            assertThat(delays.get(i).toMillis()).isBetween(50L << i, (long) ((50L << i) * 1.2));
        }
        List<StageStarted> starts = run.events(StageStarted.class, "flaky");
        List<StageRetrying> retries = run.events(StageRetrying.class, "flaky");
        for (int i = 0; i < retries.size(); i++) {
            Duration waited = Duration.between(retries.get(i).time(), starts.get(i + 1).time());
            assertThat(waited).as("time before attempt " + (i + 2)).isGreaterThanOrEqualTo(retries.get(i).delay());
        }
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        TestRun run = new TestRun(dir);
        run.run("""
                pipeline permanent {
                  stage nope { uses = core.fail  retry = 3  backoff = 10ms  with { message = "config is wrong" } }
                }
                """);

        assertThat(run.events(StageStarted.class, "nope")).hasSize(1);
        assertThat(run.events(StageRetrying.class)).isEmpty();
    }

    @Test
    void aTimedOutAttemptIsRetried() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline slow-then-fast {
                  stage net {
                    uses = core.exec  retry = 1  backoff = 10ms  timeout = 300ms
                    with { shell = "if [ -e seen ]; then echo fast; else touch seen; sleep 30; fi" }
                  }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.only(StageRetrying.class, "net").error()).isEqualTo("stage `net` timed out after 300ms");
    }
}
