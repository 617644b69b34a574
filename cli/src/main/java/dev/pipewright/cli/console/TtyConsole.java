package dev.pipewright.cli.console;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/**
 * The live view for a terminal. Stages that ended are printed once, above; below them a
 * {@link LiveFrame} of the active stages is redrawn in place (cursor up, clear to the end of the
 * screen, write) at most {@link #FRAMES_PER_SECOND} times a second, by a thread of its own. Events
 * only update the board under a lock, so a stage that prints 100,000 lines costs 100,000 cheap
 * updates and a handful of redraws, never 100,000 terminal writes.
 */
public final class TtyConsole implements RunListener {

    static final int FRAMES_PER_SECOND = 15;

    private final Terminal terminal;
    private final PrintWriter out;
    private final ConsoleStyle style;
    private final Object lock = new Object();
    private final RunBoard board = new RunBoard();
    private final List<AttributedString> pending = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private int liveHeight;
    private long tick;
    private boolean finished;

    public TtyConsole(Terminal terminal, ConsoleStyle style) {
        this(terminal, style, true);
    }

    /** With {@code animate} false, frames are drawn only by {@link #redraw()}: for tests. */
    TtyConsole(Terminal terminal, ConsoleStyle style, boolean animate) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.style = style;
        if (animate) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "pipewright-console");
                thread.setDaemon(true);
                return thread;
            });
            long period = 1000 / FRAMES_PER_SECOND;
            ticker.scheduleAtFixedRate(this::redraw, period, period, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    @Override
    public void onEvent(RunEvent event) {
        synchronized (lock) {
            board.apply(event);
            if (ends(event)) {
                pending.addAll(EventLines.describe(event, board));
            }
            if (event instanceof RunEvent.Final && !event.header().nested()) {
                finish();
            }
        }
    }

    /** Events that leave a permanent line above the live view. */
    private static boolean ends(RunEvent event) {
        return event instanceof RunEvent.PipelineStarted
                || event instanceof RunEvent.StageCompleted
                || event instanceof RunEvent.StageCached
                || event instanceof RunEvent.StageSkipped
                || event instanceof RunEvent.StageWarned
                || event instanceof RunEvent.StageFailed
                || event instanceof RunEvent.StageRetrying;
    }

    /** Draws one frame now: the lines waiting to be printed, then the live view in place of the last one. */
    void redraw() {
        synchronized (lock) {
            if (finished || board.startedAt == null) {
                return;
            }
            Size size = terminal.getSize();
            int rows = size.getRows() > 0 ? size.getRows() : 24;
            int columns = size.getColumns() > 0 ? size.getColumns() : 80;
            draw(LiveFrame.render(board, Instant.now(), tick++, rows, columns));
        }
    }

    private void draw(List<AttributedString> frame) {
        StringBuilder text = new StringBuilder();
        if (liveHeight > 0) {
            text.append('\r').append("\033[").append(liveHeight).append('A');
        }
        text.append("\033[J");
        for (AttributedString line : pending) {
            text.append(style.render(line)).append('\n');
        }
        pending.clear();
        for (AttributedString line : frame) {
            text.append(style.render(line)).append('\n');
        }
        liveHeight = frame.size();
        out.print(text);
        out.flush();
    }

    /** Replaces the live view with the summary; nothing is drawn after it. */
    private void finish() {
        if (finished) {
            return;
        }
        pending.addAll(Summary.of(board));
        draw(List.of());
        finished = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!finished) {
                // The run ended without a final event (the process is being stopped): leave the screen tidy.
                draw(List.of());
                finished = true;
            }
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        out.flush();
    }
}
