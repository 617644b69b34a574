package dev.pipewright.engine.check;

import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.MapEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value of an expression that reads no run state: literals, and lists, maps and strings made
 * of them. Values use the Java classes of {@link dev.pipewright.spi.ValueType}.
 */
public final class ConstantValues {

    /** Marks "not a constant" where {@code null} is a legitimate value. */
    private static final Object NOT_CONSTANT = new Object();

    private ConstantValues() {
    }

    /** The value, or empty when the expression reads run state; a present {@code null} is {@code Optional.empty()} too. */
    public static Optional<Object> of(Expr expr) {
        Object value = value(expr);
        return value == NOT_CONSTANT ? Optional.empty() : Optional.ofNullable(value);
    }

    /** Whether the expression reads no run state. */
    public static boolean isConstant(Expr expr) {
        return value(expr) != NOT_CONSTANT;
    }

    private static Object value(Expr expr) {
        if (expr instanceof Expr.StringLit s) {
            return s.isConstant() ? s.constantText() : NOT_CONSTANT;
        } else if (expr instanceof Expr.NumberLit n) {
            if (n.isInteger()) {
                try {
                    return n.value().longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return n.value().doubleValue();
                }
            }
            return n.value().doubleValue();
        } else if (expr instanceof Expr.BoolLit b) {
            return b.value();
        } else if (expr instanceof Expr.NullLit) {
            return null;
        } else if (expr instanceof Expr.DurationLit d) {
            return d.value();
        } else if (expr instanceof Expr.ListLit l) {
            List<Object> items = new ArrayList<>();
            for (Expr item : l.items()) {
                Object value = value(item);
                if (value == NOT_CONSTANT) {
                    return NOT_CONSTANT;
                }
                items.add(value);
            }
            return items;
        } else if (expr instanceof Expr.MapLit m) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (MapEntry entry : m.entries()) {
                Object value = value(entry.value());
                if (value == NOT_CONSTANT) {
                    return NOT_CONSTANT;
                }
                entries.put(entry.key(), value);
            }
            return entries;
        }
        return NOT_CONSTANT;
    }
}
