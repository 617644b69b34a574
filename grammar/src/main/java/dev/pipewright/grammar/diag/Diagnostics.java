package dev.pipewright.grammar.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one sink every phase (parse, check) reports into. It keeps the diagnostics in the order
 * they were reported and counts them, so a driver can stop between phases when there are errors.
 * Not thread-safe: one sink per file being read.
 */
public final class Diagnostics {

    /** File, then position, then the order reported: the order a person reads them in. */
    public static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparing((Diagnostic d) -> d.span().file())
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column());

    private final List<Diagnostic> reported = new ArrayList<>();
    private int errors;

    public void report(Diagnostic diagnostic) {
        reported.add(diagnostic);
        if (diagnostic.isError()) {
            errors++;
        }
    }

    public void reportAll(Iterable<Diagnostic> diagnostics) {
        diagnostics.forEach(this::report);
    }

    public int errorCount() {
        return errors;
    }

    public int warningCount() {
        return reported.size() - errors;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Everything reported, sorted by position (a stable sort, so ties keep the reported order). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(reported);
        copy.sort(BY_POSITION);
        return List.copyOf(copy);
    }

    /** Everything reported, in the order reported. */
    public List<Diagnostic> all() {
        return List.copyOf(reported);
    }
}
