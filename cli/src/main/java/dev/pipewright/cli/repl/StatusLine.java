package dev.pipewright.cli.repl;

import dev.pipewright.engine.state.RunState;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The line at the bottom of the terminal that shows the runs still going and their progress,
 * refreshed twice a second while any runs; empty (and gone) when none does.
 */
final class StatusLine implements AutoCloseable {

    private final Status status;
    private final BackgroundRuns runs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pipewright-repl-status");
        thread.setDaemon(true);
        return thread;
    });
    private String shown = "";

    StatusLine(Terminal terminal, BackgroundRuns runs) {
        // Null on terminals that cannot keep a line apart (dumb terminals): then there is none.
        this.status = Status.getStatus(terminal, true);
        this.runs = runs;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::refresh, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** What the line says now: {@code ● 2 running  hello 42% count  ·  slow 10% tick}. */
    static AttributedString describe(List<RunState> running) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        if (running.isEmpty()) {
            return line.toAttributedString();
        }
        line.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "● ")
                .append(running.size() + " running");
        for (RunState run : running) {
            line.append("  ").styled(AttributedStyle.BOLD, run.pipeline())
                    .append(" " + run.id().substring(run.id().length() - 4))
                    .append(" " + Math.round(run.progress() * 100) + "%");
            if (run.currentStage() != null) {
                line.append(" " + run.currentStage());
            }
        }
        return line.toAttributedString();
    }

    private synchronized void refresh() {
        if (status == null) {
            return;
        }
        List<RunState> running = runs.running().stream().map(run -> run.live().snapshot())
                .filter(state -> state != null && !state.state().ended()).toList();
        AttributedString line = describe(running);
        if (line.toString().equals(shown)) {
            return;
        }
        shown = line.toString();
        try {
            if (running.isEmpty()) {
                // Blank the line before giving its row back, or its last text stays on screen.
                status.update(List.of(AttributedString.EMPTY));
                status.update(List.of());
            } else {
                status.update(List.of(line));
            }
        } catch (RuntimeException e) {
            // A terminal that went away mid-update: the REPL is ending anyway.
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (status != null) {
            status.update(List.of(AttributedString.EMPTY));
            status.update(List.of());
            status.close();
        }
    }
}
