package dev.pipewright.engine.events;

import static dev.pipewright.engine.events.JsonFields.field;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.engine.events.RunEvent.PipelineCancelled;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
import dev.pipewright.engine.events.RunEvent.PipelineFailed;
import dev.pipewright.engine.events.RunEvent.PipelineStarted;
import dev.pipewright.engine.events.RunEvent.StageCached;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.events.RunEvent.StageLogged;
import dev.pipewright.engine.events.RunEvent.StageProgressed;
import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageSkipped;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.events.RunEvent.StageWarned;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns events into one JSON object a line and back: the format of {@code events.jsonl} and of
 * {@code --output json}. Fields are LANGUAGE.md's: {@code type}, {@code time} (ISO-8601),
 * {@code run}, {@code pipeline}, {@code parent} (only for the events of a nested pipeline), then
 * the type's own fields. Durations are whole milliseconds. Values inside {@code params} and
 * {@code outputs} are written as JSON values; a {@link Duration} among them is written as its
 * milliseconds, so it reads back as a number.
 *
 * <p>Decoding ignores fields it does not know, so logs written by a newer version still read.
 * Thread-safe.
 */
public final class EventCodec {

    private static final JsonFactory FACTORY = new JsonFactory();

    // Names of the fields every event or the most frequent ones have, encoded once: a run of many
    // small stages writes them tens of thousands of times, and Jackson checks a String name
    // character by character each time.
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString TIME = new SerializedString("time");
    private static final SerializableString RUN = new SerializedString("run");
    private static final SerializableString PIPELINE = new SerializedString("pipeline");
    private static final SerializableString STAGE = new SerializedString("stage");
    private static final SerializableString INDEX = new SerializedString("index");
    private static final SerializableString ATTEMPT = new SerializedString("attempt");
    private static final SerializableString PROGRESS = new SerializedString("progress");
    private static final SerializableString DURATION = new SerializedString("duration");
    private static final SerializableString OUTPUTS = new SerializedString("outputs");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString STREAM = new SerializedString("stream");
    private static final SerializableString LINE = new SerializedString("line");
    /** The values of {@code type}, encoded once each. */
    private static final Map<String, SerializableString> TYPE_VALUES = new ConcurrentHashMap<>();

    private EventCodec() {
    }

    /** The event as one line of JSON, without a line break. */
    public static String encode(RunEvent event) {
        StringWriter out = new StringWriter(160);
        write(event, out);
        return out.toString();
    }

    /** Writes the event as one line of JSON, without a line break, to {@code out} (which stays open). */
    public static void write(RunEvent event, Writer out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeEvent(event, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A writer of event lines onto {@code out} that keeps one UTF-8 generator for all events
     * (cheaper than {@link #encode} per event). Lines are buffered until {@link LineWriter#flush}.
     */
    public static LineWriter lineWriter(OutputStream out) {
        return new LineWriter(out);
    }

    /**
     * Writes events as lines into a buffer that reaches the stream on {@link #flush} (and whenever
     * it is full, which may cut a line in two writes). Not thread-safe: one writer per stream.
     */
    public static final class LineWriter implements Closeable {
        private final JsonGenerator json;

        private LineWriter(OutputStream out) {
            try {
                this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
                json.setRootValueSeparator(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the event and a line break. */
        public void write(RunEvent event) throws IOException {
            writeEvent(event, json);
            json.writeRaw('\n');
        }

        /** Writes what is buffered to the stream and flushes it. */
        public void flush() throws IOException {
            json.flush();
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }

    /**
     * Reads one line written by {@link #encode}.
     *
     * @throws MalformedEventException when the line is not JSON, lacks a required field or names
     *     an unknown event type; its message says which
     */
    public static RunEvent decode(String line) {
        JsonNode node;
        try {
            node = readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedEventException("not a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        return readEvent(new Fields(node));
    }

    /**
     * The first JSON value of the line as a tree (null when there is none), as
     * {@code ObjectMapper.readTree} reads it, but with the streaming parser alone: building an
     * {@code ObjectMapper} costs a cold process such as {@code pipewright query} more than
     * reading a whole run's log.
     */
    private static JsonNode readTree(String line) throws IOException {
        try (JsonParser json = FACTORY.createParser(line)) {
            return json.nextToken() == null ? null : readValue(json);
        }
    }

    private static JsonNode readValue(JsonParser json) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = json.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                    json.nextToken();
                    object.set(name, readValue(json));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(json));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(json.getText());
            case VALUE_NUMBER_INT -> switch (json.getNumberType()) {
                case INT -> nodes.numberNode(json.getIntValue());
                case LONG -> nodes.numberNode(json.getLongValue());
                default -> nodes.numberNode(json.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(json.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(json, "unexpected " + token);
        };
    }

    private static void writeEvent(RunEvent event, JsonGenerator json) throws IOException {
        json.writeStartObject();
        field(json, TYPE, TYPE_VALUES.computeIfAbsent(event.type(), SerializedString::new));
        EventHeader header = event.header();
        field(json, TIME, InstantText.of(header.time()));
        field(json, RUN, header.run());
        field(json, PIPELINE, header.pipeline());
        if (header.parent() != null) {
            json.writeStringField("parent", header.parent());
        }
        if (event instanceof PipelineStarted e) {
            json.writeNumberField("totalStages", e.totalStages());
            json.writeFieldName("params");
            writeValue(e.params(), json);
            json.writeNumberField("pid", e.pid());
            writeNullableString(json, "host", e.host());
            if (!e.stages().isEmpty()) {
                json.writeArrayFieldStart("stages");
                for (RunEvent.PlannedStage stage : e.stages()) {
                    json.writeStartObject();
                    json.writeStringField("name", stage.name());
                    writeNullableString(json, "type", stage.type());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        } else if (event instanceof StageStarted e) {
            field(json, STAGE, e.stage());
            field(json, INDEX, e.index());
            field(json, ATTEMPT, e.attempt());
            field(json, PROGRESS, e.progress());
        } else if (event instanceof StageProgressed e) {
            json.writeStringField("stage", e.stage());
            if (e.fraction() == null) {
                json.writeNullField("fraction");
            } else {
                json.writeNumberField("fraction", e.fraction());
            }
            writeNullableString(json, "message", e.message());
        } else if (event instanceof StageLogged e) {
            field(json, STAGE, e.stage());
            field(json, STREAM, e.stream());
            field(json, LINE, e.line());
        } else if (event instanceof StageRetrying e) {
            json.writeStringField("stage", e.stage());
            json.writeNumberField("attempt", e.attempt());
            json.writeNumberField("delay", e.delay().toMillis());
            writeNullableString(json, "error", e.error());
        } else if (event instanceof StageSkipped e) {
            json.writeStringField("stage", e.stage());
            writeNullableString(json, "reason", e.reason());
        } else if (event instanceof StageCompleted e) {
            field(json, STAGE, e.stage());
            field(json, INDEX, e.index());
            field(json, DURATION, e.duration().toMillis());
            field(json, PROGRESS, e.progress());
            json.writeFieldName(OUTPUTS);
            writeValue(e.outputs(), json);
            if (e.fingerprint() != null) {
                field(json, FINGERPRINT, e.fingerprint());
            }
        } else if (event instanceof StageCached e) {
            json.writeStringField("stage", e.stage());
            json.writeNumberField("index", e.index());
            json.writeStringField("fromRun", e.fromRun());
            json.writeStringField("fromStage", e.fromStage());
            json.writeStringField("fingerprint", e.fingerprint());
            json.writeNumberField("saved", e.saved().toMillis());
            json.writeNumberField("progress", e.progress());
            json.writeFieldName("outputs");
            writeValue(e.outputs(), json);
        } else if (event instanceof StageWarned e) {
            json.writeStringField("stage", e.stage());
            writeNullableString(json, "error", e.error());
            writeNullableString(json, "message", e.message());
        } else if (event instanceof StageFailed e) {
            json.writeStringField("stage", e.stage());
            writeNullableString(json, "error", e.error());
            json.writeNumberField("duration", e.duration().toMillis());
            json.writeBooleanField("timedOut", e.timedOut());
            json.writeBooleanField("cancelled", e.cancelled());
        } else if (event instanceof PipelineCompleted e) {
            json.writeNumberField("duration", e.duration().toMillis());
            writeMetrics(e.metrics(), json);
        } else if (event instanceof PipelineFailed e) {
            writeNullableString(json, "error", e.error());
            writeNullableString(json, "failedStage", e.failedStage());
            json.writeNumberField("duration", e.duration().toMillis());
            writeMetrics(e.metrics(), json);
        } else if (event instanceof PipelineCancelled e) {
            writeNullableString(json, "reason", e.reason());
            json.writeNumberField("duration", e.duration().toMillis());
            writeMetrics(e.metrics(), json);
        }
        json.writeEndObject();
    }

    private static void writeNullableString(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    private static void writeMetrics(Metrics metrics, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("metrics");
        json.writeNumberField("stagesCompleted", metrics.stagesCompleted());
        json.writeNumberField("totalStages", metrics.totalStages());
        json.writeArrayFieldStart("errors");
        for (Metrics.StageError error : metrics.errors()) {
            json.writeStartObject();
            json.writeStringField("stage", error.stage());
            writeNullableString(json, "error", error.error());
            json.writeBooleanField("optional", error.optional());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Values of params and outputs: the run-time classes of {@link dev.pipewright.spi.ValueType}. */
    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else if (value instanceof Duration d) {
            json.writeNumber(d.toMillis());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(entry.getValue(), json);
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(item, json);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private static RunEvent readEvent(Fields f) {
        String type = f.string("type", true);
        EventHeader header = new EventHeader(f.instant("time"), f.string("run", true), f.string("pipeline", true),
                f.string("parent", false));
        return switch (type) {
            case "pipeline:start" -> new PipelineStarted(header, f.integer("totalStages"), f.map("params"),
                    f.longValue("pid"), f.string("host", false), f.plannedStages());
            case "stage:start" -> new StageStarted(header, f.string("stage", true), f.integer("index"),
                    f.integer("attempt"), f.decimal("progress"));
            case "stage:progress" -> new StageProgressed(header, f.string("stage", true), f.nullableDecimal("fraction"),
                    f.string("message", false));
            case "stage:log" -> new StageLogged(header, f.string("stage", true), f.string("stream", true),
                    f.string("line", true));
            case "stage:retry" -> new StageRetrying(header, f.string("stage", true), f.integer("attempt"),
                    f.millis("delay"), f.string("error", false));
            case "stage:skip" -> new StageSkipped(header, f.string("stage", true), f.string("reason", false));
            case "stage:complete" -> new StageCompleted(header, f.string("stage", true), f.integer("index"),
                    f.millis("duration"), f.decimal("progress"), f.map("outputs"), f.string("fingerprint", false));
            case "stage:cached" -> new StageCached(header, f.string("stage", true), f.integer("index"),
                    f.string("fromRun", true), f.string("fromStage", true), f.string("fingerprint", true),
                    f.millis("saved"), f.decimal("progress"), f.map("outputs"));
            case "stage:warning" -> new StageWarned(header, f.string("stage", true), f.string("error", false),
                    f.string("message", false));
            case "stage:error" -> new StageFailed(header, f.string("stage", true), f.string("error", false),
                    f.millis("duration"), f.bool("timedOut"), f.bool("cancelled"));
            case "pipeline:complete" -> new PipelineCompleted(header, f.millis("duration"), f.metrics());
            case "pipeline:error" -> new PipelineFailed(header, f.string("error", false),
                    f.string("failedStage", false), f.millis("duration"), f.metrics());
            case "pipeline:cancel" -> new PipelineCancelled(header, f.string("reason", false), f.millis("duration"),
                    f.metrics());
            default -> throw new MalformedEventException("unknown event type `" + type + "`");
        };
    }

    /** Typed access to the fields of one JSON object, with errors that name the field. */
    private record Fields(JsonNode node) {

        String string(String name, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    throw missing(name);
                }
                return null;
            }
            return value.isTextual() ? value.textValue() : value.toString();
        }

        Instant instant(String name) {
            String text = string(name, true);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("field `" + name + "` is not an ISO-8601 instant: " + text);
            }
        }

        private JsonNode number(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw missing(name);
            }
            if (!value.isNumber()) {
                throw new MalformedEventException("field `" + name + "` is not a number: " + value);
            }
            return value;
        }

        int integer(String name) {
            return number(name).intValue();
        }

        long longValue(String name) {
            return number(name).longValue();
        }

        double decimal(String name) {
            return number(name).doubleValue();
        }

        Double nullableDecimal(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : number(name).doubleValue();
        }

        Duration millis(String name) {
            return Duration.ofMillis(number(name).longValue());
        }

        boolean bool(String name) {
            JsonNode value = node.get(name);
            return value != null && value.asBoolean(false);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Map.of();
            }
            Object converted = toValue(value);
            if (!(converted instanceof Map<?, ?>)) {
                throw new MalformedEventException("field `" + name + "` is not an object: " + value);
            }
            return (Map<String, Object>) converted;
        }

        /** The {@code stages} of a {@code pipeline:start}; empty in logs written before it existed. */
        List<RunEvent.PlannedStage> plannedStages() {
            JsonNode list = node.get("stages");
            List<RunEvent.PlannedStage> stages = new ArrayList<>();
            if (list != null && list.isArray()) {
                for (JsonNode stage : list) {
                    Fields s = new Fields(stage);
                    stages.add(new RunEvent.PlannedStage(s.string("name", true), s.string("type", false)));
                }
            }
            return stages;
        }

        Metrics metrics() {
            JsonNode metrics = node.get("metrics");
            if (metrics == null || !metrics.isObject()) {
                throw missing("metrics");
            }
            Fields m = new Fields(metrics);
            List<Metrics.StageError> errors = new ArrayList<>();
            JsonNode list = metrics.get("errors");
            if (list != null && list.isArray()) {
                for (JsonNode error : list) {
                    Fields e = new Fields(error);
                    errors.add(new Metrics.StageError(e.string("stage", true), e.string("error", false),
                            e.bool("optional")));
                }
            }
            return new Metrics(m.integer("stagesCompleted"), m.integer("totalStages"), errors);
        }

        private static MalformedEventException missing(String name) {
            return new MalformedEventException("field `" + name + "` is missing");
        }
    }

    /** JSON values as the run-time classes of {@link dev.pipewright.spi.ValueType}; maps keep their order. */
    private static Object toValue(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case NULL, MISSING -> null;
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> node.isIntegralNumber() ? (Object) node.longValue() : (Object) node.doubleValue();
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(toValue(item)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    map.put(entry.getKey(), toValue(entry.getValue()));
                }
                yield map;
            }
            case BINARY, POJO -> node.toString();
        };
    }

    /** A line of an event log that cannot be read as an event. */
    public static final class MalformedEventException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public MalformedEventException(String message) {
            super(message);
        }
    }
}
