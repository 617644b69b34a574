package dev.pipewright.engine.state;

import java.time.Instant;

/** One line of a stage's output. */
public record LogLine(Instant time, String stream, String line) {
}
