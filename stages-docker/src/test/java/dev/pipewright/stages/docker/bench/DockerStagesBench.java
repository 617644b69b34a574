package dev.pipewright.stages.docker.bench;

import dev.pipewright.spi.StageType;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side figures for bench/README.md: the Docker stage types against the docker command
 * line, measured alternately in one run on one engine. Run with bench/docker-stages.sh.
 * Not a test: it times things, which tests must not do on a shared machine.
 */
public final class DockerStagesBench {

    private static final int ROUNDS = Integer.getInteger("rounds", 15);

    public static void main(String[] args) throws Exception {
        Path habitat = Path.of(args.length > 0 ? args[0] : "examples/habitat").toAbsolutePath();
        System.out.printf("engine: %s, image %s, %d rounds (medians, ms)%n",
                TestDocker.engine().endpoint().describe(), TestDocker.IMAGE, ROUNDS);
        runTrue();
        buildHabitat(habitat);
        cancelToGone();
        execCancelToGone();
        sequentialScaling();
        TestDocker.engine().close();
    }

    /** docker.run of `true` against `docker run --rm IMAGE true`. */
    private static void runTrue() throws Exception {
        StageType run = TestDocker.stage("run");
        Path dir = Files.createTempDirectory("bench-");
        for (int i = 0; i < 3; i++) { // warm-up: class loading, JIT, the engine's caches
            stageRun(run, dir);
            cli("docker", "run", "--rm", TestDocker.IMAGE, "true");
        }
        double[] stage = new double[ROUNDS];
        double[] cli = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            stage[i] = stageRun(run, dir);
            cli[i] = cli("docker", "run", "--rm", TestDocker.IMAGE, "true");
        }
        report("docker.run `true`", stage, "docker run --rm IMAGE true", cli);
    }

    private static double stageRun(StageType run, Path dir) throws Exception {
        TestStageContext ctx = TestDocker.context(TestDocker.newRunId(), "true", run,
                Map.of("image", TestDocker.IMAGE, "command", List.of("true")), dir);
        long t0 = System.nanoTime();
        var outcome = ctx.runAttempt();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!outcome.succeeded()) {
            throw new IllegalStateException(outcome.failure());
        }
        return ms;
    }

    /** docker.build of examples/habitat against `docker build`, both without cache. */
    private static void buildHabitat(Path habitat) throws Exception {
        StageType build = TestDocker.stage("build");
        String tag = TestDocker.newImageName();
        int rounds = Math.max(5, ROUNDS / 2);
        double[] stage = new double[rounds];
        double[] cli = new double[rounds];
        try {
            stageBuild(build, habitat, tag);
            cli("docker", "build", "--no-cache", "-q", "-t", tag, habitat.toString());
            for (int i = 0; i < rounds; i++) {
                stage[i] = stageBuild(build, habitat, tag);
                cli[i] = cli("docker", "build", "--no-cache", "-q", "-t", tag, habitat.toString());
            }
        } finally {
            TestDocker.removeImage(tag);
            cli("docker", "image", "prune", "-f", "--filter", "label=org.pipewright.example=habitat");
        }
        report("docker.build examples/habitat (no cache)", stage, "docker build --no-cache (classic builder)", cli);
    }

    private static double stageBuild(StageType build, Path habitat, String tag) throws Exception {
        TestStageContext ctx = TestDocker.context(TestDocker.newRunId(), "build", build,
                Map.of("context", habitat.toString(), "tags", List.of(tag), "no-cache", true), habitat);
        long t0 = System.nanoTime();
        var outcome = ctx.runAttempt();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!outcome.succeeded()) {
            throw new IllegalStateException(outcome.failure());
        }
        return ms;
    }

    /** From the cancellation firing during `sleep 60` to the container being gone from `docker ps -a`. */
    private static void cancelToGone() throws Exception {
        StageType run = TestDocker.stage("run");
        Path dir = Files.createTempDirectory("bench-");
        int rounds = Math.max(5, ROUNDS / 2);
        double[] gone = new double[rounds];
        double[] cli = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            String runId = TestDocker.newRunId();
            TestStageContext ctx = TestDocker.context(runId, "sleeper", run,
                    Map.of("image", TestDocker.IMAGE, "command", List.of("sh", "-c", "echo started; sleep 60")), dir);
            Thread attempt = new Thread(() -> {
                try {
                    ctx.runAttempt();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            attempt.start();
            while (!ctx.stdout().contains("started")) {
                Thread.sleep(5);
            }
            long t0 = System.nanoTime();
            ctx.cancellation().cancel();
            while (!TestDocker.containersOfRun(runId).isEmpty()) {
                Thread.sleep(5);
            }
            gone[i] = (System.nanoTime() - t0) / 1e6;
            attempt.join();

            // The peer: the same container started by the CLI, removed with `docker rm -f`.
            String id = cliOutput("docker", "run", "-d", TestDocker.IMAGE, "sh", "-c", "sleep 60").strip();
            cli[i] = cli("docker", "rm", "-f", id);
        }
        report("cancellation -> container gone", gone, "docker rm -f (running sleep 60)", cli);
    }

    /**
     * From the cancellation firing during a docker.exec of `sleep 60` to the attempt's end, when
     * the command is gone from the container; the peer is what a person would type to stop it,
     * one `docker exec BOX kill PID` for a PID already known. Stopping scans /proc, so the curve
     * is over the number of other processes in the container.
     */
    private static void execCancelToGone() throws Exception {
        Path dir = Files.createTempDirectory("bench-");
        String runId = TestDocker.newRunId();
        String box = (String) TestDocker.context(runId, "box", TestDocker.stage("start"),
                Map.of("image", TestDocker.IMAGE, "network", "none"), dir).run().get("container");
        int rounds = Math.max(5, ROUNDS / 2);
        System.out.println();
        System.out.println("| other processes in the container | docker.exec cancellation -> command gone (median ms)"
                + " | docker exec BOX kill PID (median ms) | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        try {
            int running = 0;
            for (int others : new int[] {0, 50, 200}) {
                cli("docker", "exec", "-d", box, "sh", "-c",
                        "for i in $(seq " + (others - running) + "); do sleep 3600 & done; wait");
                running = others;
                double[] gone = new double[rounds];
                double[] cli = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    gone[i] = execCancel(runId, box, dir);
                    String pid = cliOutput("docker", "exec", box, "sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!").strip();
                    cli[i] = cli("docker", "exec", box, "kill", pid);
                }
                System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |%n", others, median(gone), median(cli),
                        median(gone) / median(cli));
            }
        } finally {
            TestDocker.removeRun(runId);
        }
    }

    private static double execCancel(String runId, String box, Path dir) throws InterruptedException {
        TestStageContext ctx = TestDocker.context(runId, "sleeper", TestDocker.stage("exec"),
                Map.of("container", box, "command", List.of("sh", "-c", "echo started; sleep 60")), dir);
        Thread canceller = new Thread(() -> {
            while (!ctx.stdout().contains("started")) {
                Thread.onSpinWait();
            }
            ctx.cancellation().cancel();
        });
        canceller.start();
        ctx.runAttempt();
        double ms = (System.nanoTime() - ctx.cancellation().firedAtNanos()) / 1e6;
        canceller.join();
        if (!ctx.stderr().isEmpty()) {
            throw new IllegalStateException(String.join("\n", ctx.stderr()));
        }
        return ms;
    }

    /** N sequential docker.run of `true` against N sequential `docker run --rm`. */
    private static void sequentialScaling() throws Exception {
        StageType run = TestDocker.stage("run");
        Path dir = Files.createTempDirectory("bench-");
        System.out.println();
        System.out.println("| N sequential runs of `true` | docker.run total (ms) | docker run --rm total (ms) | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        for (int n : new int[] {1, 5, 10, 20}) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                stageRun(run, dir);
            }
            double stage = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                cli("docker", "run", "--rm", TestDocker.IMAGE, "true");
            }
            double cli = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |%n", n, stage, cli, stage / cli);
        }
    }

    private static double cli(String... command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String cliOutput(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static void report(String what, double[] ours, String peer, double[] theirs) {
        double a = median(ours);
        double b = median(theirs);
        System.out.println();
        System.out.printf(Locale.ROOT, "| %s | median %.0f ms (min %.0f, max %.0f) |%n", what, a, min(ours), max(ours));
        System.out.printf(Locale.ROOT, "| %s | median %.0f ms (min %.0f, max %.0f) |%n", peer, b, min(theirs), max(theirs));
        System.out.printf(Locale.ROOT, "| ratio | %.2f |%n", a / b);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private DockerStagesBench() {
    }
}
