package dev.pipewright.engine.resume;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Replaces, in the strings a fingerprint is made of, what names the current run by what it
 * means: the run's work directory becomes {@code ${run.dir}} and its id {@code ${run.id}}. A
 * stage that clones into {@code "${run.dir}/src"} thus has the same fingerprint in every run,
 * although each run has its own directory.
 *
 * @param runDirectory the run's work directory as its arguments spell it; null for none
 * @param runId the run's id; null for none
 */
public record RunPlaceholders(String runDirectory, String runId) implements UnaryOperator<String> {

    /** Replaces nothing. */
    public static final RunPlaceholders NONE = new RunPlaceholders(null, null);

    public static RunPlaceholders of(Path runDirectory, String runId) {
        Objects.requireNonNull(runDirectory, "runDirectory is null");
        Objects.requireNonNull(runId, "runId is null");
        return new RunPlaceholders(runDirectory.toString(), runId);
    }

    @Override
    public String apply(String text) {
        String result = text;
        // The directory first: it holds the id, and must become one placeholder, not two.
        if (runDirectory != null && !runDirectory.isEmpty() && result.contains(runDirectory)) {
            result = result.replace(runDirectory, "${run.dir}");
        }
        if (runId != null && !runId.isEmpty() && result.contains(runId)) {
            result = result.replace(runId, "${run.id}");
        }
        return result;
    }

    /** The reverse, for outputs reused from another run: its placeholders spelt for this run. */
    public String expand(String text) {
        String result = text;
        if (runDirectory != null && result.contains("${run.dir}")) {
            result = result.replace("${run.dir}", runDirectory);
        }
        if (runId != null && result.contains("${run.id}")) {
            result = result.replace("${run.id}", runId);
        }
        return result;
    }
}
