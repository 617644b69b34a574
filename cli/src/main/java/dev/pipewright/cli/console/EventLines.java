package dev.pipewright.cli.console;

import dev.pipewright.engine.events.RunEvent.PipelineStarted;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.events.RunEvent.StageLogged;
import dev.pipewright.engine.events.RunEvent.StageProgressed;
import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageSkipped;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.events.RunEvent.StageWarned;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.report.HumanDuration;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The one-line description of each event, in the seed's shape: {@code [ 42%] ✔ build-base (3.2s)}.
 * The plain console prints one for every event; the tty console prints the lines of stages that
 * ended above its live view.
 */
final class EventLines {

    /** Output lines are indented to start under the stage name of the lines around them. */
    static final String OUTPUT_INDENT = "        ";

    private static final int MAX_ERROR_LENGTH = 240;

    private EventLines() {
    }

    /** The line for {@code event} after it was applied to {@code board}; empty for the final events. */
    static List<AttributedString> describe(RunEvent event, RunBoard board) {
        if (event instanceof PipelineStarted e) {
            if (e.header().nested()) {
                return List.of(line(board, ConsoleStyle.DIM, "↳", e.header().parent() + ": pipeline " + e.pipeline()));
            }
            return List.of(new AttributedStringBuilder()
                    .style(ConsoleStyle.BOLD).append("▶ ").append(e.pipeline())
                    .style(AttributedStyle.DEFAULT)
                    .append(": " + e.totalStages() + (e.totalStages() == 1 ? " stage" : " stages"))
                    .style(ConsoleStyle.DIM).append(" (run " + e.run() + ")")
                    .toAttributedString());
        }
        if (!(event instanceof RunEvent.StageEvent stageEvent)) {
            return List.of();
        }
        String name = RunBoard.displayName(stageEvent);
        if (event instanceof StageStarted e) {
            String attempt = e.attempt() > 1 ? " (attempt " + e.attempt() + ")" : "";
            return List.of(line(board, ConsoleStyle.RUNNING, "▸", name + attempt));
        }
        if (event instanceof StageProgressed e) {
            String fraction = e.fraction() == null ? "" : percent(e.fraction()) + " ";
            String message = e.message() == null ? "" : e.message();
            return List.of(line(board, ConsoleStyle.DIM, "…", name + " " + fraction + message));
        }
        if (event instanceof StageLogged e) {
            return List.of(output(name, e.stream(), e.line()));
        }
        if (event instanceof StageRetrying e) {
            return List.of(line(board, ConsoleStyle.WARNING, "↻", name + " attempt " + e.attempt() + " failed: "
                    + oneLine(e.error()) + "; retrying in " + HumanDuration.format(e.delay())));
        }
        if (event instanceof StageSkipped e) {
            return List.of(line(board, ConsoleStyle.DIM, "⤼", name + " skipped: " + e.reason()));
        }
        if (event instanceof StageCompleted e) {
            return List.of(line(board, ConsoleStyle.OK, "✔", name + " (" + HumanDuration.format(e.duration()) + ")"));
        }
        if (event instanceof RunEvent.StageCached e) {
            String from = e.fromStage().equals(e.stage()) ? "run " + e.fromRun() : e.fromStage() + " of run " + e.fromRun();
            return List.of(line(board, ConsoleStyle.CACHED, "↺", name + " reused from " + from + " (saved "
                    + HumanDuration.format(e.saved()) + ")"));
        }
        if (event instanceof StageWarned e) {
            return List.of(line(board, ConsoleStyle.WARNING, "⚠", name + " failed, optional, the run goes on: "
                    + oneLine(e.error())));
        }
        if (event instanceof StageFailed e) {
            String how = e.timedOut() ? " timed out after " : e.cancelled() ? " cancelled after " : " failed after ";
            return List.of(line(board, ConsoleStyle.FAILED, "✖", name + how + HumanDuration.format(e.duration())
                    + ": " + oneLine(e.error())));
        }
        return List.of();
    }

    /**
     * An error on one line: a message that quotes a multi-line script would otherwise break the
     * one-line-per-event shape. The summary shows errors whole.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s*\\R\\s*", " ⏎ ");
        return flat.length() <= MAX_ERROR_LENGTH ? flat : flat.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    static AttributedString output(String stage, String stream, String text) {
        return new AttributedStringBuilder().append(OUTPUT_INDENT)
                .style(ConsoleStyle.DIM).append(stage).append("stderr".equals(stream) ? " ! " : " │ ")
                .style(AttributedStyle.DEFAULT).append(harmless(text))
                .toAttributedString();
    }

    /** Control characters from a stage's output would move the cursor: show them, never obey them. */
    static String harmless(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                StringBuilder clean = new StringBuilder(text);
                for (int j = i; j < clean.length(); j++) {
                    if (Character.isISOControl(clean.charAt(j)) && clean.charAt(j) != '\t') {
                        clean.setCharAt(j, '?');
                    }
                }
                return clean.toString();
            }
        }
        return text;
    }

    static AttributedString line(RunBoard board, AttributedStyle style, String symbol, String text) {
        return new AttributedStringBuilder()
                .style(ConsoleStyle.DIM).append(progressPrefix(board.progress)).append(' ')
                .style(style).append(symbol)
                .style(AttributedStyle.DEFAULT).append(' ').append(text)
                .toAttributedString();
    }

    /**
     * {@code [ 42%]}: the percentage right-aligned in three columns, as {@code %3d} writes it, by
     * hand: {@code String.format} here was over a quarter of the event thread in runs of many
     * small stages (every line of the plain console starts with it).
     */
    static String progressPrefix(double progress) {
        String percent = Long.toString(Math.round(progress * 100));
        return "[" + "   ".substring(Math.min(3, percent.length())) + percent + "%]";
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
