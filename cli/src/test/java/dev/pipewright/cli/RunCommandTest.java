package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code pipewright run} says about mistakes before anything runs: one clear sentence or the
 * checks' diagnostics, exit code 2, and no run directory. Runs in-process: none of these starts a run.
 */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path pipeline(String text) throws IOException {
        return Files.writeString(dir.resolve("p.pipeline"), text);
    }

    private static final String TYPED = """
            pipeline typed {
              param count: int = 1
              param verbose: bool = false
              param wait: duration = 1s
              param names: list = []
              param tag: string
              stage show { uses = core.log  with { message = "${params.count} ${params.names} ${params.tag}" } }
            }
            """;

    private CommandRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--state-dir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandRun.of(all);
    }

    private void nothingRan() {
        assertThat(dir.resolve(".pipewright")).doesNotExist();
    }

    @Test
    void aMissingFileIsOneSentence() {
        CommandRun result = run(dir.resolve("nope.pipeline").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("pipewright run: cannot read `").contains("no such file")
                .doesNotContain("Exception").hasLineCount(1);
        nothingRan();
    }

    @Test
    void aValueThatDoesNotFitItsTypeNamesTheParameter() throws IOException {
        CommandRun result = run("-p", "tag=v1", "-p", "count=many", pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("-p count=many: parameter `count` is of type int").hasLineCount(1);
        nothingRan();
    }

    @Test
    void anUnknownParameterListsTheDeclaredOnes() throws IOException {
        CommandRun result = run("-p", "colour=red", pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("pipeline `typed` has no parameter `colour`")
                .contains("`count`, `verbose`, `wait`, `names`, `tag`");
        nothingRan();
    }

    @Test
    void anAssignmentWithoutEqualsSaysWhatItExpects() throws IOException {
        CommandRun result = run("-p", "tag", pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("-p tag: expected NAME=VALUE");
    }

    @Test
    void aRequiredParameterWithoutAValueFailsTheChecksAndNothingRuns() throws IOException {
        CommandRun result = run(pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("p.pipeline:").contains("tag").contains("nothing was run");
        nothingRan();
    }

    @Test
    void checkErrorsAreReportedAllAtOnceInChecksFormat() throws IOException {
        Path file = pipeline("""
                pipeline broken {
                  stage a { uses = core.lgo }
                  stage b { uses = core.log  with { mesage = "hi" } }
                }
                """);
        CommandRun result = run(file.toString());
        CommandRun check = CommandRun.of("check", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(":2:").contains(":3:").contains("^").contains("3 errors found; nothing was run");
        assertThat(result.err()).isEqualTo(check.err());
        nothingRan();
    }

    @Test
    void aParamsFileInYamlIsReadAndConvertedByType() throws IOException {
        Path params = Files.writeString(dir.resolve("params.yaml"), "count: abc\ntag: v2\n");
        CommandRun result = run("--params-file", params.toString(), pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--params-file " + params + ": parameter `count` is of type int");
    }

    @Test
    void aBrokenParamsFileSaysWhereItIsBroken() throws IOException {
        Path params = Files.writeString(dir.resolve("params.json"), "{\"count\": 1,\n \"tag\": \"v1\"\n");
        CommandRun result = run("--params-file", params.toString(), pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not valid YAML or JSON at line ").contains("expected ',' or '}'").hasLineCount(1);
    }

    @Test
    void aParamsFileThatIsNotAMapIsRefused() throws IOException {
        Path params = Files.writeString(dir.resolve("params.yaml"), "- a\n- b\n");
        CommandRun result = run("--params-file", params.toString(), pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected a map of parameter names to values");
    }

    @Test
    void anUnknownOutputModeListsTheModes() throws IOException {
        CommandRun result = run("--output", "fancy", pipeline(TYPED).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("`fancy` is not an output mode: use auto, tty, plain or json");
    }
}
