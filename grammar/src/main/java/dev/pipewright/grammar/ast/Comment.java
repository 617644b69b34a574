package dev.pipewright.grammar.ast;

/** A {@code #} comment, kept so the formatter can put it back where it was. {@code text} includes the {@code #}. */
public record Comment(String text, SourceSpan span) implements Node {
}
