package dev.pipewright.testkit;

import dev.pipewright.spi.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real cancellation signal that behaves as the engine's: firing runs the registered callbacks
 * newest first (a callback that throws is ignored, as the engine reports and ignores it), then
 * interrupts the attempt's thread; a callback registered after the signal fired runs at once, on
 * the registering thread.
 */
public final class TestCancellation implements Cancellation {

    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean cancelled;
    private volatile Thread attemptThread;
    private volatile long firedAtNanos;

    /** The thread the signal interrupts: the attempt's, set by {@link TestStageContext}. */
    void bindTo(Thread thread) {
        this.attemptThread = thread;
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Registration onCancel(Runnable callback) {
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(callback);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> { };
    }

    /** Fires the signal now, on the calling thread; firing again does nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            firedAtNanos = System.nanoTime();
            toRun = new ArrayList<>(callbacks);
            callbacks.clear();
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            try {
                toRun.get(i).run();
            } catch (RuntimeException e) {
                // The engine reports a throwing callback and goes on; so does this.
            }
        }
        Thread thread = attemptThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Fires the signal after {@code delay} on a daemon timer thread, as a stage's {@code timeout} does. */
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

    /** When the signal fired, from {@link System#nanoTime()}; 0 before it fired. */
    public long firedAtNanos() {
        return firedAtNanos;
    }
}
