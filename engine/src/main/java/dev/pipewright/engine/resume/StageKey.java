package dev.pipewright.engine.resume;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stage call of a run: a stage, or one element of a {@code for-each} stage.
 *
 * @param stage the stage's name in the pipeline
 * @param element the {@code for-each} element's index, or {@link #WHOLE} for a stage without {@code for-each}
 */
public record StageKey(String stage, int element) {

    public static final int WHOLE = -1;

    private static final Pattern ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");

    public StageKey {
        Objects.requireNonNull(stage, "stage is null");
        if (element < WHOLE) {
            throw new IllegalArgumentException("element index " + element + " of stage " + stage);
        }
    }

    public static StageKey of(String stage) {
        return new StageKey(stage, WHOLE);
    }

    /** Reads the name events and {@code StageContext.stageName()} use: {@code build} or {@code clone[2]}. */
    public static StageKey parse(String name) {
        if (!name.endsWith("]")) {
            return of(name); // most calls: no regular expression for them
        }
        Matcher m = ELEMENT.matcher(name);
        return m.matches() ? new StageKey(m.group(1), Integer.parseInt(m.group(2))) : of(name);
    }

    public boolean isElement() {
        return element != WHOLE;
    }

    @Override
    public String toString() {
        return isElement() ? stage + "[" + element + "]" : stage;
    }
}
