package dev.pipewright.cli.console;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.PrintWriter;
import org.jline.utils.AttributedString;

/**
 * One line per event, never redrawn: what CI logs and pipes get. Each line is flushed as it is
 * written, so a log viewer sees a stage's output while it runs.
 */
public final class PlainConsole implements RunListener {

    private final PrintWriter out;
    private final ConsoleStyle style;
    private final RunBoard board = new RunBoard();

    public PlainConsole(PrintWriter out, ConsoleStyle style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void onEvent(RunEvent event) {
        board.apply(event);
        for (AttributedString line : EventLines.describe(event, board)) {
            out.println(style.render(line));
        }
        if (event instanceof RunEvent.Final && !event.header().nested()) {
            for (AttributedString line : Summary.of(board)) {
                out.println(style.render(line));
            }
        }
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
