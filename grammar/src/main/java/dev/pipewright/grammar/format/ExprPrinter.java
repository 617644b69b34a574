package dev.pipewright.grammar.format;

import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.MapEntry;
import java.util.Set;
import java.util.regex.Pattern;

/** Expressions on one line, in canonical form, with only the parentheses precedence needs. */
final class ExprPrinter {

    private final SourceText source;

    ExprPrinter(SourceText source) {
        this.source = source;
    }

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");

    String inline(Expr expr) {
        StringBuilder out = new StringBuilder();
        print(expr, out);
        return out.toString();
    }

    private void print(Expr expr, StringBuilder out) {
        if (expr instanceof Expr.StringLit s) {
            out.append(s.tripleQuoted() ? source.slice(s.span()) : quoted(s));
        } else if (expr instanceof Expr.NumberLit n) {
            out.append(n.text());
        } else if (expr instanceof Expr.DurationLit d) {
            out.append(d.text());
        } else if (expr instanceof Expr.BoolLit b) {
            out.append(b.value());
        } else if (expr instanceof Expr.NullLit) {
            out.append("null");
        } else if (expr instanceof Expr.Ref r) {
            out.append(r.dotted());
        } else if (expr instanceof Expr.ListLit l) {
            out.append('[');
            for (int i = 0; i < l.items().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                print(l.items().get(i), out);
            }
            out.append(']');
        } else if (expr instanceof Expr.MapLit m) {
            if (m.entries().isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{ ");
            for (int i = 0; i < m.entries().size(); i++) {
                MapEntry entry = m.entries().get(i);
                out.append(i == 0 ? "" : ", ").append(key(entry.key())).append(" = ");
                print(entry.value(), out);
            }
            out.append(" }");
        } else if (expr instanceof Expr.Unary u) {
            out.append(u.op().symbol);
            operand(u.operand(), precedence(u.operand()) < UNARY, out);
        } else if (expr instanceof Expr.Binary b) {
            int own = precedence(b);
            operand(b.left(), precedence(b.left()) < own, out);
            out.append(' ').append(b.op().symbol).append(' ');
            // Operators group to the left, so an operand on the right of equal rank was parenthesised.
            operand(b.right(), precedence(b.right()) <= own, out);
        }
    }

    private void operand(Expr expr, boolean parenthesise, StringBuilder out) {
        if (parenthesise) {
            out.append('(');
        }
        print(expr, out);
        if (parenthesise) {
            out.append(')');
        }
    }

    private static final int UNARY = 6;

    /** Loosest first, as in {@link Expr.BinaryOp}. */
    private static int precedence(Expr expr) {
        if (expr instanceof Expr.Binary b) {
            return switch (b.op()) {
                case OR -> 1;
                case AND -> 2;
                case EQ, NE -> 3;
                case LT, LE, GT, GE -> 4;
                case COALESCE -> 5;
            };
        }
        return expr instanceof Expr.Unary ? UNARY : 7;
    }

    static String key(String key) {
        return BARE_KEY.matcher(key).matches() && !LITERAL_WORDS.contains(key) ? key : quotedText(key);
    }

    /** {@code "..."}: escapes for what would end or change the string. */
    String quoted(Expr.StringLit string) {
        StringBuilder out = new StringBuilder("\"");
        for (Expr.StringPart part : string.parts()) {
            if (part instanceof Expr.StringPart.Text t) {
                out.append(escape(t.text()));
            } else if (part instanceof Expr.StringPart.Interpolation i) {
                out.append("${").append(inline(i.expr())).append('}');
            }
        }
        return out.append('"').toString();
    }

    private static String quotedText(String text) {
        return "\"" + escape(text) + "\"";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a value is a triple-quoted string written over several lines. */
    static boolean isMultiLine(Expr expr) {
        return expr instanceof Expr.StringLit s && s.tripleQuoted() && s.span().endLine() > s.span().line();
    }

    /**
     * A multi-line triple-quoted string as written, re-indented so its lines sit one level in
     * from {@code indent}. Only the indentation common to its lines changes, which the string's
     * value does not include, so the value stays the same. A string whose text starts on the
     * line of its opening quotes, or whose interpolations span lines, is kept exactly as written.
     */
    String tripleBlock(Expr.StringLit string, String indent) {
        String written = source.slice(string.span());
        String raw = written.substring(3, written.length() - 3).replace("\r\n", "\n");
        String[] lines = raw.split("\n", -1);
        boolean interpolationSpansLines = string.parts().stream().anyMatch(p -> p instanceof Expr.StringPart.Interpolation i
                && i.expr().span().endLine() > i.expr().span().line());
        if (lines.length < 2 || !lines[0].isBlank() || interpolationSpansLines) {
            return written;
        }
        int last = lines.length - 1;
        int common = Integer.MAX_VALUE;
        for (int i = 1; i <= last; i++) {
            if (!lines[i].isBlank()) {
                common = Math.min(common, leadingWhitespace(lines[i]));
            }
        }
        StringBuilder out = new StringBuilder("\"\"\"\n");
        for (int i = 1; i < last; i++) {
            out.append(lines[i].isBlank() ? "" : indent + lines[i].substring(common)).append('\n');
        }
        out.append(indent).append(lines[last].isBlank() ? "" : lines[last].substring(common)).append("\"\"\"");
        return out.toString();
    }

    private static int leadingWhitespace(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
