package dev.pipewright.cli.repl;

import dev.pipewright.engine.state.RunState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The line at the bottom of the terminal that shows the runs still going and their progress,
 * refreshed twice a second while any runs; empty (and gone) when none does.
 *
 * <p>The line is drawn only through the line reader, as one of its widgets: {@link
 * LineReader#callWidget} runs it under the reader's lock, the lock under which the reader redraws
 * the prompt, the line being typed and this status line itself. Drawn from the timer's thread
 * directly, its escape sequences (save the cursor, go to the bottom row, write, restore) could
 * interleave with the reader's, and a typed character could land on the status row.
 */
final class StatusLine implements AutoCloseable {

    static final Duration REFRESH = Duration.ofMillis(500);
    private static final String WIDGET = "pipewright-status-line";

    private final LineReader reader;
    private final Status status;
    private final BackgroundRuns runs;
    private final Duration refresh;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pipewright-repl-status");
        thread.setDaemon(true);
        return thread;
    });
    // Both only used on the timer's thread (the widget runs on the thread that calls it), then by
    // close() once the timer has stopped.
    private AttributedString wanted = AttributedString.EMPTY;
    private AttributedString shown = AttributedString.EMPTY;

    StatusLine(LineReader reader, BackgroundRuns runs, Duration refresh) {
        this.reader = reader;
        // Null on terminals that cannot keep a line apart (dumb terminals): then there is none.
        this.status = Status.getStatus(reader.getTerminal(), true);
        this.runs = runs;
        this.refresh = refresh;
        reader.getWidgets().put(WIDGET, this::draw);
    }

    void start() {
        timer.scheduleWithFixedDelay(this::refresh, 0, refresh.toNanos(), TimeUnit.NANOSECONDS);
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

    private void refresh() {
        if (status == null) {
            return;
        }
        List<RunState> running = runs.running().stream().map(run -> run.live().snapshot())
                .filter(state -> state != null && !state.state().ended()).toList();
        wanted = describe(running);
        if (wanted.equals(shown) || !reader.isReading()) {
            // Between two prompts the REPL prints an answer, outside the reader's lock: the line
            // waits for the next prompt rather than cut into that output.
            return;
        }
        try {
            reader.callWidget(WIDGET);
        } catch (IllegalStateException notReadingAnyMore) {
            // The line was entered since isReading(): the next refresh draws it.
        }
    }

    /** The widget: runs under the reader's lock, while it reads a line. */
    private boolean draw() {
        shown = wanted;
        try {
            show(shown);
            // The reader fits its display to the status line's new height at once, not at the next key.
            reader.callWidget(LineReader.REDISPLAY);
        } catch (RuntimeException e) {
            // A terminal that went away mid-update: the REPL is ending anyway.
        }
        return true;
    }

    private void show(AttributedString line) {
        if (line.length() == 0) {
            // Blank the line before giving its row back, or its last text stays on screen.
            status.update(List.of(AttributedString.EMPTY));
            status.update(List.of());
        } else {
            status.update(List.of(line));
        }
    }

    /** Stops the refreshes and takes the line away; called once the reader has stopped reading. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status != null) {
            show(AttributedString.EMPTY);
            status.close();
        }
    }
}
