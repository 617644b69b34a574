package dev.pipewright.engine.run;

import dev.pipewright.spi.Cancellation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A node in the run's tree of cancellation signals: run, then parallel block or for-each, then
 * stage, then attempt. Cancelling a scope cancels everything below it. For an attempt it is the
 * {@link Cancellation} the stage type sees: on cancel, its callbacks run in reverse order of
 * registration, then the attempt's thread is interrupted.
 */
final class CancelScope implements Cancellation {

    private final CancelScope parent;
    // Created on first use: a run makes two scopes per stage attempt, and most never get a child,
    // a callback or a waiter (a chain of thousands of small stages showed their cost).
    private Set<CancelScope> children;
    private List<Runnable> callbacks;
    private CompletableFuture<CancelReason> signal;
    private Thread thread;
    private volatile CancelReason reason;

    private CancelScope(CancelScope parent) {
        this.parent = parent;
    }

    static CancelScope root() {
        return new CancelScope(null);
    }

    /** A scope below this one; already cancelled if this one is. Close it when its work ended. */
    CancelScope child() {
        CancelScope child = new CancelScope(this);
        CancelReason mine;
        synchronized (this) {
            mine = reason;
            if (mine == null) {
                if (children == null) {
                    children = new HashSet<>();
                }
                children.add(child);
            }
        }
        if (mine != null) {
            child.cancel(mine);
        }
        return child;
    }

    /** Detaches this scope from its parent, so finished work is not kept alive by the run's scope. */
    void close() {
        if (parent != null) {
            synchronized (parent) {
                if (parent.children != null) {
                    parent.children.remove(this);
                }
            }
        }
    }

    /**
     * Fires the signal: callbacks (newest first), then the interrupt, then the scopes below.
     *
     * @return whether this call fired it (false when it had fired before)
     */
    boolean cancel(CancelReason why) {
        List<Runnable> toRun;
        List<CancelScope> below;
        CompletableFuture<CancelReason> waiting;
        synchronized (this) {
            if (reason != null) {
                return false;
            }
            reason = why;
            toRun = callbacks == null ? List.of() : callbacks;
            callbacks = null;
            below = children == null ? List.of() : new ArrayList<>(children);
            waiting = signal;
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            runQuietly(toRun.get(i));
        }
        synchronized (this) {
            if (thread != null) {
                thread.interrupt();
            }
        }
        for (CancelScope child : below) {
            child.cancel(why);
        }
        if (waiting != null) {
            waiting.complete(why);
        }
        return true;
    }

    /** The reason, or null while not cancelled. */
    CancelReason reason() {
        return reason;
    }

    /** Completes with the reason when this scope is cancelled. */
    synchronized CompletableFuture<CancelReason> signal() {
        if (signal == null) {
            signal = new CompletableFuture<>();
            if (reason != null) {
                signal.complete(reason);
            }
        }
        return signal;
    }

    /** The attempt's thread, interrupted on cancel while it is bound. */
    synchronized void bind(Thread attemptThread) {
        this.thread = attemptThread;
        if (reason != null) {
            attemptThread.interrupt();
        }
    }

    /** Unbinds the attempt's thread once the attempt has returned, so a late cancel cannot hit its next task. */
    synchronized void unbind() {
        this.thread = null;
    }

    @Override
    public boolean isCancelled() {
        return reason != null;
    }

    @Override
    public Registration onCancel(Runnable callback) {
        synchronized (this) {
            if (reason == null) {
                if (callbacks == null) {
                    callbacks = new ArrayList<>();
                }
                callbacks.add(callback);
                return () -> {
                    synchronized (CancelScope.this) {
                        if (callbacks != null) {
                            callbacks.remove(callback);
                        }
                    }
                };
            }
        }
        runQuietly(callback);
        return () -> {
        };
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable ignored) {
            // The contract says callbacks must not throw; one that does must not stop the others.
        }
    }
}
