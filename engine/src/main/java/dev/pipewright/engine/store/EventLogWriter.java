package dev.pipewright.engine.store;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each event to {@code events.jsonl} as one line and flushes it to the operating system
 * before the next event is delivered, so a crash (even SIGKILL) loses at most the line being
 * written. It does not fsync: surviving a power cut is not worth a disk sync per event.
 */
public final class EventLogWriter implements RunListener {

    private final Path file;
    private final EventCodec.LineWriter out;

    public EventLogWriter(Path file) {
        this.file = file;
        try {
            // Unbuffered file stream: the generator buffers one line and flushes it in one write.
            this.out = EventCodec.lineWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEvent(RunEvent event) {
        try {
            out.write(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "event log " + file;
    }
}
