package dev.pipewright.engine.state;

import java.util.Locale;
import java.util.Optional;

/** The state of a run, as queries name it. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** The log has no final event and the process that wrote it is gone. */
    INTERRUPTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this != RUNNING;
    }

    public static Optional<RunStatus> parse(String label) {
        for (RunStatus status : values()) {
            if (status.label().equals(label)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
