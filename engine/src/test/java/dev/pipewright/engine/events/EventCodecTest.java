package dev.pipewright.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.events.RunEvent.PipelineCancelled;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
import dev.pipewright.engine.events.RunEvent.PipelineFailed;
import dev.pipewright.engine.events.RunEvent.PipelineStarted;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.events.RunEvent.StageLogged;
import dev.pipewright.engine.events.RunEvent.StageProgressed;
import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageSkipped;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.events.RunEvent.StageWarned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final EventHeader HEADER =
            new EventHeader(Instant.parse("2026-11-28T14:25:30.123Z"), "20261128-142530-123-a1b2", "build", null);
    private static final EventHeader NESTED =
            new EventHeader(Instant.parse("2026-11-28T14:25:31.456Z"), "20261128-142530-123-a1b2", "sub", "call-sub");
    private static final Metrics METRICS =
            new Metrics(3, 5, List.of(new Metrics.StageError("lint", "exit code 2", true)));

    static Stream<RunEvent> everyEventType() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tag", "v1");
        params.put("count", 3L);
        params.put("ratio", 0.5);
        params.put("flag", true);
        params.put("nothing", null);
        params.put("repos", List.of(Map.of("url", "git://x"), "plain"));
        return Stream.of(
                new PipelineStarted(HEADER, 5, params, 4242L, "builder-1"),
                new PipelineStarted(HEADER, 2, Map.of(), 1L, "builder-1", List.of(
                        new RunEvent.PlannedStage("check", "docker.image-exists"), new RunEvent.PlannedStage("odd", null))),
                new StageStarted(HEADER, "build", 1, 2, 0.4),
                new StageProgressed(HEADER, "clone", 0.25, "Receiving objects"),
                new StageProgressed(NESTED, "clone", null, null),
                new StageLogged(HEADER, "build", "stderr", "warning: \"quoted\" \u00e9 \t tab"),
                new StageRetrying(HEADER, "pull", 1, Duration.ofMillis(1500), "connection refused"),
                new StageSkipped(HEADER, "pull", "`!stages.check.exists` was false (stages.check.exists = true)"),
                new StageCompleted(HEADER, "check", 0, Duration.ofMillis(3200), 0.2, Map.of("exists", true)),
                new StageCompleted(HEADER, "build", 1, Duration.ofMillis(10), 0.4, Map.of("id", "sha256:1"),
                        "3fa2c1d9e0b1" + "0".repeat(52)),
                new RunEvent.StageCached(HEADER, "clone[1]", 2, "20261128-101500-ab12", "clone[0]",
                        "3fa2c1d9e0b1" + "0".repeat(52), Duration.ofMillis(4200), 0.6, Map.of("commit", "9f3e")),
                new StageWarned(HEADER, "verify", "exit code 1", "optional stage `verify` failed; the run goes on"),
                new StageFailed(HEADER, "build", "timed out after 5s", Duration.ofMillis(5003), true, false),
                new StageFailed(NESTED, "sleep", "cancelled", Duration.ofMillis(12), false, true),
                new PipelineCompleted(NESTED, Duration.ofMillis(60_000), METRICS),
                new PipelineFailed(HEADER, "exit code 2", "build", Duration.ofMillis(7), METRICS),
                new PipelineCancelled(HEADER, "interrupted (SIGINT)", Duration.ofMillis(99), METRICS));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void everyEventTypeSurvivesARoundTrip(RunEvent event) {
        String line = EventCodec.encode(event);

        assertThat(line).doesNotContain("\n");
        assertThat(EventCodec.decode(line)).isEqualTo(event);
    }

    @Test
    void everyEventTypeIsCovered() {
        List<String> types = new ArrayList<>(everyEventType().map(RunEvent::type).distinct().toList());
        assertThat(types).containsExactlyInAnyOrder("pipeline:start", "stage:start", "stage:progress", "stage:log",
                "stage:retry", "stage:skip", "stage:complete", "stage:cached", "stage:warning", "stage:error", "pipeline:complete",
                "pipeline:error", "pipeline:cancel");
    }

    @Test
    void headerFieldsComeFirstAndDurationsAreMilliseconds() throws Exception {
        String line = EventCodec.encode(
                new StageFailed(HEADER, "build", "boom", Duration.ofSeconds(5), true, false));

        assertThat(line).startsWith("{\"type\":\"stage:error\",\"time\":\"2026-11-28T14:25:30.123Z\","
                + "\"run\":\"20261128-142530-123-a1b2\",\"pipeline\":\"build\",\"stage\":\"build\"");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("duration").asLong()).isEqualTo(5000);
        assertThat(json.has("parent")).as("parent only for nested events").isFalse();
    }

    @Test
    void nestedEventsCarryTheirParent() throws Exception {
        JsonNode json = new ObjectMapper().readTree(EventCodec.encode(new StageSkipped(NESTED, "a", "why")));

        assertThat(json.get("parent").asText()).isEqualTo("call-sub");
    }

    @Test
    void decodingIgnoresUnknownFields() {
        RunEvent event = EventCodec.decode("{\"type\":\"stage:log\",\"time\":\"2026-11-28T14:25:30.123Z\",\"run\":\"r\","
                + "\"pipeline\":\"p\",\"stage\":\"s\",\"stream\":\"stdout\",\"line\":\"hi\",\"future\":{\"x\":1}}");

        assertThat(event).isEqualTo(new StageLogged(new EventHeader(Instant.parse("2026-11-28T14:25:30.123Z"), "r", "p",
                null), "s", "stdout", "hi"));
    }

    @Test
    void durationValuesInOutputsAreWrittenAsMilliseconds() {
        RunEvent event = new StageCompleted(HEADER, "s", 0, Duration.ZERO, 1.0, Map.of("wait", Duration.ofSeconds(2)));

        assertThat(((StageCompleted) EventCodec.decode(EventCodec.encode(event))).outputs())
                .containsEntry("wait", 2000L);
    }

    @Test
    void valuesReadAsJsonReadsThem() {
        String line = "{\"type\":\"pipeline:start\",\"time\":\"2026-11-28T14:25:30Z\",\"run\":\"r\",\"pipeline\":\"p\","
                + "\"totalStages\":1,\"pid\":7,\"params\":{\"neg\":-5,\"exp\":1e3,\"text\":\"caf\\u00e9\",\"dup\":1,\"dup\":2,"
                + "\"nested\":[[],{\"a\":null}]}} and the rest of the line";

        assertThat(((PipelineStarted) EventCodec.decode(line)).params())
                .containsExactly(entry("neg", -5L), entry("exp", 1000.0), entry("text", "café"), entry("dup", 2L),
                        entry("nested", List.of(List.of(), java.util.Collections.singletonMap("a", null))));
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() {
        for (String line : List.of("", "  ", "[1,2]", "42", "\"text\"")) {
            assertThatThrownBy(() -> EventCodec.decode(line)).as(line)
                    .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageStartingWith("not a JSON object");
        }
    }

    @Test
    void aBrokenLineIsRejectedWithAMessageThatSaysWhatIsWrong() {
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"stage:lo"))
                .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"stage:teleport\",\"time\":\"2026-11-28T14:25:30Z\","
                + "\"run\":\"r\",\"pipeline\":\"p\"}"))
                .hasMessageContaining("unknown event type `stage:teleport`");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"stage:log\",\"time\":\"2026-11-28T14:25:30Z\","
                + "\"run\":\"r\",\"pipeline\":\"p\",\"stream\":\"stdout\",\"line\":\"x\"}"))
                .hasMessageContaining("field `stage` is missing");
    }
}
