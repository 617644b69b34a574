package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events as JSON: on standard output with {@code --output json}, and in events.jsonl. */
class EventLogIT {

    @TempDir
    Path work;

    @Test
    void jsonOutputIsOneEventPerLineTheSameAsTheEventLog() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "json", Cli.example("hello.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.stdout().lines().toList();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("type").asText()).as(line).isNotEmpty();
        }
        assertThat(lines.get(0)).contains("\"type\":\"pipeline:start\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"pipeline:complete\"");
        assertThat(lines).isEqualTo(result.events().lines().toList());
    }

    @Test
    void theLogOfARunKilledWithSigkillParsesUpToItsLastCompleteLine() throws Exception {
        Cli.Started run = new Cli(work).start("run", "--output", "plain", Cli.resource("chatter.pipeline").toString());
        Path[] events = new Path[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (var walk = Files.walk(work)) {
                events[0] = walk.filter(p -> p.getFileName().toString().equals("events.jsonl")).findFirst().orElse(null);
            }
            return events[0] != null && Files.size(events[0]) > 200_000;
        });
        List<ProcessHandle> children = run.process().descendants().toList();

        run.signal("KILL");
        run.process().waitFor();
        children.forEach(ProcessHandle::destroyForcibly);

        String log = Cli.read(events[0]);
        List<String> complete = Arrays.asList(log.substring(0, log.lastIndexOf('\n')).split("\n"));
        List<RunEvent> decoded = complete.stream().map(EventCodec::decode).toList();
        assertThat(decoded.get(0)).isInstanceOf(RunEvent.PipelineStarted.class);
        assertThat(decoded).hasSizeGreaterThan(1000).noneMatch(RunEvent.Final.class::isInstance);
        assertThat(decoded.get(decoded.size() - 1)).isInstanceOf(RunEvent.StageLogged.class);
    }
}
