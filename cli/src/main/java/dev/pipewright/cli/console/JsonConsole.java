package dev.pipewright.cli.console;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.PrintWriter;

/**
 * The events themselves, one JSON object a line, exactly as {@code events.jsonl} holds them: for
 * tools that read the run as it happens ({@code pipewright run --output json | jq ...}).
 */
public final class JsonConsole implements RunListener {

    private final PrintWriter out;

    public JsonConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(RunEvent event) {
        EventCodec.write(event, out);
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
