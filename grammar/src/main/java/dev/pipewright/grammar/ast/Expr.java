package dev.pipewright.grammar.ast;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Expressions: literals, references and operators. There is no arithmetic. */
public sealed interface Expr extends Node {

    /** {@code "..."} or {@code """..."""}: text and {@code ${...}} parts, escapes already resolved. */
    record StringLit(List<StringPart> parts, boolean tripleQuoted, SourceSpan span) implements Expr {
        public StringLit {
            parts = List.copyOf(parts);
        }

        /** Whether the string has no interpolation. */
        public boolean isConstant() {
            return parts.stream().allMatch(StringPart.Text.class::isInstance);
        }

        /** The text of a constant string. */
        public String constantText() {
            return parts.stream().map(p -> ((StringPart.Text) p).text()).collect(Collectors.joining());
        }
    }

    /** A piece of a string literal. */
    sealed interface StringPart permits StringPart.Text, StringPart.Interpolation {
        record Text(String text) implements StringPart {
        }

        record Interpolation(Expr expr) implements StringPart {
        }
    }

    /** An integer or decimal as written; {@code value} is exact. */
    record NumberLit(String text, BigDecimal value, SourceSpan span) implements Expr {
        public boolean isInteger() {
            return !text.contains(".");
        }
    }

    record BoolLit(boolean value, SourceSpan span) implements Expr {
    }

    record NullLit(SourceSpan span) implements Expr {
    }

    /** {@code 500ms}, {@code 1h30m}: the text as written and its value. */
    record DurationLit(String text, Duration value, SourceSpan span) implements Expr {
    }

    record ListLit(List<Expr> items, SourceSpan span) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    record MapLit(List<MapEntry> entries, SourceSpan span) implements Expr {
        public MapLit {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A dotted reference: {@code params.tag}, {@code stages.build.id}, {@code item.url}, {@code run.dir},
     * and the stage type in {@code uses = docker.build}.
     */
    record Ref(List<Name> path, SourceSpan span) implements Expr {
        public Ref {
            path = List.copyOf(path);
        }

        public String root() {
            return path.get(0).value();
        }

        public String dotted() {
            // Not a stream: checks ask every stage's `uses` for it, the engine every reference it evaluates,
            // and most references have two parts.
            if (path.size() == 2) {
                return path.get(0).value() + "." + path.get(1).value();
            }
            StringBuilder dotted = new StringBuilder(path.get(0).value());
            for (int i = 1; i < path.size(); i++) {
                dotted.append('.').append(path.get(i).value());
            }
            return dotted.toString();
        }
    }

    record Unary(UnaryOp op, Expr operand, SourceSpan span) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, SourceSpan span) implements Expr {
    }

    enum UnaryOp {
        NOT("!");

        public final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * Binary operators. Precedence, loosest first: {@code ||}, {@code &&}, {@code == !=},
     * {@code < <= > >=}, {@code ??}, then unary {@code !}; so {@code params.x ?? "a" == "a"} compares
     * the fallback's result, as in Kotlin's elvis operator.
     */
    enum BinaryOp {
        COALESCE("??"), OR("||"), AND("&&"), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
