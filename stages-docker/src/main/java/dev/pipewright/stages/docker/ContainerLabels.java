package dev.pipewright.stages.docker;

import dev.pipewright.spi.StageContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every container a run creates carries, so that nothing a run started can outlive
 * it unnoticed: run-end cleanup and {@code pipewright gc} find containers by them.
 */
public final class ContainerLabels {

    /** The id of the run that created the container. */
    public static final String RUN = "pipewright.run";
    /** The stage (with its {@code for-each} index) that created it. */
    public static final String STAGE = "pipewright.stage";
    /** The pipeline the run belongs to; for people reading {@code docker ps}. */
    public static final String PIPELINE = "pipewright.pipeline";
    /** {@code true} on containers started with {@code keep = true}, {@code false} on the others. */
    public static final String KEEP = "pipewright.keep";
    /**
     * {@code true} on the snapshots {@code docker.exec} takes, {@code false} on every container:
     * a container started from a snapshot would otherwise inherit {@code true}, and so would an
     * image committed from it, which {@code pipewright gc} would then take for a snapshot.
     */
    public static final String SNAPSHOT = "pipewright.snapshot";

    private ContainerLabels() {
    }

    /** The labels for a container the attempt in {@code context} creates. */
    public static Map<String, String> forStage(StageContext context, boolean keep) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RUN, context.runId());
        labels.put(STAGE, context.stageName());
        labels.put(PIPELINE, context.pipelineName());
        // Always written: an image made by docker.commit carries its container's labels, and a
        // container inherits its image's, so an unset label could read as a kept source's "true".
        labels.put(KEEP, Boolean.toString(keep));
        labels.put(SNAPSHOT, "false");
        return labels;
    }

    static boolean isKept(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(KEEP));
    }
}
