package dev.pipewright.engine.run;

/** How a run ended, with the exit code of {@code pipewright run} for it (LANGUAGE.md). */
public enum RunStatus {
    SUCCEEDED(0),
    FAILED(1),
    CANCELLED(130);

    private final int exitCode;

    RunStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
