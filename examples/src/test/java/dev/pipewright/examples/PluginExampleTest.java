package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pipewright.cli.plugins.CliProcess;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin, installed in a plugin directory and used through the real CLI. */
class PluginExampleTest {

    @TempDir
    static Path home;

    static Path plugins;

    @BeforeAll
    static void installThePlugin() throws Exception {
        plugins = home.resolve("plugins");
        PluginExampleJar.installInto(plugins);
    }

    @Test
    void stagesListsTheExampleStageTypesWithTheJarAndItsVersion() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "--plugins", plugins.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .containsPattern("text +render +plugin-example\\.jar 0\\.1\\.0-SNAPSHOT +Fills \\{\\{name}} placeholders of a template with values")
                .containsPattern("http +get +plugin-example\\.jar 0\\.1\\.0-SNAPSHOT +Fetches a URL with HTTP GET and returns the response");
    }

    @Test
    void runsThePipelineThatFetchesOverHttpAndRendersATemplate() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/motd", exchange -> {
            // The first request fails with 503: http.get marks it retryable and the stage's retry passes.
            int status = requests.incrementAndGet() == 1 ? 503 : 200;
            byte[] body = (status == 200 ? "all systems go" : "busy").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path pipeline = Path.of(System.getProperty("pluginExample.directory", "plugin-example")).resolve("src/test/resources/fetch-and-render.pipeline");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/motd";

            CliProcess.Result result = CliProcess.run(home, Map.of(), "run", pipeline.toString(), "--output", "json",
                    "--state-dir", home.toString(), "--plugins", plugins.toString(), "-p", "url=" + url);

            assertThat(result.exitCode()).as(result.err()).isZero();
            List<JsonNode> events = events(result.out());
            assertThat(events).anySatisfy(e -> assertThat(e.path("type").asText() + " " + e.path("stage").asText() + " " + e.path("error").asText())
                    .isEqualTo("stage:retry fetch `http.get` (plugin plugin-example.jar 0.1.0-SNAPSHOT): GET " + url + " answered 503, expected 200"));
            JsonNode rendered = events.stream().filter(e -> e.path("type").asText().equals("stage:complete")
                    && e.path("stage").asText().equals("render")).findFirst().orElseThrow().path("outputs");
            assertThat(rendered.path("text").asText()).isEqualTo("Hello ada, the server says: all systems go");
            assertThat(Path.of(rendered.path("file").asText())).hasContent("Hello ada, the server says: all systems go");
            assertThat(requests).hasValue(2);
        } finally {
            server.stop(0);
        }
    }

    private static List<JsonNode> events(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("{")) {
                events.add(json.readTree(line));
            }
        }
        return events;
    }

    @Test
    void stagesShowsTheParametersOfHttpGetAsJson() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "http.get", "--format", "json", "--plugins", plugins.toString());

        JsonNode type = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(type.get("plugin").get("name").asText()).isEqualTo("plugin-example.jar");
        assertThat(type.get("parameters").findValuesAsText("name")).containsExactly("url", "headers", "expect-status");
        assertThat(type.get("outputs").findValuesAsText("name")).containsExactly("status-code", "body", "content-type");
    }
}
