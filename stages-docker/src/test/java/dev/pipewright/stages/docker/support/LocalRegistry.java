package dev.pipewright.stages.docker.support;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real registry (Debian's {@code docker-registry}, the CNCF distribution server) on 127.0.0.1,
 * which the engine treats as an insecure registry without configuration: the only way to pull
 * for real on a machine that reaches no public registry.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Process process;
    private final Path root;
    private final int port;

    private LocalRegistry(Process process, Path root, int port) {
        this.process = process;
        this.root = root;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static LocalRegistry start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path root = Files.createTempDirectory("pipewright-registry-");
        Path config = root.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: error
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(root.resolve("data"), port));
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(process, root, port);
        registry.awaitReady();
        return registry;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image names. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Tags {@code source} as {@code host()/name} and pushes it; returns the full reference. */
    public String push(String source, String name) throws InterruptedException {
        String reference = host() + "/" + name;
        int colon = reference.lastIndexOf(':');
        TestDocker.client().tagImageCmd(source, reference.substring(0, colon), reference.substring(colon + 1)).exec();
        TestDocker.client().pushImageCmd(reference.substring(0, colon)).withTag(reference.substring(colon + 1))
                .exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion();
        return reference;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(root.resolve("registry.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("docker-registry did not answer on " + host() + " within 20 s");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
