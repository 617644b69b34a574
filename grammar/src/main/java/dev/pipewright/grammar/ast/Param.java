package dev.pipewright.grammar.ast;

import java.util.Optional;

/**
 * {@code param NAME[: TYPE] [= DEFAULT]}. Without a default the parameter is required.
 *
 * @param type the type's name as written ({@code string}, {@code list}); when omitted, the type of
 *     the default, or {@code string} without one (checks resolve it)
 */
public record Param(Name name, Optional<Name> type, Optional<Expr> defaultValue, SourceSpan span) implements Node {
    public boolean required() {
        return defaultValue.isEmpty();
    }
}
