package dev.pipewright.cli.console;

import java.util.Locale;

/** The console modes of {@code pipewright run --output}. */
public enum OutputMode {
    /** {@link #TTY} on a terminal, {@link #PLAIN} otherwise. */
    AUTO,
    /** A live view redrawn in place. */
    TTY,
    /** One line per event, never redrawn: for CI logs and pipes. */
    PLAIN,
    /** The events themselves, one JSON object a line. */
    JSON;

    /** The mode to use when this one is {@link #AUTO}: the decision is made once, at start. */
    public OutputMode resolve(boolean stdoutIsTerminal) {
        if (this != AUTO) {
            return this;
        }
        return stdoutIsTerminal ? TTY : PLAIN;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
