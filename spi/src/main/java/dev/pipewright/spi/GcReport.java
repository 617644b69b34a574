package dev.pipewright.spi;

import java.util.List;
import java.util.Objects;

/**
 * What {@link StagePlugin#collectGarbage} found and did: one line per resource, written for the
 * person running {@code pipewright gc}.
 *
 * @param removed what was removed ("container 3f2a1b0c9d8e of run 20261128-1321-ab12, stage build")
 * @param kept what was left on purpose, with the reason (a container started with {@code keep = true},
 *     a snapshot a resume can still start from)
 * @param problems what could not be looked at or removed, with the reason; a non-empty list makes
 *     {@code gc} fail
 */
public record GcReport(List<String> removed, List<String> kept, List<String> problems) {

    /** Nothing found, nothing done. */
    public static final GcReport EMPTY = new GcReport(List.of(), List.of(), List.of());

    public GcReport {
        removed = List.copyOf(Objects.requireNonNull(removed, "removed is null"));
        kept = List.copyOf(Objects.requireNonNull(kept, "kept is null"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems is null"));
    }
}
