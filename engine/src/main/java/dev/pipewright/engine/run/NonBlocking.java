package dev.pipewright.engine.run;

/**
 * Marks the engine's own stage types that never block and never need stopping ({@code core.set},
 * {@code core.log}, {@code core.assert}, {@code core.fail}): their attempts run on the
 * scheduling thread instead of a thread of their own. A thread hand-off costs more than such a
 * stage's whole work, and chains of thousands of them are what a pipeline's bookkeeping looks
 * like. Not for plugins: a plugin's attempt may block, and only a thread of its own can be
 * abandoned when it ignores cancellation.
 */
public interface NonBlocking {
}
