package dev.pipewright.grammar.format;

import dev.pipewright.grammar.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** The text a span covers, so the formatter can keep a triple-quoted string exactly as written. */
final class SourceText {

    private final String source;
    private final int[] lineStarts;

    SourceText(String source) {
        this.source = source;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The characters from the span's start to its end, inclusive. Columns count code points, as the lexer does. */
    String slice(SourceSpan span) {
        int start = offset(span.line(), span.column());
        int end = offset(span.endLine(), span.endColumn());
        return source.substring(start, Math.min(source.length(), end + Character.charCount(source.codePointAt(end))));
    }

    private int offset(int line, int column) {
        int lineStart = lineStarts[line - 1];
        return source.offsetByCodePoints(lineStart, column - 1);
    }
}
