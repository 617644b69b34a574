package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.GcReport;
import dev.pipewright.spi.SnapshotRetention;
import dev.pipewright.spi.SnapshotRetention.Verdict;
import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DockerPlugin.collectSnapshots} on a real engine: snapshots taken as the engine takes them
 * ({@code docker.exec}'s {@code snapshot}), removed or kept as a retention rule says. The rule
 * here names the verdict per snapshot; every image it was not told about (of other tests, other
 * tools) it leaves alone, as the engine's rule does with other state directories.
 */
@RequiresDocker
class SnapshotGcTest {

    private final List<String> runs = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    /** The verdict for each of this test's snapshots; anything else is left alone. */
    private final Map<String, Verdict> verdicts = new HashMap<>();
    /** Every image the plugin asked about. */
    private final Set<String> judged = ConcurrentHashMap.newKeySet();
    private final SnapshotRetention retention = (snapshot, labels) -> {
        judged.add(snapshot);
        return verdicts.getOrDefault(snapshot, Verdict.leaveAlone());
    };

    @TempDir
    Path dir;

    @AfterEach
    void removeLeftovers() {
        runs.forEach(TestDocker::removeRun);
        // Newest first: an older snapshot cannot go while a newer one is built on it.
        for (int i = images.size() - 1; i >= 0; i--) {
            TestDocker.removeImage(images.get(i));
        }
    }

    /** A running container of a run of its own, started as {@code docker.start} starts one. */
    private String box(String image) throws InterruptedException {
        String run = TestDocker.newRunId();
        runs.add(run);
        Outcome started = TestDocker.context(run, "box", TestDocker.stage("start"),
                Map.of("image", image, "network", "none"), dir).runAttempt();
        assertThat(started.failure()).isNull();
        return (String) started.outputs().get("container");
    }

    /** A snapshot of the container, taken as the engine takes it after a {@code snapshot = true} stage. */
    private String snapshot(String container, String run) throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SnapshotRetention.RUN_LABEL, run);
        labels.put(SnapshotRetention.STAGE_LABEL, "setup");
        labels.put("pipewright.state-dir", dir.toString());
        String id = TestDocker.stage("exec").snapshot(new Arguments(Map.of("container", container)), labels).orElseThrow();
        images.add(id);
        return id;
    }

    private static boolean exists(String image) {
        try {
            TestDocker.client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String shortId(String id) {
        return id.substring("sha256:".length(), "sha256:".length() + 12);
    }

    @Test
    void removesTheSnapshotsTheRuleLetsGoAndKeepsTheOthersSayingWhy() throws Exception {
        String box = box(TestDocker.IMAGE);
        String superseded = snapshot(box, "run-a");
        String latest = snapshot(box, "run-b");
        verdicts.put(superseded, Verdict.remove("superseded"));
        verdicts.put(latest, Verdict.keep("the latest run uses it"));

        GcReport report = TestDocker.plugin().collectSnapshots(retention);

        assertThat(report.removed()).containsExactly("snapshot " + shortId(superseded) + " of run run-a, stage setup (superseded)");
        assertThat(report.kept()).containsExactly("snapshot " + shortId(latest) + " of run run-b, stage setup (the latest run uses it)");
        assertThat(report.problems()).isEmpty();
        assertThat(exists(superseded)).isFalse();
        assertThat(exists(latest)).isTrue();
    }

    @Test
    void onlySnapshotsAreConsideredNotTheBaseImageNorAnImageCommittedFromAContainerStartedFromASnapshot() throws Exception {
        String snapshot = snapshot(box(TestDocker.IMAGE), "run-a");
        String fromSnapshot = box(snapshot);
        String tag = TestDocker.newImageName();
        Outcome committed = TestDocker.context(runs.get(runs.size() - 1), "commit", TestDocker.stage("commit"),
                Map.of("container", fromSnapshot, "tag", tag), dir).runAttempt();
        assertThat(committed.failure()).isNull();
        images.add(tag);

        TestDocker.plugin().collectSnapshots(retention);

        assertThat(judged).contains(snapshot)
                .doesNotContain((String) committed.outputs().get("id"))
                .doesNotContain(TestDocker.client().inspectImageCmd(TestDocker.IMAGE).exec().getId());
    }

    @Test
    void aSnapshotANewerOneIsBuiltOnGoesTooOnceItsContainersAreGone() throws Exception {
        String older = snapshot(box(TestDocker.IMAGE), "run-a");
        String newer = snapshot(box(older), "run-b");
        runs.forEach(TestDocker::removeRun);
        verdicts.put(older, Verdict.remove("superseded"));
        verdicts.put(newer, Verdict.remove("superseded"));

        GcReport report = TestDocker.plugin().collectSnapshots(retention);

        assertThat(report.removed()).hasSize(2);
        assertThat(report.problems()).isEmpty();
        assertThat(exists(older)).isFalse();
        assertThat(exists(newer)).isFalse();
    }

    @Test
    void aSnapshotStillInUseIsKeptWithTheEnginesReason() throws Exception {
        String older = snapshot(box(TestDocker.IMAGE), "run-a");
        String running = box(older);
        String newer = snapshot(running, "run-b");
        verdicts.put(older, Verdict.remove("superseded"));
        verdicts.put(newer, Verdict.keep("the latest run uses it"));

        GcReport report = TestDocker.plugin().collectSnapshots(retention);

        assertThat(report.removed()).isEmpty();
        assertThat(report.kept()).contains("snapshot " + shortId(newer) + " of run run-b, stage setup (the latest run uses it)")
                .anySatisfy(line -> assertThat(line).startsWith("snapshot " + shortId(older) + " of run run-a, stage setup (still in use: ")
                        .containsAnyOf("container", "dependent child images"));
        assertThat(report.problems()).isEmpty();
        assertThat(exists(older)).isTrue();
    }

    @Test
    void aSnapshotSomeoneGaveANameIsKept() throws Exception {
        String snapshot = snapshot(box(TestDocker.IMAGE), "run-a");
        String name = TestDocker.newImageName();
        TestDocker.client().tagImageCmd(snapshot, name.substring(0, name.indexOf(':')), "test").exec();
        images.add(name);
        verdicts.put(snapshot, Verdict.remove("superseded"));

        GcReport report = TestDocker.plugin().collectSnapshots(retention);

        assertThat(report.removed()).isEmpty();
        assertThat(report.kept()).containsExactly("snapshot " + shortId(snapshot) + " of run run-a, stage setup (it was named "
                + name + " since; gc leaves named images alone)");
        assertThat(exists(snapshot)).isTrue();
    }

    @Test
    void aSnapshotIsLabelledAsOneAndItsContainerIsNot() throws Exception {
        String box = box(TestDocker.IMAGE);
        String snapshot = snapshot(box, "run-a");

        assertThat(TestDocker.client().inspectImageCmd(snapshot).exec().getConfig().getLabels())
                .containsEntry(ContainerLabels.SNAPSHOT, "true").containsEntry(SnapshotRetention.RUN_LABEL, "run-a")
                .containsEntry("pipewright.state-dir", dir.toString());
        assertThat(TestDocker.client().inspectContainerCmd(box(snapshot)).exec().getConfig().getLabels())
                .containsEntry(ContainerLabels.SNAPSHOT, "false");
    }
}
