package dev.pipewright.cli.console;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.PrintWriter;

/**
 * The events themselves, one JSON object a line, exactly as {@code events.jsonl} holds them: for
 * tools that read the run as it happens ({@code pipewright run --output json | jq ...}). Lines of a
 * stage's output are written in batches, at most 100 ms late.
 */
public final class JsonConsole implements RunListener {

    private final PrintWriter out;
    private final Flusher flusher;

    public JsonConsole(PrintWriter out) {
        this.out = out;
        this.flusher = Flusher.every100ms(out);
    }

    @Override
    public void onEvent(RunEvent event) {
        EventCodec.write(event, out);
        out.write('\n');
        // Output lines are flushed in batches (see Flusher); every other event at once.
        if (!(event instanceof RunEvent.StageLogged)) {
            out.flush();
        }
    }

    @Override
    public void close() {
        flusher.close();
        out.flush();
    }
}
