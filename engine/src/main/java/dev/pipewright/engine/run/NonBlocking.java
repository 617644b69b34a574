package dev.pipewright.engine.run;

/**
 * Marks the engine's own stage types that never block, except in waits that end at once when
 * the thread is interrupted, and need no cleanup beyond that interrupt ({@code core.set},
 * {@code core.log}, {@code core.assert}, {@code core.fail}, {@code core.sleep}): their attempts
 * run on the scheduling thread instead of a thread of their own, and a timeout interrupts that
 * thread. A thread hand-off costs more than such a stage's whole work, and chains of thousands
 * of them are what a pipeline's bookkeeping looks like. Not for plugins: a plugin's attempt may
 * ignore interrupts, and only a thread of its own can be abandoned then.
 */
public interface NonBlocking {
}
