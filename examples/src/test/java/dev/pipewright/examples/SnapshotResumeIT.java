package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Habitat snapshots (`snapshot = true`) through the real CLI and a real Docker engine. */
class SnapshotResumeIT {

    @TempDir
    Path work;

    @TempDir
    Path host;

    @AfterEach
    void removeWhatTheRunsLeft() throws Exception {
        if (!Docker.answers()) {
            return;
        }
        for (String run : runIds()) {
            for (String id : ids(Docker.docker("ps", "-aq", "--filter", "label=pipewright.run=" + run))) {
                Docker.docker("rm", "-f", id);
            }
            for (String id : ids(Docker.docker("images", "-aq", "--filter", "label=pipewright.run=" + run))) {
                Docker.docker("rmi", "-f", id);
            }
        }
    }

    @Test
    void aResumedRunStartsItsBuildContainerFromTheSnapshotInsteadOfRepeatingTheSetup() throws Exception {
        Docker.requireEngine();
        String pipeline = Cli.resource("resume/habitat-snapshot.pipeline").toString();
        Files.writeString(host.resolve("break"), "");
        Cli.Result failed = new Cli(work).run("run", "--output", "plain", pipeline, "-p", "host=" + host, "-p", "break=break");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stdout()).contains("✔ setup").contains("✖ build failed");
        String first = runIds().get(0);
        List<String> snapshots = ids(Docker.docker("images", "-q", "--filter", "label=pipewright.run=" + first,
                "--filter", "label=pipewright.stage=setup"));
        assertThat(snapshots).as("the snapshot the setup took").hasSize(1);
        assertThat(Docker.docker("ps", "-aq", "--filter", "label=pipewright.run=" + first).strip())
                .as("the failed run's build container is gone").isEmpty();

        Files.delete(host.resolve("break"));
        Cli.Result resumed = new Cli(work).run("run", "--output", "plain", "--resume", pipeline, "-p", "host=" + host,
                "-p", "break=break");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.stdout()).contains("✔ start-build-container").contains("↺ setup reused from run " + first)
                .contains("build │ found tools").contains("✔ build");
        assertThat(Files.readAllLines(host.resolve("setup-runs"))).as("the setup ran once").containsExactly("ran");
        assertThat(new Cli(work).run("explain", "latest", "setup").stdout())
                .containsPattern("setup +reused setup from run " + first + " \\(fingerprint [0-9a-f]{12}\\) from its snapshot sha256:");
        assertThat(Docker.docker("ps", "-aq", "--filter", "label=pipewright.run=" + runIds().get(1)).strip())
                .as("the resumed run's build container is removed").isEmpty();
    }

    @Test
    void gcRemovesTheSupersededSnapshotKeepsTheOneResumeStartsFromAndTouchesNoOtherImage() throws Exception {
        Docker.requireEngine();
        String pipeline = Cli.resource("resume/habitat-snapshot.pipeline").toString();
        Files.writeString(host.resolve("break"), "");
        String[] failing = {"run", "--output", "plain", pipeline, "-p", "host=" + host, "-p", "break=break"};
        assertThat(new Cli(work).run(failing).exitCode()).isEqualTo(1);
        assertThat(new Cli(work).run(failing).exitCode()).as("a second run, not resumed: it takes its own snapshot").isEqualTo(1);
        String first = runIds().get(0);
        String second = runIds().get(1);
        String superseded = snapshotOf(first);
        String latest = snapshotOf(second);
        String bystander = imageLabelledLikeASnapshotOf(first);

        Cli.Result gc = new Cli(work).run("gc");

        assertThat(gc.exitCode()).as(gc.toString()).isZero();
        assertThat(gc.stdout())
                .contains("removed snapshot " + shortId(superseded) + " of run " + first + ", stage setup (superseded: the latest run of habitat-snapshot, "
                        + second + " (failed), does not use it)")
                .contains("kept snapshot " + shortId(latest) + " of run " + second + ", stage setup (the next `pipewright run --resume` "
                        + "of habitat-snapshot starts from it: its run is the latest, and failed)")
                .contains("gc: removed 1 resource");
        assertThat(imageExists(superseded)).isFalse();
        assertThat(imageExists(latest)).isTrue();
        assertThat(imageExists(bystander)).as("an image that only carries the run's labels").isTrue();
        assertThat(imageExists("local/busybox:test")).as("the base image").isTrue();

        Files.delete(host.resolve("break"));
        Cli.Result resumed = new Cli(work).run("run", "--output", "plain", "--resume", pipeline, "-p", "host=" + host,
                "-p", "break=break");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.stdout()).contains("↺ setup reused from run " + second);
        assertThat(Files.readAllLines(host.resolve("setup-runs"))).as("the setup ran in the two failed runs only")
                .containsExactly("ran", "ran");

        assertThat(new Cli(work).run("gc").stdout()).as("the resumed run, now the latest, started from it")
                .contains("kept snapshot " + shortId(latest) + " of run " + second + ", stage setup (the next `pipewright run --resume` "
                        + "of habitat-snapshot starts from it: the latest run, " + runIds().get(2) + " (succeeded), reused it)");
        assertThat(imageExists(latest)).isTrue();
        Cli.Result elsewhere = new Cli(host).run("gc", "--snapshots", "all");
        assertThat(elsewhere.stdout()).as("gc of another state directory").contains("left alone: snapshots of runs recorded under "
                + work.resolve(".pipewright/runs") + " (" + second + "); run gc with --state-dir " + work + " for them");
        assertThat(imageExists(latest)).isTrue();
        Cli.Result all = new Cli(work).run("gc", "--snapshots", "all");
        assertThat(all.stdout()).contains("removed snapshot " + shortId(latest) + " of run " + second + ", stage setup (--snapshots all)");
        assertThat(imageExists(latest)).isFalse();
        assertThat(imageExists(bystander)).isTrue();
    }

    /** The snapshot image the setup of {@code run} took. */
    private static String snapshotOf(String run) throws Exception {
        List<String> ids = ids(Docker.docker("images", "-q", "--no-trunc", "--filter", "label=pipewright.run=" + run,
                "--filter", "label=pipewright.snapshot=true"));
        assertThat(ids).as("the snapshot of run " + run).hasSize(1);
        return ids.get(0);
    }

    /** An image of another tool that carries the run's labels, but is no snapshot; removed with the run's images. */
    private static String imageLabelledLikeASnapshotOf(String run) throws Exception {
        String container = Docker.docker("create", "local/busybox:test", "true").strip();
        try {
            return Docker.docker("commit", "-c", "LABEL pipewright.run=" + run + " pipewright.stage=setup", container).strip();
        } finally {
            Docker.docker("rm", "-f", container);
        }
    }

    private static boolean imageExists(String image) throws Exception {
        return Docker.exec("docker", "image", "inspect", image).exitCode() == 0;
    }

    private static String shortId(String id) {
        return id.substring("sha256:".length(), "sha256:".length() + 12);
    }

    private List<String> runIds() throws IOException {
        Path runs = work.resolve(".pipewright/runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> ids(String output) {
        String text = output.strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
    }
}
