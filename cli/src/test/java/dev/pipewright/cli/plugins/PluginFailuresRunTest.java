package dev.pipewright.cli.plugins;

import static dev.pipewright.engine.plugins.StagePluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.plugins.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's failure is its stage's failure, named after the plugin, and the run and the other
 * plugins go on: an exception, non-fatal errors, and a hang that ignores interrupts, through
 * {@code pipewright run} with a plugin directory.
 */
class PluginFailuresRunTest {

    @TempDir
    static Path home;

    static Path plugins;

    @BeforeAll
    static void installPlugins() {
        plugins = home.resolve("plugins");
        PluginJarBuilder.jar("flaky.jar").version("1.0")
                .plugin(plugin("flaky.Plugin", "flaky")
                        .stageType("throws", "throw new IllegalStateException(\"disk on fire\");")
                        .stageType("missing-class", "throw new NoClassDefFoundError(\"com/example/Gone\");")
                        .stageType("recurses", "return run(context);")
                        .stageType("hangs", """
                                while (true) {
                                    try {
                                        Thread.sleep(60_000);
                                    } catch (InterruptedException ignored) {
                                        // a badly behaved plugin: it ignores cancellation
                                    }
                                }""")
                        .stageType("cleans-up", """
                                java.nio.file.Path record = context.runDirectory().resolve("cleanup.txt");
                                context.cancellation().onCancel(() -> {
                                    try {
                                        java.nio.file.Files.writeString(record, String.valueOf(Thread.currentThread().getContextClassLoader()));
                                    } catch (java.io.IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                });
                                Thread.sleep(60_000);
                                return Map.of();"""))
                .writeTo(plugins);
        PluginJarBuilder.jar("steady.jar").version("2.0")
                .plugin(plugin("steady.Plugin", "steady").stageType("ok", "return Map.of(\"result\", \"still here\");"))
                .writeTo(plugins);
    }

    private static List<JsonNode> run(String pipeline, CliProcess.Result[] result) throws Exception {
        Path file = Files.writeString(home.resolve("faults.pipeline"), pipeline);
        result[0] = CliProcess.run(home, Map.of(), "run", "--output", "json", "--state-dir", home.toString(),
                "--plugins", plugins.toString(), file.toString());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : result[0].out().lines().toList()) {
            if (line.startsWith("{")) {
                events.add(json.readTree(line));
            }
        }
        return events;
    }

    @Test
    void cleanupCallbacksRunUnderThePluginsClassLoader() throws Exception {
        CliProcess.Result[] result = new CliProcess.Result[1];
        List<JsonNode> events = run("""
                pipeline faults {
                  stage clean { uses = flaky.cleans-up  optional = true  timeout = 500ms }
                }
                """, result);

        assertThat(result[0].exitCode()).as(result[0].err()).isZero();
        String runId = events.get(0).path("run").asText();
        assertThat(home.resolve(".pipewright/runs").resolve(runId).resolve("work/cleanup.txt"))
                .hasContent("PluginClassLoader[flaky.jar]");
    }

    private static JsonNode event(List<JsonNode> events, String type, String stage) {
        return events.stream().filter(e -> e.path("type").asText().equals(type) && e.path("stage").asText().equals(stage))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + stage + " in " + events));
    }

    @Test
    void exceptionsAndNonFatalErrorsFailOnlyTheirStageNamingThePlugin() throws Exception {
        CliProcess.Result[] result = new CliProcess.Result[1];
        List<JsonNode> events = run("""
                pipeline faults {
                  stage throws   { uses = flaky.throws         optional = true }
                  stage linkage  { uses = flaky.missing-class  optional = true }
                  stage recurses { uses = flaky.recurses       optional = true }
                  stage after    { uses = steady.ok }
                }
                """, result);

        assertThat(result[0].exitCode()).as(result[0].err()).isZero();
        assertThat(event(events, "stage:warning", "throws").path("error").asText())
                .isEqualTo("`flaky.throws` (plugin flaky.jar 1.0) failed: IllegalStateException: disk on fire");
        assertThat(event(events, "stage:warning", "linkage").path("error").asText())
                .isEqualTo("`flaky.missing-class` (plugin flaky.jar 1.0) failed: NoClassDefFoundError: com/example/Gone");
        assertThat(event(events, "stage:warning", "recurses").path("error").asText())
                .startsWith("`flaky.recurses` (plugin flaky.jar 1.0) failed: StackOverflowError");
        assertThat(event(events, "stage:complete", "after").path("outputs").path("result").asText()).isEqualTo("still here");
        assertThat(result[0].err()).doesNotContain("\tat ");
    }

    @Test
    void aNonOptionalPluginFailureFailsTheRunWithThePluginsName() throws Exception {
        CliProcess.Result[] result = new CliProcess.Result[1];
        List<JsonNode> events = run("""
                pipeline faults {
                  stage throws { uses = flaky.throws }
                  finally {
                    stage after { uses = steady.ok }
                  }
                }
                """, result);

        assertThat(result[0].exitCode()).isEqualTo(1);
        assertThat(event(events, "stage:error", "throws").path("error").asText()).contains("(plugin flaky.jar 1.0)");
        assertThat(event(events, "stage:complete", "after")).isNotNull();
    }

    @Test
    void aPluginThatHangsPastItsTimeoutFailsItsStageAndTheRunGoesOn() throws Exception {
        CliProcess.Result[] result = new CliProcess.Result[1];
        List<JsonNode> events = run("""
                pipeline faults {
                  stage hangs { uses = flaky.hangs  optional = true  timeout = 500ms }
                  stage after { uses = steady.ok }
                }
                """, result);

        assertThat(result[0].exitCode()).as(result[0].err()).isZero();
        assertThat(event(events, "stage:warning", "hangs").path("error").asText())
                .contains("timed out after 500ms")
                .contains("`flaky.hangs` (plugin flaky.jar 1.0)")
                .contains("abandoned");
        assertThat(event(events, "stage:complete", "after")).isNotNull();
    }
}
