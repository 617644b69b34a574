package dev.pipewright.engine.expr;

import dev.pipewright.grammar.ast.Expr;

/** Resolves references ({@code params.tag}, {@code stages.build.id}, {@code item.url}) to values. */
@FunctionalInterface
public interface Bindings {

    /**
     * The value of {@code ref}, or null.
     *
     * @throws ExpressionException when the reference names nothing (a check should have caught it)
     */
    Object resolve(Expr.Ref ref) throws ExpressionException;
}
