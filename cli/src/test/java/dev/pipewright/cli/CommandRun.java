package dev.pipewright.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the real command line in-process, as {@code main} does (the lean start included), and
 * captures what it prints and its exit code.
 */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
