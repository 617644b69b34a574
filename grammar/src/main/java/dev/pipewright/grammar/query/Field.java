package dev.pipewright.grammar.query;

import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.ast.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A field of a query, e.g. {@code stages { name status }} or {@code logs(last: 5)}.
 *
 * @param selection the sub-fields between braces, or null when the field has no braces
 */
public record Field(Name name, List<Argument> arguments, List<Field> selection, SourceSpan span) {
    public Field {
        arguments = List.copyOf(arguments);
        selection = selection == null ? null : List.copyOf(selection);
    }

    public boolean hasSelection() {
        return selection != null;
    }

    public Optional<Argument> argument(String argumentName) {
        return arguments.stream().filter(argument -> argument.name().value().equals(argumentName)).findFirst();
    }
}
