package dev.pipewright.engine.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .pipewright/runs/index.jsonl}: a summary line per ended run, so listing thousands of runs
 * reads one file instead of thousands of logs. Only ended runs are indexed: their logs never
 * change again, so an entry stays true for as long as its run directory exists. The index is only
 * ever replaced whole (a temporary file moved over it), so readers never see it half-written; it
 * is a cache, rebuilt from the logs when it is missing, unreadable or of another version.
 */
final class RunIndex {

    static final String FILE_NAME = "index.jsonl";
    private static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private RunIndex() {
    }

    /** Each entry starts with its id, so a listing decodes only the entries it shows. */
    private static final String ID_PREFIX = "{\"id\":\"";
    private static final int ID_LENGTH = 24;

    /**
     * The raw entries by run id, in file order; empty when there is no usable index. Entries are
     * decoded with {@link #decode} only when needed: a listing of the last 20 of 10,000 runs
     * decodes 20.
     */
    static Optional<Map<String, String>> read(Path runsRoot) {
        Path file = runsRoot.resolve(FILE_NAME);
        Map<String, String> entries = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || MAPPER.readTree(header).path("index").asInt() != VERSION) {
                return Optional.empty();
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith(ID_PREFIX) || !line.endsWith("}")
                        || line.length() < ID_PREFIX.length() + ID_LENGTH + 1) {
                    return Optional.empty();
                }
                entries.put(line.substring(ID_PREFIX.length(), ID_PREFIX.length() + ID_LENGTH), line);
            }
            return Optional.of(entries);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Unreadable (another version, a disk error): it is only a cache, so rebuild it.
            return Optional.empty();
        }
    }

    /** Replaces the index with these entries (lines from {@link #read} or {@link #encode}), atomically. */
    static void write(Path runsRoot, Collection<String> entries) throws IOException {
        Path temporary = Files.createTempFile(runsRoot, ".index-", ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write("{\"index\":" + VERSION + "}\n");
                for (String entry : entries) {
                    writer.write(entry);
                    writer.write('\n');
                }
            }
            try {
                Files.move(temporary, runsRoot.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, runsRoot.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** One entry, on one line, starting with its id. */
    static String encode(RunState run) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            encode(run, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** An entry back as a summary; an entry that does not parse throws. */
    static RunState decode(String entry) {
        try {
            return decode(MAPPER.readTree(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void encode(RunState run, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", run.id());
        json.writeStringField("pipeline", run.pipeline());
        json.writeStringField("state", run.state().label());
        json.writeNumberField("progress", run.progress());
        writeString(json, "started", run.started() == null ? null : run.started().toString());
        writeString(json, "finished", run.finished() == null ? null : run.finished().toString());
        if (run.duration() != null) {
            json.writeNumberField("duration", run.duration().toMillis());
        }
        writeString(json, "error", run.error());
        writeString(json, "failedStage", run.failedStage());
        json.writeNumberField("totalStages", run.totalStages());
        json.writeNumberField("pid", run.pid());
        writeString(json, "host", run.host());
        json.writeEndObject();
    }

    private static void writeString(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static RunState decode(JsonNode node) {
        return new RunState(
                node.get("id").textValue(),
                node.get("pipeline").textValue(),
                RunStatus.parse(node.get("state").textValue()).orElseThrow(),
                node.path("progress").asDouble(),
                null,
                instant(node, "started"),
                instant(node, "finished"),
                node.has("duration") ? Duration.ofMillis(node.get("duration").asLong()) : null,
                Map.of(),
                text(node, "error"),
                text(node, "failedStage"),
                node.path("totalStages").asInt(),
                node.path("pid").asLong(-1),
                text(node, "host"),
                List.of());
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        return text == null ? null : Instant.parse(text);
    }
}
