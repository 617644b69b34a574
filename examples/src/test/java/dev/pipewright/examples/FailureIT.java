package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline that fails, and a file that fails its checks, through the real CLI. */
class FailureIT {

    @TempDir
    Path work;

    @Test
    void aFailedRunExits1AndShowsTheStageItsErrorAndItsLastLines() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "plain", Cli.resource("failing.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String summary = result.stdout().substring(result.stdout().lastIndexOf("\n\n"));
        assertThat(summary)
                .contains("✖ compile failed: ")
                .contains("exited with code 2")
                .contains("last 10 lines of its output:")
                .contains("compile ! error: unit 12 does not compile")
                .contains("compile │ compiling unit 12")
                .doesNotContain("compiling unit 2\n")
                .contains("✖ failing failed after");
        assertThat(result.stdout()).contains("report │ compile ended as failed").doesNotContain("not reached");
    }

    @Test
    void aFileThatFailsItsChecksRunsNothingAndExits2() throws Exception {
        Path file = Files.writeString(work.resolve("typo.pipeline"), """
                pipeline typo {
                  stage a { uses = core.exec  with { shell = "touch ran" }  tiemout = 5s }
                }
                """);
        Cli.Result result = new Cli(work).run("run", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("typo.pipeline:2:").contains("tiemout").contains("^")
                .contains("nothing was run");
        assertThat(result.stdout()).isEmpty();
        assertThat(work.resolve(".pipewright")).doesNotExist();
    }

    @Test
    void aMissingFileIsOneSentenceWithoutAStackTrace() throws Exception {
        Cli.Result result = new Cli(work).run("run", "no-such.pipeline");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).startsWith("pipewright run: cannot read `no-such.pipeline`")
                .doesNotContain("Exception").doesNotContain("\n");
    }
}
