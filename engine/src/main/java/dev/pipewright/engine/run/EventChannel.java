package dev.pipewright.engine.run;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one ordered channel of a run: events are published from any thread (stages, the
 * scheduler) into a queue, and a single dispatcher thread delivers them to the listener, one at a
 * time, in the order they were published. Publishing never waits for a listener, so a slow
 * console never slows a stage down. {@link #close()} delivers what is queued, closes the
 * listener, then completes {@link #closed()}.
 */
final class EventChannel {

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final RunListener listener;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread dispatcher;

    EventChannel(String runId, RunListener listener) {
        this.listener = listener;
        this.dispatcher = new Thread(this::dispatch, "pipewright-events-" + runId);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void publish(RunEvent event) {
        queue.add(event);
    }

    /** Ends the channel after the events published so far; idempotent. */
    void close() {
        queue.add(END);
    }

    /** Completes when every event has been delivered and the listener closed. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    private void dispatch() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    break;
                }
                listener.onEvent((RunEvent) next);
            }
            listener.close();
            closed.complete(null);
        } catch (InterruptedException e) {
            closed.completeExceptionally(e);
        } catch (Throwable fatal) {
            // Only VirtualMachineErrors get here: the composite listener swallows everything else.
            closed.completeExceptionally(fatal);
            throw fatal;
        }
    }
}
