package dev.pipewright.stages.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.pipewright.spi.StageLogger;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Receives a container's (or an exec's) output frames and reports them line by line as
 * {@code stage:log} events; optionally keeps standard output for a stage output, up to a limit.
 */
final class OutputLines extends ResultCallback.Adapter<Frame> {

    /** Standard output kept for an output value; more than this is cut, with a note. */
    static final int CAPTURE_LIMIT = 1 << 20;

    private final LineSplitter stdout;
    private final LineSplitter stderr;
    private final StringBuilder captured;
    private boolean truncated;
    /** True once the engine has answered the request that opens the stream; false if it ended first. */
    private final CompletableFuture<Boolean> opened = new CompletableFuture<>();

    OutputLines(StageLogger log, boolean capture) {
        this.captured = capture ? new StringBuilder() : null;
        this.stdout = new LineSplitter(line -> {
            log.stdout(line);
            keep(line);
        });
        this.stderr = new LineSplitter(log::stderr);
    }

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        opened.complete(true);
    }

    /** Called on completion, on an error and when the stream is abandoned. */
    @Override
    public void close() throws IOException {
        opened.complete(false);
        super.close();
    }

    /**
     * Waits until the engine has answered the request that opens the stream ({@code true}) or the
     * stream ended before that, failed or abandoned ({@code false}; {@code awaitCompletion} then
     * throws the error, if any).
     */
    boolean awaitOpened() throws InterruptedException {
        try {
            return opened.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("never completed exceptionally", e);
        }
    }

    @Override
    public void onNext(Frame frame) {
        switch (frame.getStreamType()) {
            case STDERR -> stderr.accept(frame.getPayload());
            case STDOUT, RAW -> stdout.accept(frame.getPayload());
            default -> { } // STDIN is never attached
        }
    }

    /** Emits the last lines that had no line break; call once the stream has ended. */
    void flush() {
        stdout.flush();
        stderr.flush();
    }

    /** The standard output kept, lines joined with {@code \n}. */
    String captured() {
        return captured == null ? null : captured.toString();
    }

    boolean truncated() {
        return truncated;
    }

    private void keep(String line) {
        if (captured == null || truncated) {
            return;
        }
        if (captured.length() + line.length() + 1 > CAPTURE_LIMIT) {
            truncated = true;
            return;
        }
        if (captured.length() > 0) {
            captured.append('\n');
        }
        captured.append(line);
    }
}
