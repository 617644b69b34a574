package dev.pipewright.cli.console;

import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent.PipelineCancelled;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
import dev.pipewright.engine.events.RunEvent.PipelineFailed;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.report.HumanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The lines that end a run on the console: the outcome, the optional stages that failed, and for a
 * failure the stage, its error and the last lines of its output.
 */
final class Summary {

    static final int FAILURE_TAIL_LINES = 10;

    private Summary() {
    }

    static List<AttributedString> of(RunBoard board) {
        RunEvent.Final outcome = board.outcome;
        List<AttributedString> lines = new ArrayList<>();
        lines.add(AttributedString.EMPTY);
        for (StageView failed : board.inState(StageView.State.FAILED, StageView.State.TIMED_OUT)) {
            lines.addAll(failure(failed));
        }
        List<StageView> warned = board.inState(StageView.State.WARNED);
        for (StageView stage : warned) {
            lines.add(new AttributedStringBuilder().style(ConsoleStyle.WARNING).append("⚠ ")
                    .style(AttributedStyle.DEFAULT).append(stage.name() + " (optional) failed: " + stage.error)
                    .toAttributedString());
        }
        if (outcome == null) {
            return lines;
        }
        String duration = HumanDuration.format(outcome.duration());
        String tally = tally(board, outcome.metrics(), warned.size());
        AttributedStringBuilder last = new AttributedStringBuilder();
        if (outcome instanceof PipelineCompleted) {
            last.style(ConsoleStyle.OK.bold()).append("✔ " + board.pipeline + " succeeded")
                    .style(AttributedStyle.DEFAULT).append(" in " + duration + tally);
        } else if (outcome instanceof PipelineFailed e) {
            last.style(ConsoleStyle.FAILED).append("✖ " + board.pipeline + " failed")
                    .style(AttributedStyle.DEFAULT).append(" after " + duration
                            + (e.failedStage() == null ? "" : " at stage " + e.failedStage())
                            + ": " + e.error() + tally);
        } else if (outcome instanceof PipelineCancelled e) {
            last.style(ConsoleStyle.WARNING.bold()).append("■ " + board.pipeline + " cancelled")
                    .style(AttributedStyle.DEFAULT).append(" after " + duration + ": " + e.reason() + tally);
        }
        lines.add(last.toAttributedString());
        return lines;
    }

    /** The failed stage, its error and the last lines of its output. */
    static List<AttributedString> failure(StageView stage) {
        List<AttributedString> lines = new ArrayList<>();
        String what = stage.state == StageView.State.TIMED_OUT ? " timed out: " : " failed: ";
        lines.add(new AttributedStringBuilder().style(ConsoleStyle.FAILED).append("✖ " + stage.name())
                .style(AttributedStyle.DEFAULT).append(what + stage.error).toAttributedString());
        List<StageView.OutputLine> tail = stage.tail(FAILURE_TAIL_LINES);
        if (!tail.isEmpty()) {
            lines.add(new AttributedString("  last " + (tail.size() == 1 ? "line" : tail.size() + " lines")
                    + " of its output:", ConsoleStyle.DIM));
            for (StageView.OutputLine line : tail) {
                lines.add(EventLines.output(stage.name(), line.stream(), line.text()));
            }
        }
        return lines;
    }

    private static String tally(RunBoard board, Metrics metrics, int warnings) {
        int skipped = board.inState(StageView.State.SKIPPED).size();
        StringBuilder tally = new StringBuilder(" (")
                .append(metrics.stagesCompleted()).append(" of ").append(metrics.totalStages()).append(" stages succeeded");
        List<StageView> cached = board.inState(StageView.State.CACHED);
        if (!cached.isEmpty()) {
            Duration saved = cached.stream().map(stage -> stage.saved)
                    .reduce(Duration.ZERO, Duration::plus);
            tally.append(", ").append(cached.size()).append(" reused, saving ").append(HumanDuration.format(saved));
        }
        if (skipped > 0) {
            tally.append(", ").append(skipped).append(" skipped");
        }
        if (warnings > 0) {
            tally.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return tally.append(')').toString();
    }
}
