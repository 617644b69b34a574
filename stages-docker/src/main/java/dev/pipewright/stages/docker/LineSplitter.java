package dev.pipewright.stages.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream that arrives in arbitrary chunks (Docker frames) into lines. Works on bytes
 * so a UTF-8 character split across two frames is decoded whole. Not thread-safe: one per stream.
 */
final class LineSplitter {

    private final Consumer<String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineSplitter(Consumer<String> sink) {
        this.sink = sink;
    }

    void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                emit();
            } else {
                pending.write(b);
            }
        }
    }

    /** Emits a last line that had no line break. */
    void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
