package dev.pipewright.engine.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/** Runs tasks concurrently, at most {@code max} at a time, in the order given, and waits for all. */
final class Bounded {

    private Bounded() {
    }

    /**
     * Starts {@code min(max, tasks)} workers that take the next task in order until none is left.
     * Waiting is not interruptible: the tasks themselves react to cancellation, and their
     * results must be recorded before the caller goes on (to {@code finally}).
     */
    static void runAll(ExecutorService threads, List<Runnable> tasks, int max) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(tasks);
        int workers = Math.min(Math.max(1, max), tasks.size());
        CompletableFuture<?>[] done = new CompletableFuture<?>[workers];
        for (int i = 0; i < workers; i++) {
            done[i] = CompletableFuture.runAsync(() -> {
                Runnable next;
                while ((next = queue.poll()) != null) {
                    next.run();
                }
            }, threads);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    CompletableFuture.allOf(done).get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("a parallel branch failed unexpectedly", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
