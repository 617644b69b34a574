package dev.pipewright.stages.git;

import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Turns JGit's tasks ("Receiving objects", "Resolving deltas", "Checking out files") into progress
 * reports, and lets JGit see the attempt's cancellation: JGit polls {@link #isCancelled()} between
 * objects and files and aborts the transfer or the checkout when it returns true.
 *
 * <p>A report goes out when a task begins, when it ends, and in between when the whole percent
 * changed and at least {@link #MIN_INTERVAL_NANOS} passed: a pack of a million objects would
 * otherwise send a million reports. JGit may call from several threads, hence the locking.
 */
final class JGitProgress implements ProgressMonitor {

    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final ProgressReporter reporter;
    private final Cancellation cancellation;
    private final Redactor redactor;

    private String task;
    private int total;
    private long done;
    private int reportedPercent;
    private long reportedAt;

    JGitProgress(ProgressReporter reporter, Cancellation cancellation, Redactor redactor) {
        this.reporter = reporter;
        this.cancellation = cancellation;
        this.redactor = redactor;
    }

    @Override
    public void start(int totalTasks) {
        // The number of tasks is not known up front in a way that helps a bar; each task has its own.
    }

    @Override
    public synchronized void beginTask(String title, int totalWork) {
        task = redactor.mask(title);
        total = totalWork;
        done = 0;
        reportedPercent = total > 0 ? 0 : -1;
        reportedAt = System.nanoTime();
        reporter.report(total > 0 ? 0.0 : null, task);
    }

    @Override
    public synchronized void update(int completed) {
        done += completed;
        if (total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        long now = System.nanoTime();
        if (percent > reportedPercent && now - reportedAt >= MIN_INTERVAL_NANOS) {
            reportedPercent = percent;
            reportedAt = now;
            reporter.report(percent / 100.0, task);
        }
    }

    @Override
    public synchronized void endTask() {
        // JGit ends a task also when it aborts; only a task that got through its work is at 100%.
        if (task != null && total > 0 && done >= total && reportedPercent < 100) {
            reporter.report(1.0, task);
        }
        task = null;
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    @Override
    public void showDuration(boolean enabled) {
        // Durations are the engine's business (stage events carry them).
    }
}
