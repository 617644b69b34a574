package dev.pipewright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a command says when Pipewright itself fails (an exception no command expected): one line
 * that names the failure and a file that holds the stack trace, never the stack trace on the
 * user's terminal. The exit code is 1, as for any failure.
 */
final class CrashReport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private CrashReport() {
    }

    /** Reports {@code failure} of {@code command} on {@code err}; returns the exit code. */
    static int report(String command, Throwable failure, PrintWriter err) {
        return report(command, failure, err, Path.of(System.getProperty("java.io.tmpdir")));
    }

    static int report(String command, Throwable failure, PrintWriter err, Path directory) {
        err.println("pipewright " + command + ": internal error: " + failure
                + " (a bug in Pipewright, not in your pipeline)");
        try {
            Path file = Files.createTempFile(directory, "pipewright-crash-" + LocalDateTime.now().format(STAMP) + "-", ".txt");
            Files.writeString(file, stackTrace(failure), StandardCharsets.UTF_8);
            err.println("  the details are in " + file + "; please attach that file when you report it");
        } catch (IOException | RuntimeException e) {
            // Nowhere to write the details: the terminal is the last place left for them.
            err.println("  the details could not be written to " + directory + " (" + e.getMessage() + "); here they are:");
            err.print(stackTrace(failure));
        }
        err.flush();
        return Main.EXIT_FAILED;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
