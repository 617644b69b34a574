package dev.pipewright.grammar.ast;

import java.util.List;

/** {@code finally { stage ... }}: runs after the body in every case. */
public record Finally(List<Block.Stage> stages, SourceSpan span) implements Node {
    public Finally {
        stages = List.copyOf(stages);
    }
}
