package dev.pipewright.engine.expr;

import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates expressions against {@link Bindings}. Values are the run-time classes of
 * {@link dev.pipewright.spi.ValueType}: {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code Duration}, {@code List}, {@code Map} and null. {@code &&}, {@code ||} and
 * {@code ??} short-circuit; {@code ==} compares numbers by value ({@code 1 == 1.0}).
 */
public final class Evaluator {

    private final Bindings bindings;
    private final Map<String, Object> seen;

    private Evaluator(Bindings bindings, Map<String, Object> seen) {
        this.bindings = Objects.requireNonNull(bindings, "bindings is null");
        this.seen = seen;
    }

    /** The value of {@code expr}. */
    public static Object evaluate(Expr expr, Bindings bindings) throws ExpressionException {
        return new Evaluator(bindings, null).eval(expr);
    }

    /**
     * The value of {@code expr}, and every reference it read with the value it saw, in the order
     * read (what a {@code stage:skip} reason shows).
     */
    public static Traced evaluateTraced(Expr expr, Bindings bindings) throws ExpressionException {
        Map<String, Object> seen = new LinkedHashMap<>();
        Object value = new Evaluator(bindings, seen).eval(expr);
        return new Traced(value, Collections.unmodifiableMap(seen));
    }

    /** A value with the references read to compute it. */
    public record Traced(Object value, Map<String, Object> seen) {
    }

    private Object eval(Expr expr) throws ExpressionException {
        if (expr instanceof Expr.StringLit s) {
            return string(s);
        } else if (expr instanceof Expr.NumberLit n) {
            return number(n);
        } else if (expr instanceof Expr.BoolLit b) {
            return b.value();
        } else if (expr instanceof Expr.NullLit) {
            return null;
        } else if (expr instanceof Expr.DurationLit d) {
            return d.value();
        } else if (expr instanceof Expr.ListLit l) {
            List<Object> list = new ArrayList<>(l.items().size());
            for (Expr item : l.items()) {
                list.add(eval(item));
            }
            return Collections.unmodifiableList(list);
        } else if (expr instanceof Expr.MapLit m) {
            return map(m);
        } else if (expr instanceof Expr.Ref r) {
            Object value = bindings.resolve(r);
            if (seen != null) {
                seen.put(r.dotted(), value);
            }
            return value;
        } else if (expr instanceof Expr.Unary u) {
            return !bool(eval(u.operand()), u.operand(), "`!`");
        } else if (expr instanceof Expr.Binary b) {
            return binary(b);
        }
        throw new ExpressionException("cannot evaluate " + expr.getClass().getSimpleName(), expr.span());
    }

    /** A map literal's entries evaluated, in the order written. */
    public static Map<String, Object> evaluateMap(Expr.MapLit map, Bindings bindings) throws ExpressionException {
        return new Evaluator(bindings, null).map(map);
    }

    private Map<String, Object> map(Expr.MapLit m) throws ExpressionException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (MapEntry entry : m.entries()) {
            map.put(entry.key(), eval(entry.value()));
        }
        return Collections.unmodifiableMap(map);
    }

    private String string(Expr.StringLit s) throws ExpressionException {
        if (s.parts().size() == 1 && s.parts().get(0) instanceof Expr.StringPart.Text t) {
            return t.text();
        }
        StringBuilder out = new StringBuilder();
        for (Expr.StringPart part : s.parts()) {
            if (part instanceof Expr.StringPart.Text t) {
                out.append(t.text());
            } else if (part instanceof Expr.StringPart.Interpolation i) {
                out.append(Values.text(eval(i.expr())));
            }
        }
        return out.toString();
    }

    private static Object number(Expr.NumberLit n) {
        if (n.isInteger()) {
            try {
                return n.value().longValueExact();
            } catch (ArithmeticException tooBig) {
                return n.value().doubleValue();
            }
        }
        return n.value().doubleValue();
    }

    private Object binary(Expr.Binary b) throws ExpressionException {
        switch (b.op()) {
            case COALESCE: {
                Object left = eval(b.left());
                return left != null ? left : eval(b.right());
            }
            case OR:
                return bool(eval(b.left()), b.left(), "`||`") || bool(eval(b.right()), b.right(), "`||`");
            case AND:
                return bool(eval(b.left()), b.left(), "`&&`") && bool(eval(b.right()), b.right(), "`&&`");
            case EQ:
                return same(eval(b.left()), eval(b.right()));
            case NE:
                return !same(eval(b.left()), eval(b.right()));
            default:
                int order = compare(eval(b.left()), eval(b.right()), b);
                return switch (b.op()) {
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    default -> order >= 0;
                };
        }
    }

    private static boolean bool(Object value, Expr where, String operator) throws ExpressionException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException(operator + " needs a bool, but `" + describe(where) + "` is "
                + Values.typeName(value) + (value == null ? "" : " " + Values.literal(value)), where.span());
    }

    private static boolean same(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return l.doubleValue() == r.doubleValue();
        }
        return Objects.equals(left, right);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right, Expr.Binary b) throws ExpressionException {
        if (left instanceof Number l && right instanceof Number r) {
            return (l instanceof Double || r instanceof Double)
                    ? Double.compare(l.doubleValue(), r.doubleValue())
                    : Long.compare(l.longValue(), r.longValue());
        }
        if ((left instanceof String && right instanceof String) || (left instanceof Duration && right instanceof Duration)) {
            return ((Comparable) left).compareTo(right);
        }
        SourceSpan span = b.span();
        throw new ExpressionException("`" + b.op().symbol + "` compares two numbers, strings or durations, not "
                + Values.typeName(left) + " and " + Values.typeName(right), span);
    }

    private static String describe(Expr expr) {
        return expr instanceof Expr.Ref r ? r.dotted() : expr.getClass().getSimpleName();
    }
}
