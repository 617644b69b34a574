package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.cli.plugins.CliProcess;
import java.nio.file.Path;
import java.util.Map;
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
    void stagesShowsTheParametersOfHttpGetAsJson() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "http.get", "--format", "json", "--plugins", plugins.toString());

        JsonNode type = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(type.get("plugin").get("name").asText()).isEqualTo("plugin-example.jar");
        assertThat(type.get("parameters").findValuesAsText("name")).containsExactly("url", "headers", "expect-status");
        assertThat(type.get("outputs").findValuesAsText("name")).containsExactly("status-code", "body", "content-type");
    }
}
