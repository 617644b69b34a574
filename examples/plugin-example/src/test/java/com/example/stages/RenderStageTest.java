package com.example.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderStageTest {

    private final RenderStage render = new RenderStage();

    @TempDir
    Path dir;

    @Test
    void fillsPlaceholdersAndWritesTheFile() throws Exception {
        Files.writeString(dir.resolve("motd.tmpl"), "Welcome to {{ host }}, {{user}}!\n");

        Map<String, Object> outputs = render.run(new SimpleContext(render, "text.render",
                Map.of("template-file", "motd.tmpl", "values", Map.of("host", "build-7", "user", "ada"), "into", "out/motd"), dir));

        assertThat(outputs).containsEntry("text", "Welcome to build-7, ada!\n")
                .containsEntry("file", dir.resolve("out/motd").toString());
        assertThat(dir.resolve("out/motd")).hasContent("Welcome to build-7, ada!");
    }

    @Test
    void aMissingValueIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> render.run(new SimpleContext(render, "text.render",
                Map.of("template", "{{a}} and {{b}}", "values", Map.of("a", 1)), dir)))
                .isInstanceOf(StageFailure.class)
                .hasMessage("the template uses {{b}} but `values` has no `b`; add it to `values`")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isFalse());
    }

    @Test
    void needsExactlyOneTemplate() {
        assertThatThrownBy(() -> render.run(new SimpleContext(render, "text.render", Map.of(), dir)))
                .isInstanceOf(StageFailure.class)
                .hasMessage("text.render needs exactly one of `template` and `template-file`");
    }
}
