package dev.pipewright.cli.console;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.PrintWriter;
import org.jline.utils.AttributedString;

/**
 * One line per event, never redrawn: what CI logs and pipes get. Lines about stages are flushed
 * at the end of the batch of events they came in (at once: a batch is what was published while
 * the previous one was delivered), one write for the batch instead of one per line; lines of
 * their output in batches, at most 100 ms late (see {@link Flusher}).
 */
public final class PlainConsole implements RunListener {

    private final PrintWriter out;
    private final ConsoleStyle style;
    private final RunBoard board = new RunBoard();
    private final Flusher flusher;
    /** Whether a line about a stage waits for {@link #endOfBatch}. */
    private boolean stageLinesPending;

    public PlainConsole(PrintWriter out, ConsoleStyle style) {
        this.out = out;
        this.style = style;
        this.flusher = Flusher.every100ms(out);
    }

    @Override
    public void onEvent(RunEvent event) {
        board.apply(event);
        if (event instanceof RunEvent.StageLogged e && !style.usesColour()) {
            // The common case by far, written without building a styled line first.
            out.print(EventLines.OUTPUT_INDENT);
            out.print(RunBoard.displayName(e));
            out.print("stderr".equals(e.stream()) ? " ! " : " │ ");
            out.println(EventLines.harmless(e.line()));
            return;
        }
        for (AttributedString line : EventLines.describe(event, board)) {
            out.println(style.render(line));
        }
        if (event instanceof RunEvent.Final && !event.header().nested()) {
            for (AttributedString line : Summary.of(board)) {
                out.println(style.render(line));
            }
        }
        if (!(event instanceof RunEvent.StageLogged)) {
            stageLinesPending = true;
        }
    }

    @Override
    public void endOfBatch() {
        if (stageLinesPending) {
            out.flush();
            stageLinesPending = false;
        }
    }

    @Override
    public void close() {
        flusher.close();
        out.flush();
    }
}
