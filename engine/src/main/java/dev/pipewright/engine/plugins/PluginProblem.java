package dev.pipewright.engine.plugins;

import static java.util.Objects.requireNonNull;

/**
 * Something wrong with an installed plugin, found while loading it. The message names the jar
 * (or folder) and, where one is involved, the class; it never carries a stack trace.
 *
 * @param severity whether the problem is an error or only a warning
 * @param message what is wrong and what to do, without the {@code error:} prefix
 */
public record PluginProblem(Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public PluginProblem {
        requireNonNull(severity, "severity is null");
        requireNonNull(message, "message is null");
    }

    public static PluginProblem error(String message) {
        return new PluginProblem(Severity.ERROR, message);
    }

    public static PluginProblem warning(String message) {
        return new PluginProblem(Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The line a command prints: {@code error: plugin broken.jar: ...}. */
    public String render() {
        return (isError() ? "error: " : "warning: ") + message;
    }
}
