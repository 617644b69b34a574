package dev.pipewright.grammar.ast;

import java.util.Objects;

/**
 * Where a node or a diagnostic sits in its file. Lines and columns count from 1; the end is
 * inclusive of the last character (endColumn is the column of the last character).
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn) {

    public SourceSpan {
        Objects.requireNonNull(file, "file is null");
    }

    /** A span covering this one and {@code other}. */
    public SourceSpan to(SourceSpan other) {
        return new SourceSpan(file, line, column, other.endLine, other.endColumn);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
