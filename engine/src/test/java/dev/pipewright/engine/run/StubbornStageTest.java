package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.testing.TestRun;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubbornStageTest {

    @TempDir
    Path dir;

    /** Ignores interrupts until released; counts the cleanup callbacks the engine ran. */
    static final class Stubborn implements StageType {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger callbacks = new AtomicInteger();
        final StringBuffer order = new StringBuffer();

        @Override
        public String name() {
            return "stubborn";
        }

        @Override
        public StageSchema schema() {
            return StageSchema.builder("ignores cancellation").build();
        }

        @Override
        public Map<String, Object> run(StageContext context) {
            context.cancellation().onCancel(() -> order.append("first-registered "));
            context.cancellation().onCancel(() -> order.append("last-registered "));
            while (true) {
                try {
                    release.await();
                    return Map.of();
                } catch (InterruptedException e) {
                    callbacks.incrementAndGet();
                }
            }
        }
    }

    @Test
    void anAttemptThatIgnoresCancellationIsAbandonedAfterTheGracePeriodAndFinallyStillRuns() throws Exception {
        Stubborn stubborn = new Stubborn();
        TestRun run = new TestRun(dir).type(stubborn);
        try {
            RunOutcome outcome = run.run("""
                    pipeline stuck {
                      stage hang { uses = test.stubborn  timeout = 100ms }
                      finally { stage cleanup { uses = core.log  with { message = "cleaned" } } }
                    }
                    """);

            assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.only(RunEvent.StageFailed.class, "hang").error()).isEqualTo(
                    "stage `hang` timed out after 100ms (it did not stop within the 5s grace period and was abandoned)");
            assertThat(stubborn.order.toString()).as("callbacks run newest first").isEqualTo("last-registered first-registered ");
            assertThat(stubborn.callbacks.get()).as("the attempt's thread was interrupted").isGreaterThanOrEqualTo(1);
            assertThat(run.logLines("cleanup")).containsExactly("cleaned");
        } finally {
            stubborn.release.countDown();
        }
    }
}
