package dev.pipewright.cli.console;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.PrintWriter;

/**
 * The events themselves, one JSON object a line, exactly as {@code events.jsonl} holds them: for
 * tools that read the run as it happens ({@code pipewright run --output json | jq ...}). Lines of a
 * stage's output are written in batches, at most 100 ms late; every other event at the end of
 * the batch it came in (at once), one write for the batch.
 */
public final class JsonConsole implements RunListener {

    private final PrintWriter out;
    private final Flusher flusher;
    /** Whether an event other than a line of output waits for {@link #endOfBatch}. */
    private boolean eventsPending;

    public JsonConsole(PrintWriter out) {
        this.out = out;
        this.flusher = Flusher.every100ms(out);
    }

    @Override
    public void onEvent(RunEvent event) {
        EventCodec.write(event, out);
        out.write('\n');
        // Output lines are flushed in batches (see Flusher); every other event with its batch.
        if (!(event instanceof RunEvent.StageLogged)) {
            eventsPending = true;
        }
    }

    @Override
    public void endOfBatch() {
        if (eventsPending) {
            out.flush();
            eventsPending = false;
        }
    }

    @Override
    public void close() {
        flusher.close();
        out.flush();
    }
}
