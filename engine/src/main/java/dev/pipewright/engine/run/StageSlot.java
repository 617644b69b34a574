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
    final StageSettings settings;
    private final String name;
    private volatile StageResult result;

    StageSlot(Block.Stage stage, int index) {
        this.stage = stage;
        this.index = index;
        this.settings = StageSettings.of(stage);
        this.name = stage.name().value();
    }

    String name() {
        return name;
    }

    StageResult result() {
        return result;
    }

    void finish(StageResult result) {
        this.result = result;
    }
}
