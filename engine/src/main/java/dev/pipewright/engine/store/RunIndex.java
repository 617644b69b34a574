package dev.pipewright.engine.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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
    /** The first line, with the format's version: another version is rebuilt, not read. */
    private static final String HEADER = "{\"index\":1}";
    private static final JsonFactory JSON = new JsonFactory();

    private RunIndex() {
    }

    /** Each entry starts with its id, so a listing decodes only the entries it shows. */
    private static final String ID_PREFIX = "{\"id\":\"";
    private static final int ID_LENGTH = 24;

    /**
     * The raw entries by run id, in file order; empty when there is no usable index. Entries are
     * decoded with {@link #decode} only when needed: a listing of the last 20 of 10,000 runs
     * decodes 20. The file is read whole and cut at line ends, without a JSON parser: this is
     * what every {@code runs} and query process pays before it shows anything. Entries are newest
     * first, as {@link RunStore} writes them; an index out of that order is not used.
     */
    static Optional<Map<String, String>> read(Path runsRoot) {
        String text;
        try {
            text = Files.readString(runsRoot.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Missing or unreadable (a disk error, bad UTF-8): it is only a cache, so rebuild it.
            return Optional.empty();
        }
        int end = text.indexOf('\n');
        if (end < 0 || !text.substring(0, end).equals(HEADER)) {
            return Optional.empty();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        String previous = null;
        for (int start = end + 1; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (!text.startsWith(ID_PREFIX, start) || text.charAt(end - 1) != '}'
                    || end - start < ID_PREFIX.length() + ID_LENGTH + 1) {
                return Optional.empty();
            }
            int idStart = start + ID_PREFIX.length();
            String id = text.substring(idStart, idStart + ID_LENGTH);
            if (previous != null && id.compareTo(previous) >= 0) {
                return Optional.empty();
            }
            entries.put(id, text.substring(start, end));
            previous = id;
        }
        return Optional.of(entries);
    }

    /**
     * Replaces the index with these entries (lines from {@link #read} or {@link #encode}, newest
     * first), atomically.
     */
    static void write(Path runsRoot, Collection<String> entries) throws IOException {
        Path temporary = Files.createTempFile(runsRoot, ".index-", ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write(HEADER + "\n");
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

    /**
     * An entry back as a summary; an entry that does not parse throws. Read with the streaming
     * parser: a cold process that only lists runs need not build an {@code ObjectMapper}.
     */
    static RunState decode(String entry) {
        try (JsonParser json = JSON.createParser(entry)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an index entry is not a JSON object: " + entry);
            }
            Map<String, Object> fields = new HashMap<>();
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                if (value.isScalarValue()) {
                    fields.put(name, value.isNumeric() ? json.getNumberValue() : json.getValueAsString());
                } else {
                    json.skipChildren();
                }
            }
            return summary(fields);
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

    private static RunState summary(Map<String, Object> fields) {
        return new RunState(
                required(fields, "id"),
                required(fields, "pipeline"),
                RunStatus.parse(required(fields, "state")).orElseThrow(),
                number(fields, "progress", 0).doubleValue(),
                null,
                instant(fields, "started"),
                instant(fields, "finished"),
                fields.containsKey("duration") ? Duration.ofMillis(number(fields, "duration", 0).longValue()) : null,
                Map.of(),
                (String) fields.get("error"),
                (String) fields.get("failedStage"),
                number(fields, "totalStages", 0).intValue(),
                number(fields, "pid", -1).longValue(),
                (String) fields.get("host"),
                List.of());
    }

    private static String required(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("an index entry has no " + name + ": " + fields);
    }

    private static Number number(Map<String, Object> fields, String name, int otherwise) {
        return fields.get(name) instanceof Number number ? number : otherwise;
    }

    private static Instant instant(Map<String, Object> fields, String name) {
        String text = (String) fields.get(name);
        return text == null ? null : Instant.parse(text);
    }
}
