package dev.pipewright.engine.expr;

import dev.pipewright.grammar.ast.SourceSpan;

/** An expression could not be evaluated at run time: a wrong type, a missing value. */
public final class ExpressionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SourceSpan span;

    public ExpressionException(String message, SourceSpan span) {
        super(message);
        this.span = span;
    }

    /** Where in the file; may be null. */
    public SourceSpan span() {
        return span;
    }

    /** {@code FILE:LINE:COL: MESSAGE}, or the message alone without a position. */
    public String describe() {
        return span == null ? getMessage() : span + ": " + getMessage();
    }
}
