package dev.pipewright.spi;

/**
 * Progress of a stage; each report becomes a {@code stage:progress} event and moves the bar in
 * the console. Report when something a person would notice changes; the engine drops reports
 * that come faster than the console can show them. Thread-safe.
 */
public interface ProgressReporter {

    /**
     * @param fraction the share done, from 0 to 1; {@code null} when it is not known
     * @param message what is being done now ("Receiving objects", "Step 3/7"); may be null
     */
    void report(Double fraction, String message);
}
