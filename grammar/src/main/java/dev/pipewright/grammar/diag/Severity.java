package dev.pipewright.grammar.diag;

/** How bad a diagnostic is: an error stops {@code check} and {@code run}; a warning does not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in {@code FILE:LINE:COL: error: MESSAGE}. */
    public String label() {
        return label;
    }
}
