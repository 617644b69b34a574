package dev.pipewright.grammar.ast;

/** {@code key = value} in a map literal; the key is an identifier or a string. */
public record MapEntry(String key, SourceSpan keySpan, Expr value, SourceSpan span) implements Node {
}
