package dev.pipewright.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM during a run. The first one cancels the run: its stages are stopped, then
 * {@code finally} runs and the command exits with 130 once the run has ended. A second one stops
 * waiting: whatever this process started is killed and the process exits with 130 at once.
 *
 * <p>Handlers are installed with {@code sun.misc.Signal} (jdk.unsupported) rather than left to the
 * JVM's default, which would run shutdown hooks and exit while {@code finally} still has work to do.
 * A shutdown hook remains as a backstop for the ways a JVM can be stopped without these signals.
 */
final class RunSignals {

    private final Consumer<String> cancel;
    private final PrintWriter err;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private RunSignals(Consumer<String> cancel, PrintWriter err) {
        this.cancel = cancel;
        this.err = err;
    }

    /** Installs the handlers; {@code cancel} receives the reason, such as {@code interrupted (SIGINT)}. */
    static RunSignals install(Consumer<String> cancel, PrintWriter err) {
        RunSignals signals = new RunSignals(cancel, err);
        Signal.handle(new Signal("INT"), signal -> signals.received("interrupted (SIGINT)"));
        Signal.handle(new Signal("TERM"), signal -> signals.received("terminated (SIGTERM)"));
        return signals;
    }

    private void received(String reason) {
        if (cancelled.compareAndSet(false, true)) {
            err.println();
            err.println("pipewright: " + reason + ": cancelling the run, then running finally"
                    + " (press Ctrl-C again to stop at once)");
            err.flush();
            cancel.accept(reason);
            return;
        }
        err.println("pipewright: " + reason + " again: stopping at once");
        err.flush();
        killDescendants();
        Runtime.getRuntime().halt(Main.EXIT_CANCELLED);
    }

    /** Whether a signal has cancelled the run. */
    boolean cancelled() {
        return cancelled.get();
    }

    /** Every process this one started, and theirs: nothing may outlive a run that stops at once. */
    static void killDescendants() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
