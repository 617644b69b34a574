package dev.pipewright.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.testing.Pids;
import dev.pipewright.engine.testing.RunMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void theEventLogOfARunKilledWithSigkillParsesUpToItsLastCompleteLine() throws Exception {
        Path file = dir.resolve("chatty.pipeline");
        Files.writeString(file, """
                pipeline chatty {
                  stage talk { uses = core.exec  with { shell = "echo $$ > talk.pid; i=0; while true; do echo line $i; i=$((i+1)); done" } }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                RunMain.class.getName(), dir.toString(), file.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        long shell = 0;
        try {
            Path events = Path.of(new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))
                    .readLine());
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(events) && Files.size(events) > 200_000);
            Pids.awaitFile(dir.resolve("talk.pid"));
            shell = Pids.read(dir.resolve("talk.pid"));

            jvm.destroyForcibly().waitFor();

            String log = Files.readString(events);
            List<String> lines = log.lines().toList();
            List<String> complete = log.endsWith("\n") ? lines : lines.subList(0, lines.size() - 1);
            List<RunEvent> parsed = complete.stream().map(EventCodec::decode).toList();
            assertThat(parsed.size()).isGreaterThan(1000);
            assertThat(parsed.get(0)).isInstanceOf(RunEvent.PipelineStarted.class);
            assertThat(parsed).noneMatch(e -> e instanceof RunEvent.Final);
        } finally {
            jvm.destroyForcibly();
            if (shell != 0) {
                // The engine was killed without a chance to clean up: this test stops what it left.
                ProcessHandle.of(shell).ifPresent(ProcessHandle::destroyForcibly);
                Pids.awaitGone(shell);
            }
        }
    }
}
