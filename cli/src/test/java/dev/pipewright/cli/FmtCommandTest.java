package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {

    private static final String MESSY = "pipeline p {  # the pipeline\n"
            + "stage a { uses = core.log   with { message = \"hi\" }  timeout=5m }\n"
            + "}\n";
    private static final String CANONICAL = "pipeline p {  # the pipeline\n"
            + "  stage a {\n"
            + "    uses    = core.log\n"
            + "    with {\n"
            + "      message = \"hi\"\n"
            + "    }\n"
            + "    timeout = 5m\n"
            + "  }\n"
            + "}\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void rewritesAFileInTheCanonicalLayoutAndKeepsItsComments() throws IOException {
        Path file = write("a.pipeline", MESSY);
        CommandRun run = CommandRun.of("fmt", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ": reformatted");
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
    }

    @Test
    void formattingTwiceChangesNothingTheSecondTime() throws IOException {
        Path file = write("a.pipeline", MESSY);
        CommandRun.of("fmt", file.toString());
        CommandRun second = CommandRun.of("fmt", file.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
    }

    @Test
    void checkChangesNothingAndNamesTheFilesThatWouldChange() throws IOException {
        Path messy = write("messy.pipeline", MESSY);
        Path tidy = write("tidy.pipeline", CANONICAL);
        CommandRun run = CommandRun.of("fmt", "--check", messy.toString(), tidy.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(messy + ": would be reformatted").doesNotContain("tidy.pipeline");
        assertThat(Files.readString(messy)).isEqualTo(MESSY);
        assertThat(CommandRun.of("fmt", "--check", tidy.toString()).exitCode()).isZero();
    }

    @Test
    void aFileWithSyntaxErrorsIsLeftUntouched() throws IOException {
        String broken = "pipeline p {\n  stage a { uses core.log }\n";
        Path file = write("broken.pipeline", broken);
        CommandRun run = CommandRun.of("fmt", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":2:18: error: expected `=` after `uses`, found `core`",
                file + ": not formatted: fix the syntax errors first");
        assertThat(Files.readString(file)).isEqualTo(broken);
    }
}
