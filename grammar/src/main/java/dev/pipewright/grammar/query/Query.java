package dev.pipewright.grammar.query;

import java.util.List;

/**
 * A parsed query: one or more root fields, in the order written.
 *
 * @param source the text as typed, kept to show the offending line under an error
 */
public record Query(List<Field> fields, String source) {
    public Query {
        fields = List.copyOf(fields);
    }
}
