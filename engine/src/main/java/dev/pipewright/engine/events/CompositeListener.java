package dev.pipewright.engine.events;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fans each event out to several listeners and isolates them from each other and from the run:
 * a listener that throws is reported once on the diagnostics stream (with its class and the
 * event) and detached; the others go on. Only a {@link VirtualMachineError} propagates. Like
 * every listener, it is called from one thread at a time.
 */
public final class CompositeListener implements RunListener {

    private final List<RunListener> listeners;
    private final PrintStream diagnostics;

    public CompositeListener(List<? extends RunListener> listeners, PrintStream diagnostics) {
        this.listeners = new ArrayList<>(listeners);
        this.diagnostics = diagnostics;
    }

    @Override
    public void onEvent(RunEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            RunListener listener = listeners.get(i);
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                detach(i--, listener, "failed on a " + event.type() + " event", e);
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

    private void detach(int index, RunListener listener, String what, Throwable e) {
        listeners.remove(index);
        report(listener, what + " and was detached; the run goes on", e);
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
