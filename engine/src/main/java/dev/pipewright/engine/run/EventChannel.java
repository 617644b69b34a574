package dev.pipewright.engine.run;

import dev.pipewright.engine.events.CompositeListener;
import dev.pipewright.engine.events.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one ordered channel of a run: events are published from any thread (stages, the
 * scheduler) into a queue, and a single dispatcher thread delivers them to the listeners in the
 * order they were published. Publishing never waits for a listener, so a slow console never
 * slows a stage down. {@link #close()} delivers what is queued, closes the listeners, then
 * completes {@link #closed()}.
 *
 * <p>The dispatcher takes whatever has been queued (up to {@link #MAX_BATCH} events) as one
 * batch, so that the event log writes a flood of events with one flush per batch instead of one
 * per event, and keeps up with a stage that prints as fast as a process can.
 */
final class EventChannel {

    /**
     * Bounds a batch, so that listeners after the event log (the console) see events soon even
     * while a stage floods the channel, and a crash loses at most this many written events.
     */
    static final int MAX_BATCH = 512;

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompositeListener listeners;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread dispatcher;

    EventChannel(String runId, CompositeListener listeners) {
        this.listeners = listeners;
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

    /** Completes when every event has been delivered and the listeners closed. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    private void dispatch() {
        try {
            List<Object> taken = new ArrayList<>(MAX_BATCH);
            List<RunEvent> batch = new ArrayList<>(MAX_BATCH);
            boolean ended = false;
            while (!ended) {
                taken.add(queue.take());
                queue.drainTo(taken, MAX_BATCH - 1);
                for (Object next : taken) {
                    if (next == END) {
                        ended = true;
                        break;
                    }
                    batch.add((RunEvent) next);
                }
                if (!batch.isEmpty()) {
                    listeners.deliver(batch);
                }
                taken.clear();
                batch.clear();
            }
            listeners.close();
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
