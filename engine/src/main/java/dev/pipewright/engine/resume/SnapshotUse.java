package dev.pipewright.engine.resume;

import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.store.RunStore;
import dev.pipewright.spi.SnapshotRetention;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which snapshots a {@code --resume} could still start from, for {@code pipewright gc}: the rule
 * follows how a resumed run finds its snapshot. {@code run --resume FILE} resumes the latest
 * earlier run of the pipeline, whatever its outcome, and starts a {@code docker.start} again from
 * the last snapshot that run recorded as a stage's output (taken by it, or reused by it from the
 * run it resumed in turn). So a snapshot of this state directory stays while
 * <ul>
 *   <li>a run of its pipeline is running: it may have just taken it, or be resuming from it;</li>
 *   <li>the latest run of its pipeline recorded it: the next {@code --resume} starts from it.</li>
 * </ul>
 * Any other snapshot of this state directory is garbage: its run is no longer recorded, or a
 * later run of the pipeline superseded it. {@code --resume RUN} naming an older run still works
 * without its snapshot; the setup then runs again.
 *
 * <p>Snapshots labelled with another state directory are left alone and collected in
 * {@link #elsewhere()}; older snapshots without that label, whose run is not recorded here, in
 * {@link #unknownRuns()}.
 */
public final class SnapshotUse implements SnapshotRetention {

    /** The label naming the state directory of the run that took a snapshot, absolute. */
    public static final String STATE_DIRECTORY_LABEL = "pipewright.state-dir";

    /** Which snapshots {@code gc} removes. */
    public enum Scope {
        /** Those no {@code --resume} can start from any more. */
        UNUSED,
        /** All of this state directory, except those of pipelines with a running run. */
        ALL
    }

    private final Path stateDirectory;
    private final Scope scope;
    private final RunStore store;
    /** Every recorded run, by id. */
    private final Map<String, RunState> runs = new HashMap<>();
    /** Per pipeline: a running run, if any. */
    private final Map<String, RunState> running = new HashMap<>();
    /** Per pipeline: its latest run that is not running. */
    private final Map<String, RunState> latest = new HashMap<>();
    /** Per pipeline: the snapshots its latest run recorded, or why they could not be read. */
    private final Map<String, Recorded> recorded = new HashMap<>();
    private final Map<String, Set<String>> elsewhere = new TreeMap<>();
    private final Set<String> unknownRuns = new TreeSet<>();

    /**
     * Reads the runs recorded under {@code stateDirectory}.
     *
     * @throws java.io.UncheckedIOException when the runs cannot be listed or read
     */
    public SnapshotUse(Path stateDirectory, Scope scope) {
        this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
        this.scope = Objects.requireNonNull(scope, "scope is null");
        this.store = new RunStore(this.stateDirectory);
        // Newest first, as RunHistory.latest walks them.
        for (RunState run : store.list(null, null, Integer.MAX_VALUE)) {
            runs.put(run.id(), run);
            if (run.state() == RunStatus.RUNNING) {
                running.putIfAbsent(run.pipeline(), run);
            } else {
                latest.putIfAbsent(run.pipeline(), run);
            }
        }
    }

    @Override
    public Verdict judge(String snapshot, Map<String, String> labels) {
        String runId = labels.get(RUN_LABEL);
        String recordedUnder = labels.get(STATE_DIRECTORY_LABEL);
        if (recordedUnder != null && !recordedUnder.equals(stateDirectory.toString())) {
            elsewhere.computeIfAbsent(recordedUnder, dir -> new TreeSet<>()).add(String.valueOf(runId));
            return Verdict.leaveAlone();
        }
        RunState run = runId == null ? null : runs.get(runId);
        if (run == null) {
            if (recordedUnder == null) {
                // Taken before snapshots named their state directory: it may belong to another one.
                unknownRuns.add(String.valueOf(runId));
                return Verdict.leaveAlone();
            }
            return Verdict.remove("its run is no longer recorded under " + store.runsRoot());
        }
        RunState live = running.get(run.pipeline());
        if (live != null) {
            return Verdict.keep(live.id().equals(runId) ? "its run is still running"
                    : "run " + live.id() + " of " + run.pipeline() + " is running and may resume from it");
        }
        if (scope == Scope.ALL) {
            return Verdict.remove("--snapshots all");
        }
        RunState last = latest.get(run.pipeline());
        Recorded uses = recorded.computeIfAbsent(run.pipeline(), pipeline -> Recorded.of(stateDirectory, last));
        if (uses.problem() != null) {
            return Verdict.keep("cannot tell whether run " + last.id() + " uses it: " + uses.problem());
        }
        String state = last.state().label();
        if (uses.snapshots().contains(snapshot)) {
            String resume = "the next `pipewright run --resume` of " + run.pipeline() + " starts from it: ";
            return Verdict.keep(resume + (last.id().equals(runId) ? "its run is the latest, and " + state
                    : "the latest run, " + last.id() + " (" + state + "), reused it"));
        }
        if (last.id().equals(runId)) {
            return Verdict.remove("no stage of its run recorded it, so no resume can find it");
        }
        return Verdict.remove("superseded: the latest run of " + run.pipeline() + ", " + last.id() + " (" + state
                + "), does not use it");
    }

    /** Snapshots left alone because they were taken by runs of other state directories: run ids by directory. */
    public Map<String, Set<String>> elsewhere() {
        return elsewhere;
    }

    /** Runs of snapshots left alone because they are not recorded here and do not say where they are. */
    public Set<String> unknownRuns() {
        return unknownRuns;
    }

    /**
     * The snapshots a run recorded as outputs of its succeeded stages, as a resume of it reads
     * them ({@link StageRecords}); or why its logs could not be read.
     */
    private record Recorded(Set<String> snapshots, String problem) {

        static Recorded of(Path stateDirectory, RunState run) {
            try {
                Set<String> snapshots = new TreeSet<>();
                for (StageRecord record : RunHistory.load(stateDirectory, run.id()).records()) {
                    if (record.status() == StageStatus.SUCCEEDED && record.outputs().get("snapshot") instanceof String id) {
                        snapshots.add(id);
                    }
                }
                return new Recorded(snapshots, null);
            } catch (RuntimeException e) {
                return new Recorded(Set.of(), String.valueOf(e.getMessage()));
            }
        }
    }
}
