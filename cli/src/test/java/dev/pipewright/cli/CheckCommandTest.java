package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void aCleanFileExitsZeroAndSaysOk() throws IOException {
        String file = write("ok.pipeline", "pipeline ok { stage a { uses = core.log  with { message = \"hi\" } } }\n");
        CommandRun run = CommandRun.of("check", file);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ": ok");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyProblemOfEveryFileIsPrintedWithItsLineAndACaret() throws IOException {
        String first = write("a.pipeline", "pipeline a {\n  stage s {\n    uses = core.lgo\n    tiemout = 5m\n  }\n}\n");
        String second = write("b.pipeline", "pipeline b {\n  stage s { uses = core.log\n");
        CommandRun run = CommandRun.of("check", first, second);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(
                first + ":3:12: error: unknown stage type `core.lgo`\n"
                        + "      uses = core.lgo\n"
                        + "             ^^^^^^^^\n"
                        + "  hint: did you mean `core.log`?\n",
                first + ":4:5: error: unknown setting `tiemout` in stage `s`\n",
                second + ":2:28: error: expected `}` to close stage `s`",
                "3 errors found; nothing was run");
    }

    @Test
    void jsonListsEveryDiagnosticWithItsSpan() throws IOException {
        String file = write("a.pipeline", "pipeline a {\n  stage s { uses = core.lgo }\n}\n");
        CommandRun run = CommandRun.of("check", "--format", "json", file);
        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode diagnostics = new ObjectMapper().readTree(run.out());
        assertThat(diagnostics).hasSize(1);
        JsonNode d = diagnostics.get(0);
        assertThat(d.get("file").asText()).isEqualTo(file);
        assertThat(d.get("line").asInt()).isEqualTo(2);
        assertThat(d.get("column").asInt()).isEqualTo(20);
        assertThat(d.get("endLine").asInt()).isEqualTo(2);
        assertThat(d.get("endColumn").asInt()).isEqualTo(27);
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("message").asText()).isEqualTo("unknown stage type `core.lgo`");
        assertThat(d.get("hint").asText()).isEqualTo("did you mean `core.log`?");
    }

    @Test
    void requiredParametersNeedValuesOnlyWhenValuesAreGiven() throws IOException {
        String file = write("p.pipeline", "pipeline p {\n  param tag: string\n  param count: int = 1\n"
                + "  stage s { uses = core.log  with { message = params.tag } }\n}\n");
        assertThat(CommandRun.of("check", file).exitCode()).isZero();
        CommandRun withValues = CommandRun.of("check", file, "-p", "count=two");
        assertThat(withValues.exitCode()).isEqualTo(2);
        assertThat(withValues.err()).contains(
                "p.pipeline:2:9: error: parameter `tag` is required and has no value",
                "p.pipeline:3:9: error: the value given for `count` does not fit its type int: expected a whole number, got `two`");
        assertThat(CommandRun.of("check", file, "-p", "tag=v1", "-p", "count=3").exitCode()).isZero();
    }

    @Test
    void anUnreadableFileIsAClearErrorNotAStackTrace() {
        String missing = dir.resolve("missing.pipeline").toString();
        CommandRun run = CommandRun.of("check", missing);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(missing + ":1:1: error: cannot read `" + missing + "`: no such file")
                .doesNotContain("Exception");
    }

    @Test
    void checkAsARealProcessPrintsTheDiagnosticAndExitsTwo() throws Exception {
        String file = write("a.pipeline", "pipeline a {\n  stage s { uses = core.lgo }\n}\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", file)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains(file + ":2:20: error: unknown stage type `core.lgo`", "  hint: did you mean `core.log`?");
    }
}
