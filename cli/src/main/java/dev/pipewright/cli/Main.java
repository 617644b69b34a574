package dev.pipewright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pipewright} command. Each subcommand is a class of its own; this one only wires
 * them together and maps outcomes to the exit codes of LANGUAGE.md.
 */
@Command(
        name = "pipewright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs declarative, event-driven pipelines.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CheckCommand.class,
            FmtCommand.class,
            RunCommand.class,
            ExplainCommand.class,
            dev.pipewright.cli.runs.RunsCommand.class,
            dev.pipewright.cli.runs.ShowCommand.class,
            dev.pipewright.cli.runs.QueryCommand.class,
            dev.pipewright.cli.runs.LogsCommand.class,
            dev.pipewright.cli.repl.ReplCommand.class,
            StagesCommand.class,
            GcCommand.class,
        })
public final class Main implements Runnable {

    /** Exit codes of {@code pipewright run} and friends (LANGUAGE.md). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests that run commands in-process. */
    public static CommandLine commandLine() {
        // picocli's defaults already match ours: 2 for invalid input, 1 for an uncaught exception.
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
