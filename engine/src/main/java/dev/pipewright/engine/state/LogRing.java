package dev.pipewright.engine.state;

import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} log lines, oldest first; older lines fall off. */
final class LogRing {
    private final LogLine[] lines;
    private int next;
    private int size;

    LogRing(int capacity) {
        lines = new LogLine[capacity];
    }

    void add(LogLine line) {
        lines[next] = line;
        next = (next + 1) % lines.length;
        size = Math.min(size + 1, lines.length);
    }

    List<LogLine> toList() {
        List<LogLine> list = new ArrayList<>(size);
        int first = (next - size + lines.length) % lines.length;
        for (int i = 0; i < size; i++) {
            list.add(lines[(first + i) % lines.length]);
        }
        return list;
    }
}
