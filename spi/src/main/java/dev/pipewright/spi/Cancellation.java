package dev.pipewright.spi;

/**
 * The cancellation signal of one attempt. It fires on the stage's timeout, when a sibling in a
 * {@code parallel} block fails, on the pipeline's timeout, and on Ctrl-C or SIGTERM.
 *
 * <p>When it fires, the engine first runs the registered callbacks, in the reverse order of
 * registration, then interrupts the attempt's thread. A callback stops real work that an
 * interrupt alone does not stop: it kills a process tree, kills and removes a container, aborts
 * a transfer. Callbacks must be quick and must not throw; a callback registered after the signal
 * fired runs at once, on the registering thread.
 */
public interface Cancellation {

    /** Whether the signal has fired. */
    boolean isCancelled();

    /** Throws {@link InterruptedException} when the signal has fired; call it between steps of long work. */
    default void throwIfCancelled() throws InterruptedException {
        if (isCancelled()) {
            throw new InterruptedException("cancelled");
        }
    }

    /**
     * Registers {@code callback} to run when the signal fires.
     *
     * @return a handle whose {@code close()} unregisters the callback once the work it would stop
     *     has ended on its own
     */
    Registration onCancel(Runnable callback);

    /** Unregisters a callback; closing twice is harmless. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
