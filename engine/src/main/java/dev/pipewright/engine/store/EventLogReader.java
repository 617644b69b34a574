package dev.pipewright.engine.store;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a run's {@code events.jsonl}. The writer appends a line per event and may die mid-line
 * (SIGKILL, a full disk), so a last line without its line break that does not parse is ignored:
 * it is the torn tail of an event that was never delivered. A malformed line elsewhere is skipped
 * and counted, so one bad line does not hide the rest of a run.
 */
public final class EventLogReader {

    private EventLogReader() {
    }

    /** What a read found. */
    public record Result(List<RunEvent> events, int malformedLines, boolean tornTail) {
    }

    public static Result read(Path eventsFile) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        Result counts = read(eventsFile, events::add);
        return new Result(events, counts.malformedLines(), counts.tornTail());
    }

    /** Streams the log's events to {@code sink}, in order; the result's list is empty. */
    public static Result read(Path eventsFile, Consumer<RunEvent> sink) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(eventsFile);
        } catch (NoSuchFileException e) {
            return new Result(List.of(), 0, false);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int malformed = 0;
        boolean torn = false;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            boolean complete = end >= 0;
            String line = complete ? text.substring(start, end) : text.substring(start);
            start = complete ? end + 1 : text.length();
            if (line.isBlank()) {
                continue;
            }
            try {
                sink.accept(EventCodec.decode(line));
            } catch (EventCodec.MalformedEventException e) {
                if (complete) {
                    malformed++;
                } else {
                    torn = true;
                }
            }
        }
        return new Result(List.of(), malformed, torn);
    }
}
