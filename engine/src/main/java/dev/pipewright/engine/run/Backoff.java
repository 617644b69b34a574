package dev.pipewright.engine.run;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between attempts: the stage's {@code backoff} (default 1s) after the first failure,
 * doubling after each further one, plus up to 20% jitter (so stages that failed together do not
 * retry in lock step), never more than a minute. Since the jitter only adds and the base doubles,
 * each delay is longer than the one before until the cap.
 */
final class Backoff {

    static final Duration DEFAULT_FIRST = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofMinutes(1);

    private Backoff() {
    }

    /** The delay after attempt {@code failedAttempt} (1 for the first) failed. */
    static Duration delay(Duration first, int failedAttempt) {
        long base = first.toMillis();
        for (int i = 1; i < failedAttempt && base < CAP.toMillis(); i++) {
            base *= 2;
        }
        long jittered = base + (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.min(jittered, CAP.toMillis()));
    }
}
