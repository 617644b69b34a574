package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.TopContainerResponse;
import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import dev.pipewright.testkit.TestStageContext.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancelled or timed-out {@code docker.exec} leaves nothing of its command running in the
 * container, which stays up for the stages after it.
 */
@RequiresDocker
@Timeout(120) // a cancellation that never fires would otherwise wait for the sleep
class ExecCancellationTest {

    private final String runId = TestDocker.newRunId();
    private final List<String> images = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void removeLeftovers() {
        TestDocker.removeRun(runId);
        images.forEach(TestDocker::removeImage);
    }

    @Test
    void aTimeoutStopsTheCommandAndWhatItStartedInTheBackground() throws Exception {
        String box = startBox(TestDocker.IMAGE, List.of("sh"));
        TestStageContext exec = exec(box, List.of("sh", "-c", "sleep 671 & echo started; sleep 672"));
        timeOutOnceItPrinted(exec, "started");

        Outcome outcome = exec.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(exec.stderr()).isEmpty();
        assertThat(commandsIn(box)).noneMatch(c -> c.contains("sleep 67"));
        assertThat(running(box)).as("the container itself stays up").isTrue();
    }

    @Test
    void aCommandThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        String box = startBox(TestDocker.IMAGE, List.of("sh"));
        TestStageContext exec = exec(box, List.of("sh", "-c",
                "trap '' TERM; echo started; while true; do sleep 673; done"));
        timeOutOnceItPrinted(exec, "started");

        Outcome outcome = exec.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(exec.stderr()).isEmpty();
        assertThat(commandsIn(box)).noneMatch(c -> c.contains("sleep 673") || c.contains("trap"));
    }

    @Test
    void aCancellationBeforeTheCommandStartsRunsNothing() throws Exception {
        String box = startBox(TestDocker.IMAGE, List.of("sh"));
        TestStageContext exec = exec(box, List.of("sleep", "674"));
        exec.cancellation().cancel();

        Outcome outcome = exec.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(commandsIn(box)).noneMatch(c -> c.contains("sleep 674"));
    }

    @Test
    void inAContainerWithoutShTheCommandKeepsRunningAndTheLogSaysWhy() throws Exception {
        String image = imageWithoutShell();
        String box = startBox(image, List.of("/busybox", "sleep", "3600"));
        TestStageContext exec = exec(box, List.of("/busybox", "sleep", "675"));
        Thread canceller = new Thread(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> commandsIn(box).stream().anyMatch(c -> c.contains("sleep 675")));
            exec.cancellation().cancel();
        });
        canceller.start();

        Outcome outcome = exec.runAttempt();
        canceller.join();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(exec.stderr()).singleElement().asString()
                .contains("docker.exec could not stop [/busybox, sleep, 675] in container " + box)
                .contains("the container has no `sh`")
                .contains("it keeps running until the container is removed");
        assertThat(commandsIn(box)).anyMatch(c -> c.contains("sleep 675"));
    }

    private String startBox(String image, List<String> command) throws InterruptedException {
        Outcome started = TestDocker.context(runId, "box", TestDocker.stage("start"),
                Map.of("image", image, "command", command, "network", "none"), dir)
                .runAttempt();
        assertThat(started.failure()).isNull();
        return (String) started.outputs().get("container");
    }

    private TestStageContext exec(String container, List<String> command) {
        return TestDocker.context(runId, "exec", TestDocker.stage("exec"),
                Map.of("container", container, "command", command), dir);
    }

    /** The stage's timeout, fired once the command is really running. */
    private static void timeOutOnceItPrinted(TestStageContext exec, String line) {
        Thread timer = new Thread(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> exec.stdout().contains(line));
            exec.cancellation().cancel();
        }, "test-timeout");
        timer.setDaemon(true);
        timer.start();
    }

    /** An image FROM scratch with only a static busybox at /busybox: no `sh` on the PATH. */
    private String imageWithoutShell() throws Exception {
        Path busybox = Path.of("/bin/busybox");
        assertThat(busybox).as("the static busybox of busybox-static (.ci/setup-docker.sh installs it)").exists();
        Path context = Files.createDirectories(dir.resolve("no-shell"));
        Files.copy(busybox, context.resolve("busybox"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /busybox\n");
        String tag = TestDocker.newImageName();
        images.add(tag);
        Outcome built = TestDocker.context(runId, "build", TestDocker.stage("build"),
                Map.of("context", "no-shell", "tags", List.of(tag)), dir).runAttempt();
        assertThat(built.failure()).isNull();
        return tag;
    }

    /** The command lines of the container's processes, as {@code docker top} shows them. */
    private static List<String> commandsIn(String container) {
        TopContainerResponse top = TestDocker.client().topContainerCmd(container).exec();
        int column = Arrays.asList(top.getTitles()).indexOf("CMD");
        return Arrays.stream(top.getProcesses()).map(p -> p[column]).toList();
    }

    private static boolean running(String container) {
        return TestDocker.client().inspectContainerCmd(container).exec().getState().getRunning();
    }
}
