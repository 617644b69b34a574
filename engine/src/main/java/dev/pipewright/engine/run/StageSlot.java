package dev.pipewright.engine.run;

import dev.pipewright.grammar.ast.Block;

/**
 * A stage of the pipeline being run: where it sits and, once it has ended, how. Written by the
 * thread that runs the stage, read by later stages' expressions.
 *
 * @param index the stage's position among all stages of the pipeline (body, then finally), from 0
 */
final class StageSlot {

    final Block.Stage stage;
    final int index;
    private volatile StageResult result;

    StageSlot(Block.Stage stage, int index) {
        this.stage = stage;
        this.index = index;
    }

    String name() {
        return stage.name().value();
    }

    StageResult result() {
        return result;
    }

    void finish(StageResult result) {
        this.result = result;
    }
}
