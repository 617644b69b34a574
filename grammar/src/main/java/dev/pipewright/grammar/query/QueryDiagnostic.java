package dev.pipewright.grammar.query;

import dev.pipewright.grammar.ast.SourceSpan;

/** One problem with a query: where it is and what is wrong (with a hint, when one helps). */
public record QueryDiagnostic(SourceSpan span, String message) {

    /**
     * The problem as {@code FILE:LINE:COL: error: MESSAGE}, then the source line and a caret under
     * the column, like the checks of {@code .pipeline} files.
     */
    public String render(String source) {
        StringBuilder out = new StringBuilder();
        out.append(span.file()).append(':').append(span.line()).append(':').append(span.column())
                .append(": error: ").append(message);
        String[] lines = source.split("\r?\n", -1);
        if (span.line() >= 1 && span.line() <= lines.length) {
            String line = lines[span.line() - 1];
            out.append("\n  ").append(line).append("\n  ");
            int width = span.endLine() == span.line() ? Math.max(1, span.endColumn() - span.column() + 1) : 1;
            for (int i = 1; i < span.column() && i <= line.length(); i++) {
                out.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
            }
            out.append("^").append("~".repeat(width - 1));
        }
        return out.toString();
    }
}
