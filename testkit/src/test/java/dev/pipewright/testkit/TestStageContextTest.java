package dev.pipewright.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStageContextTest {

    @TempDir
    Path dir;

    /** Greets, or fails, or waits until it is cancelled, as its `mode` says. */
    private static final class Greeter implements StageType {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "greet";
        }

        @Override
        public StageSchema schema() {
            return StageSchema.builder("Greets")
                    .required("who", ValueType.STRING, "Whom to greet.")
                    .optional("mode", ValueType.STRING, "greet", "greet, fail or wait.")
                    .output("greeting", ValueType.STRING, "What it said.")
                    .build();
        }

        @Override
        public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
            events.add("ran on " + Thread.currentThread().getName());
            switch (context.arguments().string("mode")) {
                case "fail" -> throw StageFailure.permanent("no greeting for " + context.arguments().string("who"));
                case "wait" -> {
                    context.cancellation().onCancel(() -> events.add("first callback"));
                    context.cancellation().onCancel(() -> events.add("second callback"));
                    context.progress().report(null, "waiting");
                    Thread.sleep(Long.MAX_VALUE);
                }
                default -> { }
            }
            context.progress().report(0.5, "halfway");
            context.log().stdout("hello " + context.arguments().string("who"));
            context.log().stderr("done");
            return Map.of("greeting", "hello");
        }
    }

    private final Greeter greeter = new Greeter();

    private TestStageContext context(Map<String, ?> arguments) {
        return TestStageContext.builder("example", greeter).arguments(arguments).directory(dir).build();
    }

    @Test
    void runsTheAttemptOnAThreadOfItsOwnWithTheSchemasDefaultsAndCollectsWhatItShows() throws Exception {
        TestStageContext context = context(Map.of("who", "world"));

        Map<String, Object> outputs = context.run();

        assertThat(outputs).containsEntry("greeting", "hello");
        assertThat(context.arguments().asMap()).containsEntry("mode", "greet");
        assertThat(context.stageType()).isEqualTo("example.greet");
        assertThat(greeter.events).containsExactly("ran on attempt-test");
        assertThat(context.stdout()).containsExactly("hello world");
        assertThat(context.stderr()).containsExactly("done");
        assertThat(context.progressReports()).containsExactly(new TestStageContext.Progress(0.5, "halfway"));
        assertThat(context.everythingShown()).containsExactly("hello world", "done", "halfway");
    }

    @Test
    void argumentsThatDoNotFitTheSchemaAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> context(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("example.greet needs the argument `who`");
        assertThatThrownBy(() -> context(Map.of("who", "x", "loud", true)))
                .hasMessage("example.greet has no argument `loud`");
        assertThatThrownBy(() -> context(Map.of("who", 3L)))
                .hasMessage("argument `who` of example.greet must be a " + ValueType.STRING + ", not Long");
    }

    @Test
    void runThrowsTheStageFailure() {
        assertThatThrownBy(() -> context(Map.of("who", "x", "mode", "fail")).run())
                .isInstanceOf(StageFailure.class).hasMessage("no greeting for x");
    }

    @Test
    void cancellingRunsTheCallbacksNewestFirstThenInterruptsTheAttempt() throws Exception {
        TestStageContext context = context(Map.of("who", "x", "mode", "wait"));
        context.onProgress(p -> context.cancellation().cancel()); // once the callbacks are registered

        TestStageContext.Outcome outcome = context.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(greeter.events).containsExactly("ran on attempt-test", "second callback", "first callback");
        assertThat(context.cancellation().isCancelled()).isTrue();
    }

    @Test
    void aCallbackRegisteredAfterTheSignalFiredRunsAtOnce() {
        TestCancellation cancellation = new TestCancellation();
        cancellation.cancel();
        List<String> ran = new CopyOnWriteArrayList<>();

        cancellation.onCancel(() -> ran.add("late"));

        assertThat(ran).containsExactly("late");
    }
}
