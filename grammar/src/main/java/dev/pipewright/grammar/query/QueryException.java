package dev.pipewright.grammar.query;

import java.util.List;
import java.util.stream.Collectors;

/** A query that cannot be answered as written: every problem found, each with its position. */
public final class QueryException extends RuntimeException {

    private final transient List<QueryDiagnostic> diagnostics;
    private final String source;

    public QueryException(String source, List<QueryDiagnostic> diagnostics) {
        super(diagnostics.stream().map(d -> d.span() + ": " + d.message()).collect(Collectors.joining("\n")));
        this.source = source;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<QueryDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** All problems rendered with their source line and caret, one after another. */
    public String render() {
        return diagnostics.stream().map(d -> d.render(source)).collect(Collectors.joining("\n"));
    }
}
