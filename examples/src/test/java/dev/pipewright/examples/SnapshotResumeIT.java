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
            for (String id : ids(Docker.docker("images", "-q", "--filter", "label=pipewright.run=" + run))) {
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
