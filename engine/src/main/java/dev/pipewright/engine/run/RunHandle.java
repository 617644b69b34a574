package dev.pipewright.engine.run;

import dev.pipewright.engine.store.RunDirectory;
import java.time.Duration;
import java.util.Optional;

/** A run that has started. Thread-safe. */
public interface RunHandle {

    String runId();

    /** Where the run keeps {@code events.jsonl} and its work directory. */
    RunDirectory runDirectory();

    /**
     * Cancels the run (Ctrl-C, SIGTERM, a REPL command): running stages are stopped, waited for
     * up to their grace period, then {@code finally} runs and the run ends as cancelled. A second
     * call stops waiting: stages still running are abandoned and {@code finally} is cancelled too.
     */
    void cancel(String reason);

    /**
     * Blocks until the run has ended and its final event has been delivered to every listener
     * (and the listeners closed).
     */
    RunOutcome awaitOutcome() throws InterruptedException;

    /** Like {@link #awaitOutcome()}, giving up after {@code timeout}; empty when still running. */
    Optional<RunOutcome> awaitOutcome(Duration timeout) throws InterruptedException;
}
