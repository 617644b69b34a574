package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git.clone through the real CLI, from a real git daemon, with a password in the URL. */
class GitCloneIT {

    private static final String PASSWORD = "hunter2-Xq9";

    @TempDir
    Path work;
    Path served;
    Process daemon;
    int port;

    @BeforeEach
    void serveARepository() throws Exception {
        served = Files.createDirectories(work.resolve("served"));
        Path source = Files.createDirectories(work.resolve("source"));
        git(source, "init", "-q", "-b", "main");
        Files.writeString(source.resolve("README"), "hello\n");
        git(source, "add", "README");
        git(source, "commit", "-q", "-m", "first");
        git(work, "clone", "-q", "--bare", source.toString(), served.resolve("app.git").toString());
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--base-path=" + served, "--export-all",
                "--listen=127.0.0.1", "--port=" + port, served.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; ; i++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
                break;
            } catch (IOException notYet) {
                assertThat(i).as("git daemon listening on " + port).isLessThan(200);
                Thread.sleep(25);
            }
        }
    }

    @AfterEach
    void stopDaemon() throws InterruptedException {
        daemon.descendants().forEach(ProcessHandle::destroy);
        daemon.destroy();
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }

    @Test
    void clonesWithProgressAndThePasswordNeverReachesTheEventLog() throws Exception {
        Path runs = Files.createDirectories(work.resolve("runs"));
        Cli.Result result = new Cli(runs).env("GIT_PASSWORD", PASSWORD)
                .run("run", "--output", "plain", "-p", "port=" + port, Cli.resource("git-clone.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String commit = git(served.resolve("app.git"), "rev-parse", "main");
        assertThat(result.stdout()).contains("cloned " + commit + " on main");
        Path clone = cloneIn(result.runDirectory());
        assertThat(clone.resolve("README")).hasContent("hello");
        assertThat(result.events()).contains("\"type\":\"stage:progress\"").contains("Checking out files");
        assertThat(result.events()).doesNotContain(PASSWORD);
        assertThat(result.stdout()).doesNotContain(PASSWORD);
        assertThat(result.stderr()).doesNotContain(PASSWORD);
        assertThat(Files.readString(clone.resolve(".git/config"))).doesNotContain(PASSWORD);
    }

    /** The clone's work tree: {@code ${run.dir}/src/app}, somewhere in the run's directory. */
    private static Path cloneIn(Path runDirectory) throws IOException {
        try (var walk = Files.walk(runDirectory)) {
            return walk.filter(p -> p.endsWith(Path.of("src", "app"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no src/app under " + runDirectory));
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(java.util.List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com"));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as("git " + String.join(" ", args) + ": " + output).isZero();
        return output;
    }
}
