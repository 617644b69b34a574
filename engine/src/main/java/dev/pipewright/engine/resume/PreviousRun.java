package dev.pipewright.engine.resume;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stage calls of the run a new run compares itself with: the one it resumes, or, for
 * caching without {@code --resume}, the latest earlier run of the same pipeline.
 */
public final class PreviousRun {

    private final String id;
    private final Map<StageKey, StageRecord> records = new LinkedHashMap<>();

    public PreviousRun(String id, Collection<StageRecord> records) {
        this.id = Objects.requireNonNull(id, "id is null");
        for (StageRecord record : records) {
            if (!record.run().equals(id)) {
                throw new IllegalArgumentException("record of run " + record.run() + " given for run " + id);
            }
            this.records.put(record.key(), record);
        }
    }

    public String id() {
        return id;
    }

    /** The record of that stage call, when the run got as far as it. */
    public Optional<StageRecord> record(StageKey key) {
        return Optional.ofNullable(records.get(key));
    }

    public Collection<StageRecord> records() {
        return records.values();
    }

    /**
     * The records that a call of {@code key} with {@code fingerprint} could reuse (validity
     * aside): the same call first, then other elements of the same {@code for-each} stage, so an
     * element that moved in the list is still found.
     */
    public List<StageRecord> candidates(StageKey key, Fingerprint fingerprint) {
        List<StageRecord> candidates = new ArrayList<>();
        record(key).filter(r -> fingerprint.equals(r.fingerprint())).ifPresent(candidates::add);
        if (key.isElement()) {
            for (StageRecord other : records.values()) {
                if (other.key().stage().equals(key.stage()) && other.key().isElement() && !other.key().equals(key)
                        && fingerprint.equals(other.fingerprint())) {
                    candidates.add(other);
                }
            }
        }
        return candidates;
    }
}
