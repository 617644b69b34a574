package com.example.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.testkit.TestStageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code http.get} against a real HTTP server on 127.0.0.1. */
class GetStageTest {

    private final GetStage get = new GetStage();
    private HttpServer server;
    /** Lets the handler of {@code /hang} answer (with nothing), once the test is over. */
    private final CountDownLatch released = new CountDownLatch(1);

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = ("hello " + exchange.getRequestHeaders().getFirst("X-Name")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/hang", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        released.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A call of {@code http.get} as the engine would make it: arguments checked against the schema, defaults filled in. */
    private TestStageContext context(Map<String, ?> arguments) {
        return TestStageContext.builder("http", get).arguments(arguments).directory(dir).build();
    }

    @Test
    void returnsStatusBodyAndContentType() throws Exception {
        TestStageContext context = context(Map.of("url", url("/hello"), "headers", Map.of("X-Name", "ada")));

        Map<String, Object> outputs = context.run();

        assertThat(outputs).containsEntry("status-code", 200L).containsEntry("body", "hello ada").containsEntry("content-type", "text/plain");
        assertThat(context.stdout()).containsExactly("GET " + url("/hello") + " -> 200 (9 characters)");
        assertThat(context.progressReports()).extracting(TestStageContext.Progress::message).containsExactly("GET " + url("/hello"));
    }

    @Test
    void aServerErrorIsRetryableAndANotFoundIsNot() {
        assertThatThrownBy(() -> context(Map.of("url", url("/broken"))).run())
                .isInstanceOf(StageFailure.class).hasMessage("GET " + url("/broken") + " answered 503, expected 200")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isTrue());
        assertThatThrownBy(() -> context(Map.of("url", url("/missing"))).run())
                .isInstanceOf(StageFailure.class).hasMessage("GET " + url("/missing") + " answered 404, expected 200")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isFalse());
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/";

        assertThatThrownBy(() -> context(Map.of("url", url)).run())
                .isInstanceOf(StageFailure.class).hasMessageStartingWith("GET " + url + " failed")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isTrue());
    }

    @Test
    void aUrlThatIsNotHttpIsAPermanentFailure() {
        assertThatThrownBy(() -> context(Map.of("url", "ftp://example.org/")).run())
                .isInstanceOf(StageFailure.class).hasMessage("`url` must start with http:// or https://, not `ftp://example.org/`");
    }

    @Test
    @Timeout(30)
    void aCancelledGetEndsWithoutWaitingForTheServer() throws Exception {
        TestStageContext context = context(Map.of("url", url("/hang")));
        context.cancellation().cancelAfter(Duration.ofMillis(300));

        TestStageContext.Outcome outcome = context.runAttempt();

        assertThat(outcome.failure()).isInstanceOf(InterruptedException.class);
        assertThat(released.getCount()).as("the server never answered").isEqualTo(1);
    }
}
