package dev.pipewright.cli.plugins;

import static dev.pipewright.engine.plugins.StagePluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.plugins.PluginJarBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipewright stages}, run as a process against real plugin jars. */
class StagesCommandTest {

    private static final String WEATHER_SCHEMA = """
            StageSchema.builder("Reads the weather for a city")
                .required("city", ValueType.STRING, "the city to ask about")
                .optional("units", ValueType.STRING, "metric", "metric or imperial")
                .optional("wait", ValueType.DURATION, java.time.Duration.ofSeconds(90), "how long to wait for the answer")
                .optional("headers", ValueType.MAP, Map.of(), "extra request headers")
                .output("temperature", ValueType.NUMBER, "degrees in the chosen units")
                .build()""";

    @TempDir
    static Path home;

    @TempDir
    static Path plugins;

    @BeforeAll
    static void installPlugins() {
        PluginJarBuilder.jar("weather-plugin.jar").version("2.1.0")
                .plugin(plugin("weather.WeatherPlugin", "weather")
                        .stageType("forecast", WEATHER_SCHEMA, "return Map.of();")
                        .stageType("alerts", "StageSchema.builder(\"Lists the weather alerts\").build()", "return Map.of();"))
                .writeTo(plugins);
    }

    @Test
    void listsEveryStageTypeWithNamespaceNamePluginAndDescription() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "--plugins", plugins.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).first().asString().matches("NAMESPACE +NAME +PLUGIN +DESCRIPTION");
        assertThat(result.out()).containsPattern("weather +forecast +weather-plugin\\.jar 2\\.1\\.0 +Reads the weather for a city\n")
                .containsPattern("weather +alerts +weather-plugin\\.jar 2\\.1\\.0 +Lists the weather alerts\n");
    }

    @Test
    void showsTheParametersAndOutputsOfOneStageType() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "weather.forecast", "--plugins", plugins.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("weather.forecast: Reads the weather for a city\nplugin: weather-plugin.jar 2.1.0 (" + plugins.resolve("weather-plugin.jar") + ")\n")
                .containsPattern("NAME +TYPE +REQUIRED +DEFAULT +DESCRIPTION")
                .containsPattern("city +string +yes +- +the city to ask about")
                .containsPattern("units +string +no +\"metric\" +metric or imperial")
                .containsPattern("wait +duration +no +1m30s +how long to wait for the answer")
                .containsPattern("headers +map +no +\\{} +extra request headers")
                .containsPattern("temperature +number +degrees in the chosen units");
    }

    @Test
    void listsAsJsonWithNamespaceNamePluginDescriptionParametersAndOutputs() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "--format", "json", "--plugins", plugins.toString());

        assertThat(result.exitCode()).isZero();
        JsonNode list = new ObjectMapper().readTree(result.out());
        assertThat(list.isArray()).isTrue();
        JsonNode forecast = null;
        for (JsonNode type : list) {
            assertThat(type.fieldNames()).toIterable().contains("namespace", "name", "plugin", "description", "parameters", "outputs");
            if (type.get("name").asText().equals("forecast")) {
                forecast = type;
            }
        }
        assertThat(forecast).isNotNull();
        assertThat(forecast.get("namespace").asText()).isEqualTo("weather");
        assertThat(forecast.get("plugin").get("name").asText()).isEqualTo("weather-plugin.jar");
        assertThat(forecast.get("plugin").get("version").asText()).isEqualTo("2.1.0");
        assertThat(forecast.get("parameters").get(0).toString())
                .isEqualTo("{\"name\":\"city\",\"type\":\"string\",\"required\":true,\"default\":null,\"description\":\"the city to ask about\"}");
        assertThat(forecast.get("parameters").get(2).get("default").asText()).isEqualTo("1m30s");
        assertThat(forecast.get("outputs").get(0).get("name").asText()).isEqualTo("temperature");
    }

    @Test
    void showsOneStageTypeAsJsonToo() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "weather.alerts", "--format", "json", "--plugins", plugins.toString());

        JsonNode list = new ObjectMapper().readTree(result.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("type").asText()).isEqualTo("weather.alerts");
    }

    @Test
    void anUnknownStageTypeIsAnErrorWithASuggestion() throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "weather.forcast", "--plugins", plugins.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: unknown stage type `weather.forcast`; did you mean `weather.forecast`?"
                + " (`pipewright stages` lists them all)\n");
    }

    @Test
    void findsPluginsThroughTheEnvironmentAndTheHomeDirectory() throws Exception {
        Path userHome = Files.createDirectories(home.resolve("user"));
        Path own = userHome.resolve(".pipewright").resolve("plugins");
        PluginJarBuilder.jar("mine.jar").plugin(plugin("mine.Plugin", "mine").stageType("thing", "return Map.of();")).writeTo(own);
        Path other = Files.createDirectories(home.resolve("other"));
        PluginJarBuilder.jar("theirs.jar").plugin(plugin("theirs.Plugin", "theirs").stageType("thing", "return Map.of();")).writeTo(other);

        CliProcess.Result result = CliProcess.run(userHome,
                Map.of("PIPEWRIGHT_PLUGINS", plugins + File.pathSeparator + other), "stages");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("mine.jar", "theirs.jar", "weather-plugin.jar");
    }

    @Test
    void pluginProblemsAreErrorLinesNamingTheJarAndTheRestIsStillListed() throws Exception {
        Path mixed = Files.createDirectories(home.resolve("mixed"));
        PluginJarBuilder.jar("broken.jar").provider("gone.Plugin").writeTo(mixed);
        PluginJarBuilder.jar("fine.jar").plugin(plugin("fine.Plugin", "fine").stageType("thing", "return Map.of();")).writeTo(mixed);

        CliProcess.Result result = CliProcess.run(home, Map.of(), "stages", "--plugins", mixed.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: plugin " + mixed.resolve("broken.jar") + " (provider gone.Plugin): ")
                .contains("gone.Plugin not found").doesNotContain("\tat ");
        assertThat(result.out()).containsPattern("fine +thing +fine\\.jar");
    }
}
