package dev.pipewright.cli;

import java.io.PrintWriter;

/**
 * A command that {@link Main} can run without picocli when its arguments are plain
 * ({@link LeanArguments}): {@code check}, {@code fmt}, {@code runs} and {@code query}, whose
 * whole run is short enough for the start-up to count, and {@code run}, which every pipeline
 * starts with. Their picocli {@code call()} runs the same {@link #execute}.
 */
public interface LeanCommand {

    /** Runs the command, printing to {@code out} and {@code err}; returns the exit code. */
    int execute(PrintWriter out, PrintWriter err) throws Exception;
}
