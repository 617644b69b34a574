package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin as the engine finds it; no engine needed, and loading it must not touch one. */
class DockerPluginTest {

    private final StagePlugin plugin = ServiceLoader.load(StagePlugin.class).stream()
            .map(ServiceLoader.Provider::get).filter(p -> p.namespace().equals("docker")).findFirst().orElseThrow();

    @Test
    void theServiceLoaderFindsEveryDockerStageType() {
        assertThat(plugin.stageTypes()).extracting(StageType::name).containsExactly("image-exists", "pull", "build",
                "run", "start", "exec", "copy", "commit", "logs", "stop", "remove", "tag", "remove-image");
    }

    @Test
    void everyParameterAndOutputIsDescribedInASentence() {
        for (StageType type : plugin.stageTypes()) {
            StageSchema schema = type.schema();
            assertThat(schema.description()).as("docker.%s", type.name()).isNotBlank();
            assertThat(schema.outputs()).as("outputs of docker.%s", type.name()).isNotEmpty();
            schema.parameters().forEach(p -> assertThat(p.description()).as("docker.%s %s", type.name(), p.name()).endsWith("."));
            schema.outputs().forEach(o -> assertThat(o.description()).as("docker.%s %s", type.name(), o.name()).endsWith("."));
        }
    }

    @Test
    void runAndStartShareTheContainerSettings() {
        var run = plugin.stageTypes().stream().filter(t -> t.name().equals("run")).findFirst().orElseThrow().schema();
        var start = plugin.stageTypes().stream().filter(t -> t.name().equals("start")).findFirst().orElseThrow().schema();
        for (String setting : new String[] {"image", "command", "env", "workdir", "user", "volumes", "network", "keep"}) {
            assertThat(run.parameter(setting)).as(setting).isPresent();
            assertThat(start.parameter(setting)).as(setting).isPresent();
        }
        assertThat(run.parameter("allow-failure")).isPresent();
    }
}
