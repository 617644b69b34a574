package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class CrashReportTest {

    @TempDir
    Path tmp;

    @Test
    void anUnexpectedFailureIsOneLineAndAFileWithTheStackTrace() throws Exception {
        StringWriter err = new StringWriter();

        int exit = CrashReport.report("check", new IllegalStateException("index 3 out of bounds"), new PrintWriter(err), tmp);

        assertThat(exit).isEqualTo(Main.EXIT_FAILED);
        assertThat(err.toString())
                .startsWith("pipewright check: internal error: java.lang.IllegalStateException: index 3 out of bounds")
                .doesNotContain("\tat ");
        Matcher file = Pattern.compile("the details are in (\\S+);").matcher(err.toString());
        assertThat(file.find()).as(err.toString()).isTrue();
        assertThat(Path.of(file.group(1))).hasParent(tmp);
        assertThat(Files.readString(Path.of(file.group(1))))
                .contains("IllegalStateException: index 3 out of bounds").contains("\tat dev.pipewright.cli.CrashReportTest");
    }

    @Test
    void withNowhereToWriteTheDetailsTheyGoToTheTerminal() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "");
        StringWriter err = new StringWriter();

        CrashReport.report("runs", new IllegalStateException("boom"), new PrintWriter(err), notADirectory);

        assertThat(err.toString()).contains("could not be written to " + notADirectory).contains("\tat ");
    }

    @Test
    void aCommandThatThrowsThroughPicocliGetsTheReportNotAStackTrace() {
        CommandLine commandLine = Main.commandLine();
        commandLine.addSubcommand("boom", CommandSpec.wrapWithoutInspection((Runnable) () -> {
            throw new IllegalStateException("unexpected");
        }));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("boom");

        assertThat(exit).isEqualTo(Main.EXIT_FAILED);
        assertThat(err.toString()).startsWith("pipewright boom: internal error: java.lang.IllegalStateException: unexpected")
                .doesNotContain("\tat ");
    }
}
