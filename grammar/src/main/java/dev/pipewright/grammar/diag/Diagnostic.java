package dev.pipewright.grammar.diag;

import dev.pipewright.grammar.ast.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a file: where, how bad, what, and what to do about it.
 *
 * @param span the offending text; diagnostics at the end of a file point just past its last character
 * @param message written for people, never a token dump ("expected `}` to close stage `build`")
 * @param hint what to do, when something helps ("did you mean `timeout`?")
 */
public record Diagnostic(SourceSpan span, Severity severity, String message, Optional<String> hint) {

    public Diagnostic {
        Objects.requireNonNull(span, "span is null");
        Objects.requireNonNull(severity, "severity is null");
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(hint, "hint is null");
    }

    public static Diagnostic error(SourceSpan span, String message) {
        return new Diagnostic(span, Severity.ERROR, message, Optional.empty());
    }

    public static Diagnostic error(SourceSpan span, String message, String hint) {
        return new Diagnostic(span, Severity.ERROR, message, Optional.ofNullable(hint));
    }

    public static Diagnostic warning(SourceSpan span, String message, String hint) {
        return new Diagnostic(span, Severity.WARNING, message, Optional.ofNullable(hint));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error: MESSAGE}, the first line of the rendered form. */
    @Override
    public String toString() {
        return span.file() + ":" + span.line() + ":" + span.column() + ": " + severity.label() + ": " + message;
    }
}
