package dev.pipewright.cli.console;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Flushes a console's output a few times a second, so lines of a stage's output are written in
 * batches: one system call per batch instead of one per line, which would cost as much as the
 * event log itself when a stage prints 100,000 lines. Lines that matter (a stage started or ended)
 * are flushed at once by the console; output lines wait at most {@link #PERIOD_MILLIS}.
 */
final class Flusher implements AutoCloseable {

    static final long PERIOD_MILLIS = 100;

    private final ScheduledExecutorService thread;

    private Flusher(PrintWriter out) {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread flusher = new Thread(runnable, "pipewright-console-flush");
            flusher.setDaemon(true);
            return flusher;
        });
        // PrintWriter locks around each call, so flushing here and writing on the event thread is safe.
        thread.scheduleAtFixedRate(out::flush, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    static Flusher every100ms(PrintWriter out) {
        return new Flusher(out);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
