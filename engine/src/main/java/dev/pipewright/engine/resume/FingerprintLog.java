package dev.pipewright.engine.resume;

import static dev.pipewright.engine.events.JsonFields.field;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's {@code fingerprints.jsonl}, beside its {@code events.jsonl}: one JSON object a line,
 * either a {@code call} (a {@link CallRecord}) or a {@code secret-outputs} line saying that a
 * call's outputs held a secret, so the masked outputs in the event log must not be reused.
 * It holds digests and previews, never a secret. Appending is thread-safe; lines reach the file
 * with a line appended at least 100 ms after the previous flush, and when the log is closed.
 */
public final class FingerprintLog implements AutoCloseable {

    /** The file's name inside a run directory. */
    public static final String FILE_NAME = "fingerprints.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long FLUSH_NANOS = 100_000_000L;

    // Field names of a call line, encoded once: every stage call writes a line.
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString CALL = new SerializedString("call");
    private static final SerializableString STAGE = new SerializedString("stage");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString FORMAT = new SerializedString("format");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString VERSION = new SerializedString("version");
    private static final SerializableString EXPLANATION = new SerializedString("explanation");
    private static final SerializableString ARGUMENTS = new SerializedString("arguments");
    private static final SerializableString READS = new SerializedString("reads");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString DIGEST = new SerializedString("digest");
    private static final SerializableString PREVIEW = new SerializedString("preview");

    /**
     * One streaming generator for the whole log, writing UTF-8 straight to the file: building a
     * tree of nodes and a string for every call showed in profiles of runs of many small stages.
     */
    private final JsonGenerator json;
    private long lastFlush = System.nanoTime() - FLUSH_NANOS;

    private FingerprintLog(JsonGenerator json) {
        this.json = json;
    }

    /** Opens the log of the run in {@code runDirectory} for appending. */
    public static FingerprintLog append(Path runDirectory) {
        try {
            OutputStream file = Files.newOutputStream(runDirectory.resolve(FILE_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            JsonGenerator json = JSON.getFactory().createGenerator(file, JsonEncoding.UTF8);
            // One object a line, no separator between root values.
            json.setRootValueSeparator(null);
            return new FingerprintLog(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDirectory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    public synchronized void write(CallRecord call) {
        try {
            encode(call, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
        endLine();
    }

    public synchronized void secretOutputs(StageKey key) {
        try {
            json.writeStartObject();
            json.writeStringField("kind", "secret-outputs");
            json.writeStringField("stage", key.toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
        endLine();
    }

    private void endLine() {
        try {
            json.writeRaw('\n');
            // Flushing every line would add a write to every stage call (thousands of small
            // stages); at most FLUSH_NANOS of decisions are lost in a crash. Resuming does not
            // need them: the fingerprints are on the stage:complete events too.
            long now = System.nanoTime();
            if (now - lastFlush >= FLUSH_NANOS) {
                json.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a run's log holds; empty for a run without one. A damaged last line is ignored. */
    public record Contents(List<CallRecord> calls, Set<StageKey> secretOutputs) {
        public Contents {
            calls = List.copyOf(calls);
            secretOutputs = Set.copyOf(secretOutputs);
        }
    }

    public static Contents read(Path runDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(runDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runDirectory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
        List<CallRecord> calls = new ArrayList<>();
        Set<StageKey> secretOutputs = new LinkedHashSet<>();
        for (String line : lines) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException damaged) {
                continue; // the line a crash cut short
            }
            if (node == null || !node.isObject()) {
                continue;
            }
            switch (node.path("kind").asText()) {
                case "call" -> calls.add(decodeCall(node));
                case "secret-outputs" -> secretOutputs.add(StageKey.parse(node.path("stage").asText()));
                default -> {
                    // A kind from a newer version: nothing this one can use.
                }
            }
        }
        return new Contents(calls, secretOutputs);
    }

    private static void encode(CallRecord call, JsonGenerator json) throws IOException {
        json.writeStartObject();
        field(json, KIND, CALL);
        field(json, STAGE, call.key().toString());
        field(json, FINGERPRINT, call.fingerprint().hex());
        json.writeFieldName(FORMAT);
        json.writeNumber(call.inputs().format());
        field(json, TYPE, call.inputs().stageType());
        field(json, VERSION, call.inputs().typeVersion());
        inputs(json, ARGUMENTS, call.inputs().arguments());
        inputs(json, READS, call.inputs().reads());
        field(json, EXPLANATION, call.explanation());
        if (call.reusedFrom() != null) {
            json.writeObjectFieldStart("reusedFrom");
            json.writeStringField("run", call.reusedFrom().run());
            json.writeStringField("stage", call.reusedFrom().stage().toString());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void inputs(JsonGenerator json, SerializableString field, List<FingerprintInputs.Input> inputs)
            throws IOException {
        json.writeFieldName(field);
        json.writeStartArray();
        for (FingerprintInputs.Input input : inputs) {
            json.writeStartObject();
            field(json, NAME, input.name());
            field(json, DIGEST, input.digest());
            if (input.secret()) {
                json.writeBooleanField("secret", true);
            } else {
                field(json, PREVIEW, input.preview());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static CallRecord decodeCall(JsonNode node) {
        // Lines without a format were written before there was a second one.
        FingerprintInputs inputs = new FingerprintInputs(new Fingerprint(node.path("fingerprint").asText()),
                node.path("format").asInt(1), node.path("type").asText(), node.path("version").asText(""),
                inputs(node.path("arguments")), inputs(node.path("reads")));
        JsonNode from = node.get("reusedFrom");
        CallRecord.Reused reused = from == null || !from.isObject() ? null
                : new CallRecord.Reused(from.path("run").asText(), StageKey.parse(from.path("stage").asText()));
        return new CallRecord(StageKey.parse(node.path("stage").asText()), inputs, node.path("explanation").asText(),
                reused);
    }

    private static List<FingerprintInputs.Input> inputs(JsonNode array) {
        List<FingerprintInputs.Input> inputs = new ArrayList<>();
        for (JsonNode item : array) {
            boolean secret = item.path("secret").asBoolean(false);
            inputs.add(new FingerprintInputs.Input(item.path("name").asText(), item.path("digest").asText(), secret,
                    secret ? null : item.path("preview").asText(null)));
        }
        return inputs;
    }
}
