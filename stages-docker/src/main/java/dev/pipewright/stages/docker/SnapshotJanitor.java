package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.pipewright.spi.GcReport;
import dev.pipewright.spi.SnapshotRetention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the snapshots {@code docker.exec} took (images labelled {@code pipewright.snapshot=true})
 * that the engine's retention rule lets go, for {@code pipewright gc}. Nothing else: built,
 * pulled and committed images never carry that label.
 */
final class SnapshotJanitor {

    private final DockerEngine engine;

    SnapshotJanitor(DockerEngine engine) {
        this.engine = engine;
    }

    GcReport collect(SnapshotRetention retention) {
        // All images, not only the top-level ones: a snapshot that a newer one is built on is an
        // intermediate image, which the default listing hides.
        List<Image> snapshots = new ArrayList<>(Interrupts.clearedWhile(() -> engine.client().listImagesCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.SNAPSHOT, "true"))
                .exec()));
        // Newest first: a snapshot built on an older one usually goes before it (creation times
        // are in seconds, so remove() tries again what a newer one still held).
        snapshots.sort(Comparator.comparing((Image image) -> image.getCreated() == null ? 0L : image.getCreated())
                .reversed().thenComparing(Image::getId));
        List<String> kept = new ArrayList<>();
        List<Doomed> doomed = new ArrayList<>();
        for (Image image : snapshots) {
            Map<String, String> labels = image.getLabels() == null ? Map.of() : image.getLabels();
            SnapshotRetention.Verdict verdict = retention.judge(image.getId(), labels);
            String what = describe(image.getId(), labels);
            switch (verdict.action()) {
                case LEAVE_ALONE -> { }
                case KEEP -> kept.add(what + " (" + verdict.reason() + ")");
                case REMOVE -> {
                    List<String> names = names(image);
                    if (names.isEmpty()) {
                        doomed.add(new Doomed(image.getId(), what, verdict.reason()));
                    } else {
                        kept.add(what + " (it was named " + String.join(", ", names)
                                + " since; gc leaves named images alone)");
                    }
                }
            }
        }
        return remove(doomed, kept);
    }

    /** A snapshot to remove: its id, how the report names it, and why it goes. */
    private record Doomed(String id, String what, String reason) {
    }

    /**
     * Removes the snapshots, passing over them again while a pass removed something: a snapshot
     * that a newer one (removed later in the same pass) was built on can go in the next pass.
     * What something still uses after that is kept, with the engine's reason.
     */
    private GcReport remove(List<Doomed> doomed, List<String> kept) {
        List<String> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Doomed, ConflictException> inUse = new LinkedHashMap<>();
        List<Doomed> pending = new ArrayList<>(doomed);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Iterator<Doomed> it = pending.iterator(); it.hasNext(); ) {
                Doomed snapshot = it.next();
                try {
                    remove(snapshot.id());
                    removed.add(snapshot.what() + " (" + snapshot.reason() + ")");
                    inUse.remove(snapshot);
                    progress = true;
                    it.remove();
                } catch (ConflictException e) {
                    inUse.put(snapshot, e);
                } catch (RuntimeException e) {
                    problems.add(engine.failures().describe(e, "remove " + snapshot.what()));
                    inUse.remove(snapshot);
                    it.remove();
                }
            }
        }
        inUse.forEach((snapshot, e) -> kept.add(snapshot.what() + " (still in use: " + conflict(e) + ")"));
        return new GcReport(removed, kept, problems);
    }

    /** Removes the image, never forced: an image a container or a newer image uses stays. */
    private void remove(String id) {
        Interrupts.clearedWhile(() -> {
            try {
                engine.client().removeImageCmd(id).withForce(false).exec();
            } catch (NotFoundException e) {
                // Removed meanwhile: what gc wanted.
            }
        });
    }

    /** The names someone gave the snapshot (it is taken without one). */
    private static List<String> names(Image image) {
        String[] tags = image.getRepoTags();
        return tags == null ? List.of() : Arrays.stream(tags).filter(tag -> !"<none>:<none>".equals(tag)).toList();
    }

    /** "image has dependent child images", from the engine's "conflict: unable to delete ... - image has ...". */
    private static String conflict(ConflictException e) {
        String text = DockerFailures.engineText(e);
        int dash = text.lastIndexOf(" - ");
        return dash < 0 ? text : text.substring(dash + 3);
    }

    static String describe(String id, Map<String, String> labels) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return "snapshot " + hex.substring(0, Math.min(12, hex.length())) + " of run "
                + labels.getOrDefault(SnapshotRetention.RUN_LABEL, "?") + ", stage "
                + labels.getOrDefault(SnapshotRetention.STAGE_LABEL, "?");
    }
}
