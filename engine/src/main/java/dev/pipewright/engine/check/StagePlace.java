package dev.pipewright.engine.check;

import dev.pipewright.grammar.ast.Block;
import java.util.Optional;

/**
 * Where a stage sits, which decides whose outputs it may read.
 *
 * @param bodyIndex the index of its top-level block in the body (its parallel block's, for a
 *     stage in one), or its index in the {@code finally} block
 * @param parallel the parallel block holding it, if any
 * @param inFinally whether it belongs to the {@code finally} block
 */
record StagePlace(Block.Stage stage, int bodyIndex, Optional<Block.Parallel> parallel, boolean inFinally) {

    String name() {
        return stage.name().value();
    }

    /** Why {@code this} cannot read {@code other}, or empty when {@code other} has ended before {@code this} starts. */
    Optional<String> cannotRead(StagePlace other) {
        if (other.stage == stage) {
            return Optional.of("a stage cannot read its own outputs");
        }
        if (inFinally && !other.inFinally) {
            return Optional.empty();
        }
        if (inFinally == other.inFinally && other.bodyIndex < bodyIndex) {
            return Optional.empty();
        }
        if (!inFinally && !other.inFinally && other.bodyIndex == bodyIndex && parallel.isPresent()) {
            return Optional.of("stage `" + other.name() + "` runs at the same time, in parallel block `"
                    + parallel.get().name().value() + "`");
        }
        return Optional.of("stage `" + other.name() + "` runs after stage `" + name() + "`");
    }
}
