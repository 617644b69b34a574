package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamValuesTest {

    private static final Pipeline PIPELINE = PipelineParser.parse("p.pipeline", """
            pipeline typed {
              param count: int = 1
              param verbose: bool = false
              param wait: duration = 1s
              param names: list = []
              param repo: map = {}
              param tag: string
              stage show { uses = core.log  with { message = "hi" } }
            }
            """).file().orElseThrow().pipeline();

    @TempDir
    Path dir;

    @Test
    void valuesFromTheCommandLineTakeTheirDeclaredTypes() throws UsageException {
        Map<String, Object> values = ParamValues.resolve(PIPELINE, null, List.of(
                "count=42", "verbose=true", "wait=1h30m", "names=[ada, grace]", "tag=a=b c"));

        assertThat(values).containsEntry("count", 42L).containsEntry("verbose", true)
                .containsEntry("wait", Duration.ofMinutes(90)).containsEntry("names", List.of("ada", "grace"))
                .containsEntry("tag", "a=b c");
    }

    @Test
    void listsAndMapsMayBeInlineJson() throws UsageException {
        Map<String, Object> values = ParamValues.resolve(PIPELINE, null, List.of(
                "names=[\"x\", \"y\"]", "repo={\"url\": \"https://example.com/a.git\", \"depth\": 1}"));

        assertThat(values.get("names")).isEqualTo(List.of("x", "y"));
        assertThat(values.get("repo")).isEqualTo(Map.of("url", "https://example.com/a.git", "depth", 1L));
    }

    @Test
    void theCommandLineWinsOverTheParamsFile() throws UsageException, IOException {
        Path file = Files.writeString(dir.resolve("params.yaml"), "count: 7\ntag: from-file\nwait: 5m\n");

        Map<String, Object> values = ParamValues.resolve(PIPELINE, file, List.of("tag=from-option"));

        assertThat(values).containsEntry("count", 7L).containsEntry("tag", "from-option")
                .containsEntry("wait", Duration.ofMinutes(5));
    }

    @Test
    void aBadDurationNamesTheParameterAndItsType() {
        assertThatThrownBy(() -> ParamValues.resolve(PIPELINE, null, List.of("wait=soon")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("-p wait=soon: parameter `wait` is of type duration: ");
    }

    @Test
    void aMissingParamsFileIsOneSentence() {
        assertThatThrownBy(() -> ParamValues.resolve(PIPELINE, dir.resolve("none.yaml"), List.of()))
                .isInstanceOf(UsageException.class).hasMessageEndingWith("none.yaml: no such file");
    }
}
