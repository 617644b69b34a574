package dev.pipewright.grammar.diag;

import java.util.function.Function;

/**
 * Renders a diagnostic for a terminal:
 *
 * <pre>
 * build.pipeline:7:5: error: unknown setting `tiemout`
 *       tiemout = 5m
 *       ^^^^^^^
 *   hint: did you mean `timeout`?
 * </pre>
 */
public final class DiagnosticRenderer {

    private final Function<String, String> sourceOfFile;

    /** @param sourceOfFile the text of a file by its path, or null when it cannot be shown */
    public DiagnosticRenderer(Function<String, String> sourceOfFile) {
        this.sourceOfFile = sourceOfFile;
    }

    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder(diagnostic.toString()).append('\n');
        String source = sourceOfFile.apply(diagnostic.span().file());
        String line = source == null ? null : line(source, diagnostic.span().line());
        if (line != null) {
            int column = Math.max(1, diagnostic.span().column());
            int width = diagnostic.span().endLine() == diagnostic.span().line()
                    ? Math.max(1, diagnostic.span().endColumn() - column + 1)
                    : Math.max(1, line.length() - column + 1);
            out.append("  ").append(line).append('\n');
            out.append("  ").append(padding(line, column - 1)).append("^".repeat(width)).append('\n');
        }
        diagnostic.hint().ifPresent(hint -> out.append("  hint: ").append(hint).append('\n'));
        return out.toString();
    }

    /** Spaces as wide as the first {@code count} characters, keeping tabs so the caret lines up. */
    private static String padding(String line, int count) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pad.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }

    /** Line {@code number} (from 1) without its line break, or null past the end. */
    static String line(String source, int number) {
        int start = 0;
        for (int current = 1; current < number; current++) {
            int next = source.indexOf('\n', start);
            if (next < 0) {
                return null;
            }
            start = next + 1;
        }
        int end = source.indexOf('\n', start);
        String line = end < 0 ? source.substring(start) : source.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
