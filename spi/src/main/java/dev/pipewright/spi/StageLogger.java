package dev.pipewright.spi;

/**
 * Output of a stage, one line at a time; each line becomes a {@code stage:log} event.
 * Lines must not contain line breaks (the engine splits them if they do). Secret values are
 * masked by the engine before any listener sees the line. Thread-safe.
 */
public interface StageLogger {

    /** A line of normal output (a process's standard output, a build step). */
    void stdout(String line);

    /** A line of diagnostic output (a process's standard error, a warning). */
    void stderr(String line);
}
