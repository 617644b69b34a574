package dev.pipewright.stages.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GitPluginTest {

    @Test
    void isFoundThroughServiceLoaderWithFourDescribedStageTypes() {
        StagePlugin plugin = ServiceLoader.load(StagePlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.namespace().equals("git")).findFirst().orElseThrow();

        assertThat(plugin.stageTypes()).extracting(StageType::name).containsExactly("clone", "fetch", "checkout", "info");
        assertThat(plugin.stageTypes()).allSatisfy(type -> {
            assertThat(type.schema().description()).isNotBlank();
            assertThat(type.schema().parameters()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
            assertThat(type.schema().outputs()).isNotEmpty().allSatisfy(o -> assertThat(o.description()).isNotBlank());
        });
    }
}
