package dev.pipewright.engine.run;

import dev.pipewright.engine.expr.Values;
import dev.pipewright.engine.plugins.StageTypeHandle;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one attempt on a thread of its own and waits for it, its timeout, or its cancellation.
 * When the attempt is cancelled (timeout, failing sibling, run cancelled), it fires the attempt's
 * {@link CancelScope} (callbacks, then interrupt) and waits up to {@link RunServices#STAGE_GRACE}
 * for the attempt to end; an attempt that does not end by then is abandoned and reported.
 */
final class AttemptRunner {

    private AttemptRunner() {
    }

    /** How an attempt ended. */
    record Outcome(Map<String, Object> outputs, String error, boolean retryable, boolean timedOut, CancelReason cancelled) {
        boolean succeeded() {
            return outputs != null;
        }
    }

    static Outcome run(RunServices services, StageType type, AttemptContext context, CancelScope scope,
            Duration timeout) throws InterruptedException {
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        boolean abandoned = false;
        if (runsInline(type)) {
            // The scheduling thread runs it; a timeout interrupts that thread through the scope.
            ScheduledFuture<?> timer = timeout == null ? null : services.timers.schedule(
                    () -> scope.cancel(timedOut(context.stageName(), timeout)), timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                attempt(type, context, scope, result);
            } finally {
                if (timer != null) {
                    timer.cancel(false);
                }
            }
        } else {
            services.threads.execute(() -> attempt(type, context, scope, result));
            waitFor(result, scope, timeout, context.stageName());
            if (scope.reason() != null && !result.isDone()) {
                abandoned = !awaitGrace(services, result);
            }
        }
        CancelReason reason = scope.reason();
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return new Outcome(outputsOf(result), null, false, false, null);
        }
        String stopped = abandoned ? " (it did not stop within the " + Values.duration(RunServices.STAGE_GRACE)
                + " grace period and was abandoned)" : "";
        if (reason != null) {
            boolean timedOut = reason.kind() == CancelReason.Kind.STAGE_TIMEOUT;
            String where = timedOut ? StageTypeHandle.pluginOf(type) : "";
            return new Outcome(null, reason.message() + where + stopped, timedOut, timedOut, timedOut ? null : reason);
        }
        return failure(type, context, result);
    }

    /** The engine's own non-blocking types, directly or behind the plugin registry's handle. */
    private static boolean runsInline(StageType type) {
        StageType inner = type instanceof StageTypeHandle handle && handle.plugin().builtIn() ? handle.delegate() : type;
        return inner instanceof NonBlocking && inner.getClass().getClassLoader() == AttemptRunner.class.getClassLoader();
    }

    private static void attempt(StageType type, AttemptContext context, CancelScope scope,
            CompletableFuture<Map<String, Object>> result) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(type.getClass().getClassLoader());
        scope.bind(thread);
        try {
            Map<String, Object> outputs = type.run(context);
            result.complete(outputs == null ? Map.of() : outputs);
        } catch (Throwable e) {
            result.completeExceptionally(e);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            scope.unbind();
            Thread.interrupted();
            thread.setContextClassLoader(previous);
        }
    }

    /** Waits for the attempt to end, its scope to be cancelled, or its timeout (which cancels it). */
    private static void waitFor(CompletableFuture<Map<String, Object>> result, CancelScope scope, Duration timeout,
            String stageName) throws InterruptedException {
        CompletableFuture<Object> either = CompletableFuture.anyOf(result, scope.signal());
        try {
            if (timeout == null) {
                either.get();
            } else {
                either.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            // The attempt threw: read below.
        } catch (TimeoutException e) {
            scope.cancel(timedOut(stageName, timeout));
        }
    }

    private static CancelReason timedOut(String stageName, Duration timeout) {
        return new CancelReason(CancelReason.Kind.STAGE_TIMEOUT,
                "stage `" + stageName + "` timed out after " + Values.duration(timeout));
    }

    /** @return whether the attempt ended within the grace period */
    private static boolean awaitGrace(RunServices services, CompletableFuture<Map<String, Object>> result)
            throws InterruptedException {
        try {
            CompletableFuture.anyOf(result, services.abandon)
                    .get(RunServices.STAGE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // Ended by throwing: that is ending.
        } catch (TimeoutException e) {
            return false;
        }
        return result.isDone();
    }

    private static Map<String, Object> outputsOf(CompletableFuture<Map<String, Object>> result) {
        return result.getNow(Map.of());
    }

    private static Outcome failure(StageType type, AttemptContext context,
            CompletableFuture<Map<String, Object>> result) {
        Throwable error;
        try {
            result.get();
            throw new IllegalStateException("not a failure");
        } catch (ExecutionException e) {
            error = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e;
        }
        if (error instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (error instanceof StageFailure failure) {
            return new Outcome(null, failure.getMessage(), failure.retryable(), false, null);
        }
        String what = context.stageType() + " (" + type.getClass().getName() + ")";
        if (error instanceof InterruptedException) {
            return new Outcome(null, what + " was interrupted without being cancelled", true, false, null);
        }
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        String described = what + " failed with " + error.getClass().getSimpleName() + message;
        // A non-fatal Error (LinkageError, AssertionError) means a broken plugin: retrying will not help.
        return new Outcome(null, described, !(error instanceof Error), false, null);
    }
}
