package dev.pipewright.stages.docker;

import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the engine's pull messages into one fraction: the layers' downloaded bytes over their
 * total bytes. A layer whose size is not known yet counts as the average of the known ones, so
 * the fraction does not jump back when a waiting layer starts; layers already present count as
 * done. The engine first announces every layer ("Already exists", "Pulling fs layer"), then
 * transfers them, so there is no fraction (null) until the first transfer message: before that a
 * layer already present would read as "all done". Not thread-safe: one per pull, fed from the pull's stream.
 */
final class PullProgress {

    /** What one layer has done so far. */
    private static final class Layer {
        long current;
        long total;
        boolean done;
    }

    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String lastStatus;
    private boolean transferring;

    /** Takes one message; returns whether the fraction or the status line changed. */
    boolean accept(PullResponseItem item) {
        Double before = fraction();
        String statusBefore = lastStatus;
        String status = item.getStatus();
        String id = item.getId();
        if (status != null && id != null && isLayerId(id)) {
            Layer layer = layers.computeIfAbsent(id, k -> new Layer());
            transferring |= !status.startsWith("Pulling fs layer") && !status.startsWith("Waiting")
                    && !status.startsWith("Already exists");
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            if (status.startsWith("Downloading") && detail != null && detail.getTotal() != null && detail.getTotal() > 0) {
                layer.total = detail.getTotal();
                layer.current = detail.getCurrent() == null ? 0 : detail.getCurrent();
            } else if (status.startsWith("Download complete") || status.startsWith("Verifying Checksum")
                    || status.startsWith("Extracting")) {
                layer.current = layer.total;
            } else if (status.startsWith("Pull complete") || status.startsWith("Already exists")) {
                layer.current = layer.total;
                layer.done = true;
            }
            lastStatus = summary();
        }
        return !java.util.Objects.equals(before, fraction()) || !java.util.Objects.equals(statusBefore, lastStatus);
    }

    /** The share done, 0..1, or null before the first layer transfer. */
    Double fraction() {
        if (!transferring) {
            return null;
        }
        long knownTotal = 0;
        int known = 0;
        for (Layer layer : layers.values()) {
            if (layer.total > 0) {
                knownTotal += layer.total;
                known++;
            }
        }
        double average = known == 0 ? 1 : (double) knownTotal / known;
        double total = 0;
        double done = 0;
        for (Layer layer : layers.values()) {
            double size = layer.total > 0 ? layer.total : average;
            total += size;
            done += layer.done ? size : Math.min(layer.current, layer.total);
        }
        return total == 0 ? null : Math.min(1.0, done / total);
    }

    /** "2 of 5 layers, 12.3 MB of 40.1 MB". */
    String summary() {
        long doneLayers = layers.values().stream().filter(l -> l.done).count();
        long current = layers.values().stream().mapToLong(l -> l.done ? l.total : Math.min(l.current, l.total)).sum();
        long total = layers.values().stream().mapToLong(l -> l.total).sum();
        String bytes = total > 0 ? ", " + megabytes(current) + " of " + megabytes(total) : "";
        return doneLayers + " of " + layers.size() + " layers" + bytes;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** Layer messages carry a short hex id; the others carry the tag or nothing. */
    private static boolean isLayerId(String id) {
        return id.matches("[0-9a-f]{12}");
    }
}
