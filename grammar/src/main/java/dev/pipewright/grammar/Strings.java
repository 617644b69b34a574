package dev.pipewright.grammar;

import dev.pipewright.grammar.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/** Escapes and the indentation rule of {@code """..."""} strings. */
final class Strings {

    private Strings() {
    }

    /** The character an escape stands for, or null when the escape is unknown. */
    static String unescape(String escape) {
        if (escape.length() != 2) {
            return null;
        }
        return switch (escape.charAt(1)) {
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'n' -> "\n";
            case 't' -> "\t";
            case '$' -> "$";
            default -> null;
        };
    }

    /** A raw piece of a string as lexed: text with escapes still in it, or an interpolation. */
    sealed interface Raw permits Raw.Text, Raw.Escape, Raw.Interpolation {
        record Text(String text) implements Raw {
        }

        record Escape(String text) implements Raw {
        }

        record Interpolation(Expr expr) implements Raw {
        }
    }

    /** Resolves escapes and joins adjacent text. */
    static List<Expr.StringPart> parts(List<Raw> raw) {
        List<Expr.StringPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Raw piece : raw) {
            if (piece instanceof Raw.Text t) {
                text.append(t.text());
            } else if (piece instanceof Raw.Escape e) {
                text.append(unescape(e.text()));
            } else if (piece instanceof Raw.Interpolation i) {
                if (!text.isEmpty()) {
                    parts.add(new Expr.StringPart.Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Expr.StringPart.Interpolation(i.expr()));
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Expr.StringPart.Text(text.toString()));
        }
        return parts;
    }

    /**
     * The indentation rule of triple-quoted strings (as Kotlin's {@code trimIndent}): a first line
     * that is blank (the text starts on the line after the opening quotes) and a last line that is
     * blank (the closing quotes on a line of their own) are dropped; then the indentation common
     * to all lines that are not blank is removed. Works on the text as written, so an escaped
     * {@code \n} is not a line break here.
     */
    static List<Raw> trimIndent(List<Raw> raw) {
        List<List<Raw>> lines = splitLines(raw);
        if (lines.size() > 1 && isBlank(lines.get(0))) {
            lines.remove(0);
        }
        if (lines.size() > 1 && isBlank(lines.get(lines.size() - 1))) {
            lines.remove(lines.size() - 1);
        }
        int common = Integer.MAX_VALUE;
        for (List<Raw> line : lines) {
            if (!isBlank(line)) {
                common = Math.min(common, indentation(line));
            }
        }
        List<Raw> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                result.add(new Raw.Text("\n"));
            }
            List<Raw> line = lines.get(i);
            if (isBlank(line)) {
                continue;
            }
            boolean first = true;
            for (Raw piece : line) {
                if (first && piece instanceof Raw.Text t) {
                    result.add(new Raw.Text(t.text().substring(Math.min(common, t.text().length()))));
                } else {
                    result.add(piece);
                }
                first = false;
            }
        }
        return result;
    }

    private static List<List<Raw>> splitLines(List<Raw> raw) {
        List<List<Raw>> lines = new ArrayList<>();
        List<Raw> current = new ArrayList<>();
        lines.add(current);
        for (Raw piece : raw) {
            if (piece instanceof Raw.Text t) {
                String text = t.text().replace("\r\n", "\n");
                int start = 0;
                for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                    if (nl > start) {
                        current.add(new Raw.Text(text.substring(start, nl)));
                    }
                    current = new ArrayList<>();
                    lines.add(current);
                    start = nl + 1;
                }
                if (start < text.length()) {
                    current.add(new Raw.Text(text.substring(start)));
                }
            } else {
                current.add(piece);
            }
        }
        // Adjacent text pieces of one line are joined, so the indentation is all in the first.
        List<List<Raw>> joined = new ArrayList<>();
        for (List<Raw> line : lines) {
            List<Raw> merged = new ArrayList<>();
            for (Raw piece : line) {
                if (piece instanceof Raw.Text t && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Raw.Text last) {
                    merged.set(merged.size() - 1, new Raw.Text(last.text() + t.text()));
                } else {
                    merged.add(piece);
                }
            }
            joined.add(merged);
        }
        return joined;
    }

    private static boolean isBlank(List<Raw> line) {
        return line.stream().allMatch(p -> p instanceof Raw.Text t && t.text().isBlank());
    }

    private static int indentation(List<Raw> line) {
        if (line.isEmpty() || !(line.get(0) instanceof Raw.Text t)) {
            return 0;
        }
        int n = 0;
        while (n < t.text().length() && (t.text().charAt(n) == ' ' || t.text().charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
