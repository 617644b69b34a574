package dev.pipewright.stages.docker;

import java.util.function.Supplier;

/**
 * Runs engine calls with the thread's interrupt flag cleared and restores it afterwards.
 *
 * <p>Cleanup after a cancellation runs on the interrupted attempt thread, and an interrupted
 * thread makes the HTTP transport abort the very request that removes the container.
 */
final class Interrupts {

    private Interrupts() {
    }

    static void clearedWhile(Runnable action) {
        clearedWhile(() -> {
            action.run();
            return null;
        });
    }

    static <T> T clearedWhile(Supplier<T> action) {
        boolean interrupted = Thread.interrupted();
        try {
            return action.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
