package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What README's first command shows: examples/hello.pipeline through the real CLI. */
class HelloIT {

    @TempDir
    Path work;

    @Test
    void helloSucceedsShowingItsRetryItsWarningAndItsFinally() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "plain", Cli.example("hello.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .contains("▶ hello: 6 stages")
                .contains("greet │ Hello, world!")
                .contains("count │ step 3 of 3")
                .contains("↻ flaky attempt 1 failed")
                .contains("▸ flaky (attempt 2)")
                .contains("✔ flaky (")
                .contains("⚠ lint failed, optional, the run goes on")
                .contains("goodbye │ Goodbye, world: flaky succeeded")
                .contains("✔ hello succeeded in")
                .contains("(5 of 6 stages succeeded, 1 warning)");
        assertThat(result.stdout()).containsPattern("\\[ *\\d+%\\] ✔ count \\(\\d");
    }

    @Test
    void aParameterFromTheCommandLineReachesTheStages() throws Exception {
        Cli.Result result = new Cli(work).run("run", "--output", "plain", "-p", "name=Ada",
                Cli.example("hello.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("greet │ Hello, Ada!").contains("Goodbye, Ada");
    }

    @Test
    void plainOutputHasNoColourWhenNotOnATerminal() throws Exception {
        Cli.Result result = new Cli(work).run("run", Cli.example("hello.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("✔ hello succeeded").doesNotContain("\u001b[");
    }
}
