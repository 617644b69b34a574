package dev.pipewright.grammar.ast;

/**
 * {@code key = value} inside a pipeline, stage or parallel block. {@code with { ... }} is the
 * setting {@code with} whose value is a {@link Expr.MapLit}; {@code uses = docker.build} has a
 * {@link Expr.Ref} value. Settings are kept as written, in order, so checks can report unknown
 * and repeated ones and the formatter can keep their order.
 */
public record Setting(Name key, Expr value, SourceSpan span) implements Node {
    public String name() {
        return key.value();
    }
}
