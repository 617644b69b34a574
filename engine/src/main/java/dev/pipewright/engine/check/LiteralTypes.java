package dev.pipewright.engine.check;

import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.spi.ValueType;
import java.util.Optional;

/**
 * The type of a literal, known before anything runs. Expressions that read run state (references,
 * operators) have no type here: their values are checked when they are evaluated.
 */
final class LiteralTypes {

    private LiteralTypes() {
    }

    /** The literal's type; empty for {@code null} and for expressions that are not literals. */
    static Optional<ValueType> of(Expr expr) {
        if (expr instanceof Expr.StringLit) {
            return Optional.of(ValueType.STRING);
        } else if (expr instanceof Expr.NumberLit n) {
            return Optional.of(n.isInteger() ? ValueType.INT : ValueType.NUMBER);
        } else if (expr instanceof Expr.BoolLit) {
            return Optional.of(ValueType.BOOL);
        } else if (expr instanceof Expr.DurationLit) {
            return Optional.of(ValueType.DURATION);
        } else if (expr instanceof Expr.ListLit) {
            return Optional.of(ValueType.LIST);
        } else if (expr instanceof Expr.MapLit) {
            return Optional.of(ValueType.MAP);
        }
        return Optional.empty();
    }

    /** Whether a literal of type {@code actual} is acceptable where {@code wanted} is expected. */
    static boolean fits(ValueType actual, ValueType wanted) {
        return switch (wanted) {
            case ANY -> true;
            case PATH -> actual == ValueType.STRING;
            case NUMBER -> actual == ValueType.INT || actual == ValueType.NUMBER;
            default -> actual == wanted;
        };
    }

    /** "a string", "an int": how messages name a type. */
    static String article(ValueType type) {
        return switch (type) {
            case INT -> "an int";
            case ANY -> "any value";
            default -> "a " + type.keyword();
        };
    }

    /** A short description of what was written, for "expected an int, found a string". */
    static String describe(Expr expr) {
        return of(expr).map(LiteralTypes::article).orElse(expr instanceof Expr.NullLit ? "null" : "an expression");
    }
}
