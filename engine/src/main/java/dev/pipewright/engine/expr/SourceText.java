package dev.pipewright.engine.expr;

import dev.pipewright.grammar.ast.SourceSpan;

/** The text of a node as it was written, cut out of the file's source by its span. */
public final class SourceText {

    private SourceText() {
    }

    /** The source between the span's start and end (inclusive), or null when the span does not fit. */
    public static String of(String source, SourceSpan span) {
        if (source == null || span == null) {
            return null;
        }
        int start = offset(source, span.line(), span.column());
        int end = offset(source, span.endLine(), span.endColumn());
        if (start < 0 || end < 0 || end < start || end >= source.length()) {
            return null;
        }
        return source.substring(start, end + 1);
    }

    private static int offset(String source, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = source.indexOf('\n', offset);
            if (offset < 0) {
                return -1;
            }
            offset++;
        }
        return offset + column - 1;
    }
}
