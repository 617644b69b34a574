package dev.pipewright.grammar.query;

import dev.pipewright.grammar.ast.SourceSpan;

/** An argument's value: a quoted string, an integer, or a bare word ({@code state: failed}). */
public sealed interface Value {

    SourceSpan span();

    /** The value as text, as a user would write it in a message. */
    String display();

    record Text(String value, SourceSpan span) implements Value {
        public String display() {
            return '"' + value + '"';
        }
    }

    record Int(long value, SourceSpan span) implements Value {
        public String display() {
            return Long.toString(value);
        }
    }

    record Word(String value, SourceSpan span) implements Value {
        public String display() {
            return value;
        }
    }
}
