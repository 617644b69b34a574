package dev.pipewright.grammar.ast;

/** An identifier as written, with its position: a pipeline, parameter, stage, block or setting name. */
public record Name(String value, SourceSpan span) implements Node {
    @Override
    public String toString() {
        return value;
    }
}
