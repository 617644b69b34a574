package com.example.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pipewright.spi.StageFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code http.get} against a real HTTP server on 127.0.0.1. */
class GetStageTest {

    private final GetStage get = new GetStage();
    private HttpServer server;

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
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void returnsStatusBodyAndContentType() throws Exception {
        SimpleContext context = new SimpleContext(get, "http.get", Map.of("url", url("/hello"), "headers", Map.of("X-Name", "ada")), dir);

        Map<String, Object> outputs = get.run(context);

        assertThat(outputs).containsEntry("status-code", 200L).containsEntry("body", "hello ada").containsEntry("content-type", "text/plain");
        assertThat(context.logLines).containsExactly("GET " + url("/hello") + " -> 200 (9 characters)");
    }

    @Test
    void aServerErrorIsRetryableAndANotFoundIsNot() {
        assertThatThrownBy(() -> get.run(new SimpleContext(get, "http.get", Map.of("url", url("/broken")), dir)))
                .isInstanceOf(StageFailure.class).hasMessage("GET " + url("/broken") + " answered 503, expected 200")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isTrue());
        assertThatThrownBy(() -> get.run(new SimpleContext(get, "http.get", Map.of("url", url("/missing")), dir)))
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

        assertThatThrownBy(() -> get.run(new SimpleContext(get, "http.get", Map.of("url", url), dir)))
                .isInstanceOf(StageFailure.class).hasMessageStartingWith("GET " + url + " failed")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isTrue());
    }

    @Test
    void aUrlThatIsNotHttpIsAPermanentFailure() {
        assertThatThrownBy(() -> get.run(new SimpleContext(get, "http.get", Map.of("url", "ftp://example.org/"), dir)))
                .isInstanceOf(StageFailure.class).hasMessage("`url` must start with http:// or https://, not `ftp://example.org/`");
    }
}
