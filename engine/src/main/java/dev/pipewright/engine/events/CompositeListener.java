package dev.pipewright.engine.events;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fans events out to several listeners and isolates them from each other and from the run:
 * a listener that throws is reported once on the diagnostics stream (with its class and the
 * event) and detached; the others go on. Only a {@link VirtualMachineError} propagates. Like
 * every listener, it is called from one thread at a time.
 *
 * <p>A batch goes to the listeners one after the other, each getting all of it and then its
 * {@link RunListener#endOfBatch()}: the event log, listed first, has written and flushed a batch
 * before any other listener (the console) sees an event of it.
 */
public final class CompositeListener implements RunListener {

    private final List<RunListener> listeners;
    private final PrintStream diagnostics;

    public CompositeListener(List<? extends RunListener> listeners, PrintStream diagnostics) {
        this.listeners = new ArrayList<>(listeners);
        this.diagnostics = diagnostics;
    }

    /** Delivers one event as a batch of its own. */
    @Override
    public void onEvent(RunEvent event) {
        deliver(List.of(event));
    }

    /** Delivers {@code batch}, in order, to every listener in turn. */
    public void deliver(List<RunEvent> batch) {
        for (int i = 0; i < listeners.size(); i++) {
            RunListener listener = listeners.get(i);
            int at = 0;
            try {
                for (; at < batch.size(); at++) {
                    listener.onEvent(batch.get(at));
                }
                listener.endOfBatch();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                listeners.remove(i--);
                String what = at < batch.size() ? "failed on a " + batch.get(at).type() + " event"
                        : "failed at the end of a batch";
                report(listener, what + " and was detached; the run goes on", e);
            }
        }
    }

    @Override
    public void close() {
        for (RunListener listener : listeners) {
            try {
                listener.close();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                report(listener, "failed to close", e);
            }
        }
        listeners.clear();
    }

    private void report(RunListener listener, String what, Throwable e) {
        diagnostics.println("pipewright: listener " + describe(listener) + " " + what + ": " + e);
    }

    private static String describe(RunListener listener) {
        String text = listener.toString();
        String className = listener.getClass().getName();
        return text.startsWith(className + "@") || text.contains("$$Lambda") ? className : text + " (" + className + ")";
    }
}
