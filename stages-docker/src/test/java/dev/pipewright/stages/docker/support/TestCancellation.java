package dev.pipewright.stages.docker.support;

import dev.pipewright.spi.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real cancellation signal, behaving as the engine's does: firing runs the callbacks in reverse
 * order of registration, then interrupts the attempt's thread; a callback registered afterwards
 * runs at once.
 */
public final class TestCancellation implements Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new ArrayList<>();
    private volatile Thread attemptThread;
    private volatile long firedAtNanos;

    void bindTo(Thread thread) {
        this.attemptThread = thread;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public Registration onCancel(Runnable callback) {
        synchronized (callbacks) {
            if (!cancelled.get()) {
                callbacks.add(callback);
                return () -> {
                    synchronized (callbacks) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> { };
    }

    /** Fires the signal now, on the calling thread. */
    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        firedAtNanos = System.nanoTime();
        List<Runnable> toRun;
        synchronized (callbacks) {
            toRun = new ArrayList<>(callbacks);
            callbacks.clear();
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            try {
                toRun.get(i).run();
            } catch (RuntimeException e) {
                // The engine reports and ignores a throwing callback; so do we.
            }
        }
        Thread thread = attemptThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Fires the signal after {@code delay}, on a timer thread, like a stage timeout. */
    public void cancelAfter(Duration delay) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-timeout");
        timer.setDaemon(true);
        timer.start();
    }

    /** When the signal fired, from {@link System#nanoTime()}; 0 before. */
    public long firedAtNanos() {
        return firedAtNanos;
    }
}
