package dev.pipewright.engine.store;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tails a live {@code events.jsonl} like {@code tail -f}: delivers each event once its line is
 * complete, until the run's own final event, or until the log stops growing and the process that
 * wrote it is gone (the run was interrupted).
 */
public final class EventLogFollower {

    /** How following ended. */
    public enum End {
        /** The run's final event was delivered. */
        FINISHED,
        /** The writer died without a final event. */
        INTERRUPTED
    }

    private final Path file;
    private final Duration poll;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long offset;
    private RunEvent.PipelineStarted start;

    public EventLogFollower(Path file, Duration poll) {
        this.file = file;
        this.poll = poll;
    }

    /** Blocks, delivering events in order, until the run ends; interruptible. */
    public End follow(Consumer<RunEvent> sink) throws IOException, InterruptedException {
        while (true) {
            boolean grew = false;
            for (String line = nextLine(); line != null; line = nextLine()) {
                grew = true;
                RunEvent event;
                try {
                    event = EventCodec.decode(line);
                } catch (EventCodec.MalformedEventException e) {
                    continue;
                }
                sink.accept(event);
                if (!event.header().nested()) {
                    if (event instanceof RunEvent.PipelineStarted started) {
                        start = started;
                    } else if (event instanceof RunEvent.Final) {
                        return End.FINISHED;
                    }
                }
            }
            if (!grew && start != null && ProcessLiveness.check(start.pid(), start.host(), start.time())
                    == ProcessLiveness.Verdict.GONE) {
                return End.INTERRUPTED;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The next complete line, or null when the log holds no complete line beyond what was read. */
    private String nextLine() throws IOException {
        while (true) {
            byte[] buffered = partial.toByteArray();
            for (int i = 0; i < buffered.length; i++) {
                if (buffered[i] == '\n') {
                    partial.reset();
                    partial.write(buffered, i + 1, buffered.length - i - 1);
                    return new String(buffered, 0, i, StandardCharsets.UTF_8);
                }
            }
            if (!readMore()) {
                return null;
            }
        }
    }

    private boolean readMore() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] chunk = in.readNBytes(64 * 1024);
            offset += chunk.length;
            partial.write(chunk);
            return chunk.length > 0;
        } catch (NoSuchFileException e) {
            return false;
        } catch (java.io.EOFException e) {
            // The file shrank: it was replaced; nothing sensible to follow.
            return false;
        }
    }
}
