package dev.pipewright.grammar.query;

import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.ast.SourceSpan;

/** {@code name: value} inside a field's parentheses. */
public record Argument(Name name, Value value, SourceSpan span) {
}
