package dev.pipewright.stages.docker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the classic builder's {@code Step 3/7 : RUN make} lines as progress: steps begun over all steps. */
final class BuildProgress {

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");

    /** The progress a step line means. */
    record Step(int number, int total, String instruction) {
        /** The share done when this step begins: the steps before it. */
        double fraction() {
            return total == 0 ? 0 : (double) (number - 1) / total;
        }

        String message() {
            return "Step " + number + "/" + total + ": " + instruction;
        }
    }

    private BuildProgress() {
    }

    /** The step {@code line} begins, or null when it is not a step line. */
    static Step step(String line) {
        Matcher m = STEP.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new Step(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip());
    }
}
