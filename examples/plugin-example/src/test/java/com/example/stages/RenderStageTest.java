package com.example.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.testkit.TestStageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderStageTest {

    private final RenderStage render = new RenderStage();

    @TempDir
    Path dir;

    /** A call of {@code text.render} as the engine would make it, with relative paths resolved against {@code dir}. */
    private TestStageContext context(Map<String, ?> arguments) {
        return TestStageContext.builder("text", render).arguments(arguments).directory(dir).build();
    }

    @Test
    void fillsPlaceholdersAndWritesTheFile() throws Exception {
        Files.writeString(dir.resolve("motd.tmpl"), "Welcome to {{ host }}, {{user}}!\n");

        Map<String, Object> outputs = context(Map.of("template-file", "motd.tmpl", "values", Map.of("host", "build-7", "user", "ada"), "into", "out/motd")).run();

        assertThat(outputs).containsEntry("text", "Welcome to build-7, ada!\n")
                .containsEntry("file", dir.resolve("out/motd").toString());
        assertThat(dir.resolve("out/motd")).hasContent("Welcome to build-7, ada!");
    }

    @Test
    void aMissingValueIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> context(Map.of("template", "{{a}} and {{b}}", "values", Map.of("a", 1))).run())
                .isInstanceOf(StageFailure.class)
                .hasMessage("the template uses {{b}} but `values` has no `b`; add it to `values`")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isFalse());
    }

    @Test
    void needsExactlyOneTemplate() {
        assertThatThrownBy(() -> context(Map.of()).run())
                .isInstanceOf(StageFailure.class)
                .hasMessage("text.render needs exactly one of `template` and `template-file`");
    }
}
