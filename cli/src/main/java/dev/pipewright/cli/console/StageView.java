package dev.pipewright.cli.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** What the console knows about one stage, built up from its events. Not thread-safe. */
final class StageView {

    enum State { RUNNING, WAITING_TO_RETRY, SUCCEEDED, CACHED, SKIPPED, WARNED, FAILED, TIMED_OUT, CANCELLED;

        boolean ended() {
            return this != RUNNING && this != WAITING_TO_RETRY;
        }
    }

    private final String name;
    private final Deque<OutputLine> tail = new ArrayDeque<>();
    private final int tailCapacity;
    State state = State.RUNNING;
    int attempt = 1;
    Instant startedAt;
    Duration duration;
    Double fraction;
    String progressMessage;
    String error;
    String skipReason;
    /** For a reused stage: the run it was reused from, and the time that saved. */
    String cachedFrom;
    Duration saved;
    long linesLogged;

    StageView(String name, int tailCapacity) {
        this.name = name;
        this.tailCapacity = tailCapacity;
    }

    String name() {
        return name;
    }

    /** A line of a stage's output and the stream it came on ({@code stdout} or {@code stderr}). */
    record OutputLine(String stream, String text) {
    }

    void addLine(String stream, String line) {
        if (tail.size() == tailCapacity) {
            tail.removeFirst();
        }
        tail.addLast(new OutputLine(stream, line));
        linesLogged++;
    }

    /** The last lines of the stage's output, oldest first. */
    List<OutputLine> tail(int lines) {
        List<OutputLine> all = List.copyOf(tail);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** Time spent so far, or the final duration once the stage has ended. */
    Duration elapsed(Instant now) {
        if (duration != null) {
            return duration;
        }
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, now);
    }
}
