package dev.pipewright.spi;

import java.util.Map;
import java.util.Optional;

/**
 * One kind of stage: {@code docker.build}, {@code git.clone}, {@code core.exec}.
 *
 * <p>Instances are shared across runs and threads; keep per-attempt state in local variables.
 */
public interface StageType {

    /** The name within its plugin's namespace ({@code build} for {@code docker.build}). */
    String name();

    /** The typed parameters and outputs; checked by the engine before any run. */
    StageSchema schema();

    /**
     * Runs one attempt and blocks until it has ended.
     *
     * <p>Called on a thread of its own, with the plugin's class loader as the thread's context
     * class loader. The arguments in {@code context} have been evaluated, checked against the
     * schema and completed with the declared defaults.
     *
     * <p>On cancellation (a timeout, a failing sibling, Ctrl-C) the thread is interrupted and the
     * callbacks registered with {@link Cancellation#onCancel} run; the attempt should then end
     * promptly, by throwing {@link InterruptedException} or a {@link StageFailure}.
     *
     * @return the outputs, keyed by the output names the schema declares; a declared output that
     *     is missing reads as {@code null}
     * @throws StageFailure when the attempt failed; {@link StageFailure#retryable()} says whether
     *     another attempt may help
     * @throws InterruptedException when the attempt was cancelled while it waited
     */
    Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException;

    /**
     * Whether this stage type is pure: its outputs depend only on its arguments and the upstream
     * outputs it reads, and running it again changes nothing a later stage could notice. The
     * outputs of a pure stage are reused across runs whenever its fingerprint matches, unless the
     * pipeline says {@code cache = false}; an impure stage is reused only with
     * {@code pipewright run --resume} or with {@code cache = true}.
     *
     * <p>The default is {@code false}: a stage type that starts processes, changes files or
     * talks to a service is not pure.
     */
    default boolean pure() {
        return false;
    }

    /**
     * Says whether outputs recorded by an earlier run of this stage are still valid, before the
     * engine reuses them instead of running the stage: an image with that id still exists, a
     * directory still holds that commit. The engine calls it only for outputs whose fingerprint
     * matches (same arguments, same upstream outputs), from the run's own thread, before the
     * stage's {@code stage:start} or {@code stage:cached} event.
     *
     * <p>It must be quick, must change nothing, and must not throw; the engine treats an
     * exception as "not valid" with the exception's message. The default accepts every output,
     * which is right for stage types whose outputs are plain values.
     *
     * @param outputs the recorded outputs, as read back from the earlier run's event log (numbers
     *     as {@link Long} or {@link Double})
     * @param context the stage as the current run would call it
     * @return empty when the outputs may be reused; otherwise why not, as a phrase that completes
     *     "ran again because ..." ({@code "image sha256:1f2e… no longer exists"})
     */
    default Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        return Optional.empty();
    }

    /**
     * Takes a snapshot of what a succeeded call changed, for a stage that says
     * {@code snapshot = true}: {@code docker.exec} commits the container it ran in to an image. The
     * engine calls it after the call succeeded, from the run's own thread, and records the answer
     * as the stage's {@code snapshot} output.
     *
     * @param arguments the call's arguments
     * @param labels what the snapshot must be labelled with ({@code pipewright.fingerprint},
     *     {@code pipewright.run}, {@code pipewright.stage}, {@code pipewright.state-dir}), so it
     *     can be found and removed: {@link StagePlugin#collectSnapshots} hands them back to the
     *     engine
     * @return the snapshot's id; empty when this stage type cannot take snapshots (the default)
     * @throws StageFailure when taking it failed: the stage then fails
     */
    default Optional<String> snapshot(Arguments arguments, Map<String, String> labels) throws StageFailure {
        return Optional.empty();
    }

    /**
     * The arguments with which a resumed run starts again from a snapshot, instead of redoing
     * the work the snapshot holds: {@code docker.start} replaces its {@code image}. The engine asks
     * when a call must run again and a later stage of the resumed run took a snapshot of what
     * this call's outputs named (the container it started).
     *
     * @param arguments the call's arguments as written
     * @param snapshot the snapshot's id, as {@link #snapshot} answered it
     * @return the arguments to run with; empty when this stage type cannot start from a snapshot
     *     (the default) or the snapshot is gone
     */
    default Optional<Arguments> fromSnapshot(Arguments arguments, String snapshot) {
        return Optional.empty();
    }
}
