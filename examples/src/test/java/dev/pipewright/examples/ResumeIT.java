package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pipewright run --resume and pipewright explain, through the real CLI, with real processes and containers. */
class ResumeIT {

    @TempDir
    Path work;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> images = new ArrayList<>();

    @AfterEach
    void removeWhatTheRunsLeft() throws Exception {
        if (!Docker.answers()) {
            return;
        }
        for (String run : runIds()) {
            String ids = Docker.docker("ps", "-aq", "--filter", "label=pipewright.run=" + run).strip();
            for (String id : ids.isEmpty() ? new String[0] : ids.split("\\s+")) {
                Docker.docker("rm", "-f", id);
            }
        }
        for (String image : images) {
            Docker.docker("rmi", "-f", image);
        }
    }

    private Cli cli() {
        return new Cli(work);
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

    @Test
    void aFailedRunResumedRunsOnlyFromTheFailedStageOnAndExplainSaysWhy() throws Exception {
        String example = Cli.example("resume.pipeline").toString();
        Cli.Result failed = cli().run("run", "--output", "plain", example, "-p", "fail=true");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        String first = runIds().get(0);

        Cli.Result resumed = cli().run("run", "--output", "plain", "--resume", example);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.stdout())
                .contains("↺ fetch reused from run " + first + " (saved ")
                .contains("↺ build reused from run " + first)
                .contains("↺ version reused from run " + first)
                .contains("▸ publish").contains("publish │ published v1.4")
                .doesNotContain("▸ fetch").doesNotContain("▸ build")
                .contains("(4 of 4 stages succeeded, 3 reused, saving ");
        Cli.Result explained = cli().run("explain", "latest");
        assertThat(explained.exitCode()).as(explained.toString()).isZero();
        assertThat(explained.stdout())
                .containsPattern("fetch +reused fetch from run " + first + " \\(fingerprint [0-9a-f]{12}\\), saving ")
                .contains("publish  ran again because it failed in run " + first + "; argument `shell` changed: "
                        + "\"test true = false && echo published v1.4\" → \"test false = false && echo published v1.4\"");
        Cli.Result oneStage = cli().run("explain", runIds().get(1), "publish");
        assertThat(oneStage.stdout().lines().toList()).hasSize(2);
    }

    @Test
    void resumingARunThatDoesNotExistIsABadUsageAndRunsNothing() throws Exception {
        Cli.Result result = cli().run("run", "--resume", "20990101-000000-000-dead", Cli.example("resume.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("cannot resume run 20990101-000000-000-dead: there is no such run");
        assertThat(runIds()).isEmpty();
        Cli.Result explain = cli().run("explain", "20990101-000000-000-dead");
        assertThat(explain.exitCode()).isEqualTo(2);
        assertThat(explain.stderr()).contains("there is no run 20990101-000000-000-dead");
    }

    @Test
    void theHabitatBuildResumedAfterAFailingSetupCommandSkipsTheStagesBeforeIt() throws Exception {
        Docker.requireEngine();
        String tag = "local/pipewright-resume-it-" + suffix;
        images.add(tag);
        images.add(tag + "-base");
        String pipeline = Cli.resource("resume/habitat-resume.pipeline").toString();
        Cli.Result failed = cli().run("run", "--output", "plain", pipeline, "-p", "tag=" + tag,
                "-p", "app-setup=echo 'npm: not found' >&2; exit 127");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stdout()).contains("✖ setup-app failed");
        String first = runIds().get(0);

        Cli.Result resumed = cli().run("run", "--output", "plain", "--resume", pipeline, "-p", "tag=" + tag);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        for (String before : List.of("check-base-image", "build-base", "prepare-workspace", "start-build-container",
                "setup-tools")) {
            assertThat(resumed.stdout()).contains("↺ " + before + " reused from run " + first)
                    .doesNotContain("▸ " + before + "\n");
        }
        assertThat(resumed.stdout()).contains("▸ setup-app").contains("✔ commit-image").contains("✔ verify");
        assertThat(cli().run("explain", "latest", "setup-app").stdout()).contains(
                "setup-app  ran again because it failed in run " + first + "; argument `command` changed: ");
        assertThat(Docker.docker("ps", "-aq", "--filter", "label=pipewright.run=" + runIds().get(1)).strip())
                .as("the build container, removed once verified").isEmpty();
    }

    @Test
    void theHabitatBuildExampleResumedAfterAFailingSetupCommandSkipsTheStagesBeforeItsContainer() throws Exception {
        Docker.requireEngine();
        String tag = "local/pipewright-resume-example-" + suffix;
        images.add(tag);
        images.add(tag + "-base");
        String example = Cli.example("habitat-build.pipeline").toString();
        Cli.Result failed = cli().run("run", "--output", "plain", example, "-p", "tag=" + tag,
                "-p", "setup=echo 'make: *** [setup] Error 2' >&2; exit 2");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stdout()).contains("✖ run-setup failed");
        String first = runIds().get(0);

        Cli.Result resumed = cli().run("run", "--output", "plain", "--resume", example, "-p", "tag=" + tag);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        for (String before : List.of("check-base-image", "build-base-image", "prepare-workspace",
                "make-demo-repositories", "demo-repositories", "clone-repositories[0]", "clone-repositories[1]")) {
            assertThat(resumed.stdout()).contains("↺ " + before + " reused from run " + first);
        }
        assertThat(resumed.stdout()).contains("✔ run-setup").contains("✔ commit-image");
        Cli.Result explained = cli().run("explain", "latest");
        assertThat(explained.stdout())
                .contains("run-setup ", "ran again because ")
                .containsPattern("start-build-container +ran again because its output from run " + first
                        + " is no longer valid: container [0-9a-f]{12} no longer exists");
    }

    @Test
    void aRemovedImageInvalidatesItsStage() throws Exception {
        Docker.requireEngine();
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM local/busybox:test\nLABEL resume-it=" + suffix + "\n");
        String tag = "local/pipewright-resume-image-" + suffix;
        images.add(tag);
        String pipeline = Cli.resource("resume/image.pipeline").toString();
        String[] run = {"run", "--output", "plain", "--resume", pipeline, "-p", "context=" + context, "-p", "tag=" + tag};
        assertThat(cli().run(run).exitCode()).isZero();
        Cli.Result kept = cli().run(run);
        assertThat(kept.stdout()).contains("↺ build reused").contains("↺ show reused");
        String second = runIds().get(1);

        Docker.docker("rmi", "-f", tag);
        Cli.Result removed = cli().run(run);

        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.stdout()).contains("✔ build (").contains("✔ show (");
        assertThat(cli().run("explain", "latest", "build").stdout())
                .containsPattern("build  ran again because its output from run " + second
                        + " is no longer valid: image sha256:[0-9a-f]{64} no longer exists");
    }
}
