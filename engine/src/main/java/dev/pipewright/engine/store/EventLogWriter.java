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
 * Appends each event to {@code events.jsonl} as one line. Lines reach the operating system at the
 * end of each batch the run's event channel delivers (one {@code write} for a whole batch instead
 * of one per event, which is what lets the log keep up with a stage printing thousands of lines a
 * second), and before any other listener sees an event of that batch. A crash (even SIGKILL)
 * loses at most the batch being written; what reached the file is whole lines, but for a last
 * line cut short, which readers ignore. It does not fsync: surviving a power cut is not worth a
 * disk sync per batch.
 */
public final class EventLogWriter implements RunListener {

    private final Path file;
    private final EventCodec.LineWriter out;

    public EventLogWriter(Path file) {
        this.file = file;
        try {
            // Unbuffered file stream: the generator's buffer is the only one, written on flush.
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
            throw failed("write", e);
        }
    }

    @Override
    public void endOfBatch() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed("write", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw failed("close", e);
        }
    }

    private UncheckedIOException failed(String doing, IOException e) {
        return new UncheckedIOException("cannot " + doing + " the event log " + file + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "event log " + file;
    }
}
