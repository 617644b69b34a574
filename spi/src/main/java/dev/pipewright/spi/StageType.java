package dev.pipewright.spi;

import java.util.Map;

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
}
