package dev.pipewright.stages.git;

import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.StageFailure;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs JGit network work on a thread of its own. Over git:// JGit reads from a socket that neither
 * an interrupt nor JGit's own timeout unblocks (Java 17), so a server that stops answering would
 * otherwise hold the attempt long after its cancellation. On cancellation the attempt waits a
 * moment for JGit to notice (it polls the cancellation between objects and files), then returns,
 * leaving a worker that is stuck in a read to end when its socket does.
 */
final class JGitWorker {

    /** The work, which may fail with a stage failure or be cancelled. */
    interface Work<T> {
        T run() throws StageFailure, InterruptedException;
    }

    /** How long a cancelled attempt waits for JGit to stop and clean up. */
    private static final long STOP_GRACE_MILLIS = 2_000;

    private JGitWorker() {
    }

    /**
     * Runs {@code work} on a worker thread and waits for it.
     *
     * @param ifStuck runs when the attempt is cancelled and the worker has not ended within the grace period
     */
    static <T> T run(String name, Cancellation cancellation, Work<T> work, Runnable ifStuck)
            throws StageFailure, InterruptedException {
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread worker = new Thread(task, name);
        worker.setDaemon(true);
        // The callback interrupts the worker, which stops its waits and its file channel writes.
        Cancellation.Registration stopWorker = cancellation.onCancel(worker::interrupt);
        try {
            worker.start();
            return task.get();
        } catch (InterruptedException cancelled) {
            worker.join(STOP_GRACE_MILLIS);
            if (worker.isAlive()) {
                ifStuck.run();
            }
            throw cancelled;
        } catch (ExecutionException failed) {
            throw rethrow(failed.getCause());
        } finally {
            stopWorker.close();
        }
    }

    private static StageFailure rethrow(Throwable cause) throws InterruptedException {
        if (cause instanceof StageFailure failure) {
            return failure;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }
}
