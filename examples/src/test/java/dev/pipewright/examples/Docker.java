package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker command line, to look at what runs left on the engine from outside Pipewright.
 * Without an engine the calling test is skipped with the reason, or fails under
 * {@code PIPEWRIGHT_REQUIRE_DOCKER=1}.
 */
final class Docker {

    private Docker() {
    }

    /** Whether a Docker engine answers at all (for cleanup that has nothing to do without one). */
    static boolean answers() throws InterruptedException {
        try {
            return exec("docker", "version", "--format", "{{.Server.Version}}").exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireEngine() throws IOException, InterruptedException {
        boolean up;
        try {
            up = exec("docker", "image", "inspect", "local/busybox:test").exitCode == 0;
        } catch (IOException e) {
            up = false;
        }
        if (!up && "1".equals(System.getenv("PIPEWRIGHT_REQUIRE_DOCKER"))) {
            throw new AssertionError("PIPEWRIGHT_REQUIRE_DOCKER=1 but no Docker engine with local/busybox:test answers");
        }
        assumeTrue(up, "no Docker engine with local/busybox:test (run .ci/setup-docker.sh)");
    }

    /** Ids of every container, running or not, labelled with the run. */
    static List<String> containersOfRun(String runId) throws IOException, InterruptedException {
        Exec ps = exec("docker", "ps", "-aq", "--no-trunc", "--filter", "label=pipewright.run=" + runId);
        assertThat(ps.exitCode).as(ps.output).isZero();
        return ps.output.lines().filter(l -> !l.isBlank()).toList();
    }

    static void removeRun(String runId) throws IOException, InterruptedException {
        for (String id : containersOfRun(runId)) {
            exec("docker", "rm", "-f", id);
        }
    }

    static void removeImages(String... images) throws IOException, InterruptedException {
        for (String image : images) {
            exec("docker", "rmi", "-f", image);
        }
    }

    /** The output of a {@code docker} command (standard error included), whatever its exit code. */
    static String docker(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        return exec(command).output;
    }

    record Exec(int exitCode, String output) { }

    static Exec exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Arrays.asList(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end");
        }
        return new Exec(p.exitValue(), out);
    }
}
