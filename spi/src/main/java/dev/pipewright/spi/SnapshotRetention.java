package dev.pipewright.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Which snapshots ({@link StageType#snapshot}) {@code pipewright gc} removes: the engine decides,
 * since it knows which runs a {@code --resume} could still start from them; the plugin that holds
 * the snapshots lists and removes them ({@link StagePlugin#collectSnapshots}).
 *
 * <p>Implemented by the engine; a plugin only calls it, once per snapshot, from the thread that
 * called {@code collectSnapshots}.
 */
@FunctionalInterface
public interface SnapshotRetention {

    /** The label that names the run that took a snapshot (one of those {@link StageType#snapshot} is given). */
    String RUN_LABEL = "pipewright.run";
    /** The label that names the stage (with its {@code for-each} index) that took a snapshot. */
    String STAGE_LABEL = "pipewright.stage";

    /**
     * What to do with one snapshot.
     *
     * @param snapshot its id, as {@link StageType#snapshot} answered it
     * @param labels its labels: at least those {@link StageType#snapshot} was given when it was taken
     * @return what to do, never null
     */
    Verdict judge(String snapshot, Map<String, String> labels);

    /** What {@code gc} does with a snapshot. */
    enum Action {
        /** Remove it; report it as removed, with the reason. */
        REMOVE,
        /** Keep it; report it as kept, with the reason. */
        KEEP,
        /**
         * Keep it without a line of its own: it belongs to runs this {@code gc} does not know
         * (another state directory), and the engine says so itself.
         */
        LEAVE_ALONE
    }

    /**
     * A decision about one snapshot.
     *
     * @param action what to do
     * @param reason why, as a phrase for the report line ("superseded: the latest run of build,
     *     20261128-135329-836-89f7 (succeeded), does not use it"); empty for {@link Action#LEAVE_ALONE}
     */
    record Verdict(Action action, String reason) {

        public Verdict {
            Objects.requireNonNull(action, "action is null");
            Objects.requireNonNull(reason, "reason is null");
        }

        public static Verdict remove(String reason) {
            return new Verdict(Action.REMOVE, reason);
        }

        public static Verdict keep(String reason) {
            return new Verdict(Action.KEEP, reason);
        }

        public static Verdict leaveAlone() {
            return new Verdict(Action.LEAVE_ALONE, "");
        }
    }
}
