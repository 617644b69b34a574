package dev.pipewright.cli.console;

import dev.pipewright.engine.report.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The part of the tty view that is redrawn in place: the run's progress, every active stage with
 * its duration and progress bar, and the last lines of their output. It never grows taller than
 * the terminal, so redrawing can always move the cursor back to its first line.
 */
final class LiveFrame {

    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final int BAR_WIDTH = 20;
    private static final int MAX_OUTPUT_LINES = 8;

    private LiveFrame() {
    }

    /** The frame for a terminal of {@code rows} × {@code columns}; {@code tick} animates the spinner. */
    static List<AttributedString> render(RunBoard board, Instant now, long tick, int rows, int columns) {
        int budget = Math.max(1, rows - 2);
        List<AttributedString> lines = new ArrayList<>();
        String spinner = String.valueOf(SPINNER.charAt((int) (tick % SPINNER.length())));
        Duration elapsed = board.startedAt == null ? Duration.ZERO : Duration.between(board.startedAt, now);
        long ended = board.stages().stream().filter(stage -> stage.state.ended()).count();
        lines.add(new AttributedStringBuilder()
                .style(ConsoleStyle.RUNNING).append(spinner).append(' ')
                .style(ConsoleStyle.BOLD).append(board.pipeline).style(AttributedStyle.DEFAULT).append("  ")
                .append(bar(board.progress)).append(' ').append(EventLines.percent(board.progress))
                .style(ConsoleStyle.DIM).append("  " + ended + "/" + board.totalStages + " stages  "
                        + HumanDuration.format(elapsed))
                .toAttributedString());

        List<StageView> active = board.active();
        int stageLines = Math.min(active.size(), budget - lines.size());
        boolean overflow = stageLines < active.size();
        if (overflow) {
            stageLines = Math.max(0, stageLines - 1);
        }
        int nameWidth = active.stream().limit(stageLines).mapToInt(stage -> stage.name().length()).max().orElse(0);
        for (StageView stage : active.subList(0, stageLines)) {
            lines.add(stageLine(stage, now, spinner, nameWidth));
        }
        if (overflow) {
            lines.add(new AttributedString("  … and " + (active.size() - stageLines) + " more running", ConsoleStyle.DIM));
        }

        int outputBudget = Math.min(MAX_OUTPUT_LINES, budget - lines.size());
        List<StageView> withOutput = active.stream().filter(stage -> stage.linesLogged > 0).toList();
        if (outputBudget > 0 && !withOutput.isEmpty()) {
            int perStage = Math.max(1, outputBudget / withOutput.size());
            for (StageView stage : withOutput) {
                for (StageView.OutputLine line : stage.tail(Math.min(perStage, outputBudget))) {
                    lines.add(EventLines.output(stage.name(), line.stream(), line.text()));
                    outputBudget--;
                }
                if (outputBudget <= 0) {
                    break;
                }
            }
        }
        int width = Math.max(10, columns - 1);
        return lines.stream().map(line -> line.columnLength() > width ? line.columnSubSequence(0, width) : line).toList();
    }

    private static AttributedString stageLine(StageView stage, Instant now, String spinner, int nameWidth) {
        AttributedStringBuilder line = new AttributedStringBuilder().append("  ");
        String padded = stage.name() + " ".repeat(nameWidth - stage.name().length());
        if (stage.state == StageView.State.WAITING_TO_RETRY) {
            line.style(ConsoleStyle.WARNING).append("↻ ").style(AttributedStyle.DEFAULT).append(padded)
                    .style(ConsoleStyle.DIM).append("  waiting to retry after attempt " + stage.attempt);
            return line.toAttributedString();
        }
        line.style(ConsoleStyle.RUNNING).append(spinner).append(' ').style(AttributedStyle.DEFAULT).append(padded)
                .style(ConsoleStyle.DIM).append(String.format("  %7s", HumanDuration.format(stage.elapsed(now))))
                .style(AttributedStyle.DEFAULT);
        if (stage.attempt > 1) {
            line.append("  attempt " + stage.attempt);
        }
        if (stage.fraction != null) {
            line.append("  ").append(bar(stage.fraction)).append(' ').append(EventLines.percent(stage.fraction));
        }
        if (stage.progressMessage != null && !stage.progressMessage.isEmpty()) {
            line.style(ConsoleStyle.DIM).append("  " + stage.progressMessage);
        }
        return line.toAttributedString();
    }

    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH);
        return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    }
}
