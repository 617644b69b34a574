package dev.pipewright.engine.run;

import dev.pipewright.engine.events.CompositeListener;
import dev.pipewright.engine.events.RunEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 *
 * <p>The dispatcher also writes {@code fingerprints.jsonl}: {@link #execute} runs a task there,
 * after the batch it came with, so encoding those lines costs the thread that runs the stages
 * only a hand-off it makes for the events anyway.
 */
final class EventChannel implements Executor {

    /**
     * Bounds a batch, so that listeners after the event log (the console) see events soon even
     * while a stage floods the channel, and a crash loses at most this many written events.
     */
    static final int MAX_BATCH = 512;

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompositeListener listeners;
    private final PrintStream diagnostics;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread dispatcher;

    EventChannel(String runId, CompositeListener listeners, PrintStream diagnostics) {
        this.listeners = listeners;
        this.diagnostics = diagnostics;
        this.dispatcher = new Thread(this::dispatch, "pipewright-events-" + runId);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void publish(RunEvent event) {
        queue.add(event);
    }

    /**
     * Runs {@code task} on the dispatcher thread, in order with the other tasks, once the events
     * published before it have been delivered. A task that throws is reported on the diagnostics
     * stream; the run goes on.
     */
    @Override
    public void execute(Runnable task) {
        queue.add(task);
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
            List<Runnable> tasks = new ArrayList<>();
            boolean ended = false;
            while (!ended) {
                taken.add(queue.take());
                queue.drainTo(taken, MAX_BATCH - 1);
                for (Object next : taken) {
                    if (next == END) {
                        ended = true;
                        break;
                    }
                    if (next instanceof RunEvent event) {
                        batch.add(event);
                    } else {
                        tasks.add((Runnable) next);
                    }
                }
                // Tasks after the batch they came with: one flush of the event log for both.
                if (!batch.isEmpty()) {
                    listeners.deliver(batch);
                }
                tasks.forEach(this::run);
                taken.clear();
                batch.clear();
                tasks.clear();
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

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            diagnostics.println("pipewright: " + e.getMessage());
        }
    }
}
